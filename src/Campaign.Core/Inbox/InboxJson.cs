using System.Text.Json;
using System.Text.Json.Serialization;

namespace Campaign.Core.Inbox;

/// <summary>How inbox answers are stored in Redis and shown by the API: camelCase, enums by key, no nulls.</summary>
public static class InboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
