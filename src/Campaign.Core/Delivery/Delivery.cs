using Campaign.Core.Conversations;

namespace Campaign.Core.Delivery;

/// <summary>One message to one address on one channel, from the outbox to the last receipt.</summary>
public sealed record Delivery
{
    public required string Id { get; init; }
    public required Channel Channel { get; init; }
    public required string Address { get; init; }
    public required string Text { get; init; }
    public required DeliveryKind Kind { get; init; }

    /// <summary>Options offered with the text (chat channels render them as buttons).</summary>
    public IReadOnlyList<ReplyChoice> Choices { get; init; } = [];
    public DeliveryStatus Status { get; init; } = DeliveryStatus.Queued;

    /// <summary>Billed SMS segments (0 for chat channels), recorded for cost reporting.</summary>
    public int Segments { get; init; }

    /// <summary>"GSM-7" or "UCS-2" for SMS.</summary>
    public string? Encoding { get; init; }

    public long? SubscriberId { get; init; }
    public string? Provider { get; init; }
    public string? ProviderMessageId { get; init; }
    public int Attempts { get; init; }
    public string? ErrorCode { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A new, time-ordered id: short enough to be a provider's idempotency key (≤ 36 characters).</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
