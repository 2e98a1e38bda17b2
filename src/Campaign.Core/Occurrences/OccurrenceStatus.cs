namespace Campaign.Core.Occurrences;

/// <summary>Where one firing of a campaign stands.</summary>
public enum OccurrenceStatus
{
    /// <summary>Claimed; the audience is being expanded into chunks (sending may already have begun).</summary>
    Planning,

    /// <summary>Every recipient is in a chunk; dispatchers are working through them.</summary>
    Sending,

    /// <summary>Every chunk is done: each recipient was sent, skipped, failed or is unknown.</summary>
    Completed,

    /// <summary>Not fired: everything was down past the grace period, or the campaign was paused at the time.</summary>
    Missed,

    /// <summary>The campaign was cancelled while it ran; recipients not yet handed to a provider were skipped.</summary>
    Cancelled,
}

public static class OccurrenceStatusExtensions
{
    public static string Key(this OccurrenceStatus status) => status switch
    {
        OccurrenceStatus.Planning => "planning",
        OccurrenceStatus.Sending => "sending",
        OccurrenceStatus.Completed => "completed",
        OccurrenceStatus.Missed => "missed",
        OccurrenceStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static OccurrenceStatus Parse(string? key) => key switch
    {
        "planning" => OccurrenceStatus.Planning,
        "sending" => OccurrenceStatus.Sending,
        "completed" => OccurrenceStatus.Completed,
        "missed" => OccurrenceStatus.Missed,
        "cancelled" => OccurrenceStatus.Cancelled,
        _ => throw new FormatException($"unknown occurrence status '{key}'"),
    };

    /// <summary>Still has work: planning or sending.</summary>
    public static bool IsOpen(this OccurrenceStatus status) => status is OccurrenceStatus.Planning or OccurrenceStatus.Sending;
}
