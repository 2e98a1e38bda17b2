using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Campaign.Core.Campaigns;

/// <summary>
/// A wall-clock time in Asia/Ho_Chi_Minh as <c>2026-03-02T08:00:00</c>. A value with an offset or Z
/// is accepted and converted to Vietnam's wall clock, rather than silently read in the server's own zone.
/// </summary>
public sealed class LocalDateTimeJsonConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return parsed.Kind == DateTimeKind.Unspecified
                ? parsed
                : CampaignSchedule.ToLocal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }
        throw new JsonException($"'{text}' is not a local date and time such as 2026-03-02T08:00:00 ({CampaignSchedule.ZoneId})");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
    }
}
