namespace Campaign.Core.Subscribers;

/// <summary>What an import did with one row. The numbers are what the import script returns.</summary>
public enum ImportOutcome
{
    /// <summary>A new subscriber, subscribed with the import's consent.</summary>
    Created = 0,

    /// <summary>An existing contact, now subscribed with the import's consent.</summary>
    Subscribed = 1,

    /// <summary>Already subscribed: area, themes and name replaced when given; the original consent kept.</summary>
    Updated = 2,

    /// <summary>Opted out: an import never re-subscribes a resident who said stop; nothing changed.</summary>
    KeptOptedOut = 3,
}
