namespace Campaign.Core.Content;

/// <summary>One question residents ask, the ways they ask it, and the answer per channel kind.</summary>
public sealed record FaqEntry
{
    public required string Id { get; init; }
    public required string Theme { get; init; }

    /// <summary>Short label for menus and suggestions.</summary>
    public required string Title { get; init; }

    public required string Question { get; init; }
    public required IReadOnlyList<string> Phrasings { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Answer for chat channels (Zalo, Messenger, web chat, Bot Framework).</summary>
    public required TextTemplate ChatAnswer { get; init; }

    /// <summary>Answer for SMS, written with marks; fits two GSM-7 segments once unaccented.</summary>
    public required TextTemplate SmsAnswer { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Where the entry was read from, for error messages.</summary>
    public required ContentLocation Location { get; init; }
}
