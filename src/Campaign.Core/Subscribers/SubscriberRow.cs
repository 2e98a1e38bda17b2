using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>
/// A subscriber as a scan returns it: what audience planning needs, without consent evidence or name.
/// </summary>
/// <param name="AreaCode">Null when not known.</param>
/// <param name="Themes">Theme ids (decoded from the record's short codes); empty means every theme.</param>
/// <param name="ConsentAt">When the current status was set with consent; for a subscriber, when they subscribed.</param>
public readonly record struct SubscriberRow(
    long Id,
    Channel Channel,
    SubscriberStatus Status,
    string? AreaCode,
    string Language,
    IReadOnlyList<string> Themes,
    DateTimeOffset? ConsentAt,
    DateTimeOffset? LastInboundAt,
    string Address);
