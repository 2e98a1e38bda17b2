namespace Campaign.Core.Delivery;

/// <summary>What a provider receipt did to its delivery.</summary>
public enum ReceiptResult
{
    /// <summary>The delivery moved forward.</summary>
    Applied,

    /// <summary>The delivery was already further along (an out-of-order or repeated receipt): nothing changed.</summary>
    Stale,

    /// <summary>No such delivery (expired, or not ours).</summary>
    UnknownDelivery,
}
