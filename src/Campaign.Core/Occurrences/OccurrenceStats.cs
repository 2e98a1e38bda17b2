namespace Campaign.Core.Occurrences;

/// <summary>
/// What an occurrence has done so far, readable while it runs. Every recipient counted in
/// <see cref="Targeted"/> ends in exactly one of sent, skipped (by reason), failed (by reason) or
/// unknown; <see cref="Deferred"/> and <see cref="Retrying"/> count recipients waiting (quiet hours,
/// a provider's retry) on their way there. Delivered, read and replies are receipts about sent ones.
/// </summary>
public sealed record OccurrenceStats
{
    public long Targeted { get; init; }

    /// <summary>Recipients whose chunk waited for the end of quiet hours (counted once each).</summary>
    public long Deferred { get; init; }

    /// <summary>Handed to the provider, which accepted.</summary>
    public long Sent { get; init; }

    public long Delivered { get; init; }
    public long Read { get; init; }

    /// <summary>The process died during the provider call: may or may not have gone out; never retried.</summary>
    public long Unknown { get; init; }

    /// <summary>Waiting for a retry after a provider asked us to slow down or failed temporarily.</summary>
    public long Retrying { get; init; }

    /// <summary>Recipients who wrote back within 24 hours of receiving it.</summary>
    public long Replies { get; init; }

    /// <summary>By reason: opted_out, do_not_contact, frequency_cap, outside_window, cancelled, not_subscribed.</summary>
    public IReadOnlyDictionary<string, long> Skipped { get; init; } = new Dictionary<string, long>();

    /// <summary>Refused when sent, by reason: the provider's error code (or "gave_up" after the last retry).</summary>
    public IReadOnlyDictionary<string, long> Failed { get; init; } = new Dictionary<string, long>();

    /// <summary>Sent, then reported not delivered by a receipt, by reason (the provider's code, or "undelivered").</summary>
    public IReadOnlyDictionary<string, long> Undelivered { get; init; } = new Dictionary<string, long>();

    public long SkippedTotal => Skipped.Values.Sum();
    public long FailedTotal => Failed.Values.Sum();

    /// <summary>Targeted recipients with no outcome yet (not yet sent, deferred or retrying).</summary>
    public long Pending => Math.Max(0, Targeted - Sent - SkippedTotal - FailedTotal - Unknown);
}
