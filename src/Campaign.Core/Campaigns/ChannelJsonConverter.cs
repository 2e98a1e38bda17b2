using System.Text.Json;
using System.Text.Json.Serialization;
using Campaign.Core.Conversations;

namespace Campaign.Core.Campaigns;

/// <summary>Channels in JSON as their keys ("sms", "zalo", "webchat"), the names Redis and logs already use.</summary>
public sealed class ChannelJsonConverter : JsonConverter<Channel>
{
    public override Channel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var key = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return ChannelExtensions.TryParse(key, out var channel)
            ? channel
            : throw new JsonException($"'{key}' is not a channel; use one of {string.Join(", ", Enum.GetValues<Channel>().Select(c => c.Key()))}");
    }

    public override void Write(Utf8JsonWriter writer, Channel value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Key());
    }
}
