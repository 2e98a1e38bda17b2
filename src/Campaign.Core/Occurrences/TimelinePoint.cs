namespace Campaign.Core.Occurrences;

/// <summary>An occurrence's totals at the end of one minute: what had been sent, had failed and was skipped by then.</summary>
public sealed record TimelinePoint(DateTimeOffset At, long Sent, long Failed, long Skipped);
