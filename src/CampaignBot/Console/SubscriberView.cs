using Campaign.Core.Areas;
using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using Campaign.Core.Subscribers;

namespace CampaignBot.Console;

/// <summary>A resident as officers see them: the address masked (a phone number for SMS), never in full.</summary>
public sealed record SubscriberView(
    long Id,
    Channel Channel,
    string Address,
    SubscriberStatus Status,
    string? AreaCode,
    string? AreaName,
    IReadOnlyList<string> Themes,
    string? ConsentVia,
    DateTimeOffset? ConsentAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastInboundAt)
{
    public static SubscriberView Of(Subscriber subscriber, AreaDirectory areas)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(areas);
        return new(
            subscriber.Id,
            subscriber.Channel,
            PhoneMask.MaskAddress(subscriber.Channel.Key(), subscriber.Address),
            subscriber.Status,
            subscriber.AreaCode,
            subscriber.AreaCode is { } code ? areas.Find(code)?.Name : null,
            subscriber.Themes,
            subscriber.Consent?.Via,
            subscriber.Consent?.At,
            subscriber.CreatedAt,
            subscriber.LastInboundAt);
    }
}
