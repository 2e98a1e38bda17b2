namespace Campaign.Core.Delivery;

/// <summary>Where one outgoing message stands. Receipts only ever move it forward (see <see cref="DeliveryStatusExtensions.Rank"/>).</summary>
public enum DeliveryStatus
{
    /// <summary>Accepted by us, waiting in the outbox (or for a retry).</summary>
    Queued,

    /// <summary>A dispatcher has claimed it and is calling the provider.</summary>
    Sending,

    /// <summary>The process died during the provider call: it may or may not have gone out, so it is not retried.</summary>
    Unknown,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>The handset received it.</summary>
    Delivered,

    /// <summary>The resident read it (chat channels).</summary>
    Read,

    /// <summary>The carrier could not deliver it.</summary>
    Undelivered,

    /// <summary>Refused by the provider or given up after retries.</summary>
    Failed,

    /// <summary>Not sent on purpose, by a policy (outside the channel's window, opted out ...); the error code says which.</summary>
    Skipped,
}

public static class DeliveryStatusExtensions
{
    public static string Key(this DeliveryStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// Order of progress. A status update applies only when it ranks higher than the current one, so
    /// receipts arriving out of order ("delivered" before "sent") never move a delivery backwards.
    /// A failure outranks delivery: a multi-part SMS with one failed part has failed.
    /// </summary>
    public static int Rank(this DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => 0,
        DeliveryStatus.Sending => 1,
        DeliveryStatus.Unknown => 2,
        DeliveryStatus.Sent => 3,
        DeliveryStatus.Delivered => 4,
        DeliveryStatus.Read => 5,
        DeliveryStatus.Undelivered => 6,
        DeliveryStatus.Failed => 6,
        DeliveryStatus.Skipped => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool IsFinal(this DeliveryStatus status) => status.Rank() >= DeliveryStatus.Delivered.Rank();

    public static bool TryParse(string? key, out DeliveryStatus status) =>
        Enum.TryParse(key, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(key, out _);
}
