namespace Campaign.Core.Fanout;

/// <summary>One recipient handed to a dispatcher to send to now.</summary>
public readonly record struct ClaimedRecipient(long SubscriberId, string Address, string? AreaCode);

/// <summary>
/// What a claim gave: the chunk's new position, the recipients to send to now (the rest of the batch
/// was skipped and counted), and how many a dead predecessor left in flight (now counted unknown).
/// <see cref="Stale"/> when another dispatcher had moved the chunk on.
/// </summary>
public sealed record ClaimedBatch(long Position, IReadOnlyList<ClaimedRecipient> Recipients, long SettledUnknown, bool Stale = false);
