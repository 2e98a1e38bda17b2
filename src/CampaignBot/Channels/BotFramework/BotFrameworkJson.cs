using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignBot.Channels.BotFramework;

/// <summary>The protocol's JSON: camelCase, names matched case-insensitively on the way in, nulls left out on the way out.</summary>
public static class BotFrameworkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
