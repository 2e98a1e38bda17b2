using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Campaign.Core.Campaigns;

/// <summary>
/// The one JSON shape of campaigns, for Redis and for the API alike, so the field paths
/// <see cref="CampaignValidator"/> reports are the paths of the request body.
/// </summary>
public static class CampaignJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(CampaignRecord campaign) => JsonSerializer.Serialize(campaign, Options);

    public static CampaignRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<CampaignRecord>(json, Options) ?? throw new JsonException("a campaign is not null");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Vietnamese stays readable in Redis and in responses.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // Clients need not put "kind" first in a schedule.
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new ChannelJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
