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
