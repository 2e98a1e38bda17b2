namespace Campaign.Core.Subscribers;

/// <summary>Where a resident stands with campaign messages.</summary>
public enum SubscriberStatus
{
    /// <summary>Has written to the bot but never asked for news: answered, never pushed to.</summary>
    Contact,

    /// <summary>Asked for news (DK, a Zalo follow ...): receives campaigns.</summary>
    Subscribed,

    /// <summary>Said stop: receives no campaign message until they opt back in.</summary>
    OptedOut,
}

public static class SubscriberStatusExtensions
{
    /// <summary>The one character a packed <see cref="SubscriberRecord"/> stores.</summary>
    public static char Code(this SubscriberStatus status) => status switch
    {
        SubscriberStatus.Contact => 'c',
        SubscriberStatus.Subscribed => 's',
        SubscriberStatus.OptedOut => 'o',
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParseCode(char code, out SubscriberStatus status)
    {
        (var known, status) = code switch
        {
            'c' => (true, SubscriberStatus.Contact),
            's' => (true, SubscriberStatus.Subscribed),
            'o' => (true, SubscriberStatus.OptedOut),
            _ => (false, default(SubscriberStatus)),
        };
        return known;
    }
}
