using System.Text.Json.Serialization;

namespace Campaign.Core.Inbox;

/// <summary>Where an officer's answer stands: proposed, then approved (live) or rejected by someone else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerStatus>))]
public enum AnswerStatus
{
    [JsonStringEnumMemberName("proposed")]
    Proposed,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

public static class AnswerStatusExtensions
{
    public static string Key(this AnswerStatus status) => status switch
    {
        AnswerStatus.Proposed => "proposed",
        AnswerStatus.Approved => "approved",
        AnswerStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? key, out AnswerStatus status)
    {
        foreach (var candidate in Enum.GetValues<AnswerStatus>())
        {
            if (string.Equals(candidate.Key(), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
