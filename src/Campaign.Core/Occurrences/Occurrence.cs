namespace Campaign.Core.Occurrences;

/// <summary>One firing of a campaign: who claimed it, where it stands, and its counters.</summary>
public sealed record Occurrence
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }

    /// <summary>The scheduled fire instant (not when it actually ran: a catch-up after downtime runs later).</summary>
    public required DateTimeOffset FireAt { get; init; }

    public required OccurrenceStatus Status { get; init; }

    /// <summary>Why it is missed or cancelled ("down past grace", "paused").</summary>
    public string? Reason { get; init; }

    /// <summary>The instance that claimed it.</summary>
    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? PlannedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Recipient chunks created (including retries) and finished.</summary>
    public long Chunks { get; init; }

    public long ChunksDone { get; init; }

    public required OccurrenceStats Stats { get; init; }
}
