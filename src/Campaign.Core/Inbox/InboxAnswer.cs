namespace Campaign.Core.Inbox;

/// <summary>
/// An officer's answer to a group of unanswered questions: a new FAQ entry, or the questions attached
/// to an existing one. It goes live only once someone else (approver or admin) approves it.
/// </summary>
public sealed record InboxAnswer
{
    /// <summary>"ans_" and a number.</summary>
    public required string Id { get; init; }

    public required AnswerKind Kind { get; init; }
    public required AnswerStatus Status { get; init; }

    /// <summary>The inbox group answered, as it was listed when proposed.</summary>
    public required string GroupId { get; init; }

    /// <summary>The new entry's id (from its title), or the existing entry attached to.</summary>
    public required string FaqId { get; init; }

    /// <summary>For a new entry: the question as the FAQ states it.</summary>
    public string? Question { get; init; }

    /// <summary>For a new entry: the short label for menus and suggestions.</summary>
    public string? Title { get; init; }

    /// <summary>For a new entry: its theme (themes.yaml).</summary>
    public string? Theme { get; init; }

    /// <summary>For a new entry: the answer on chat channels.</summary>
    public string? Chat { get; init; }

    /// <summary>For a new entry: the answer by SMS, with marks (unaccented when sent, by policy).</summary>
    public string? Sms { get; init; }

    /// <summary>For a new entry: existing entries to offer after it (the bot's suggestions for the group).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Ways residents ask it: a new entry's phrasings, or those added to the existing entry.</summary>
    public required IReadOnlyList<string> Phrasings { get; init; }

    /// <summary>Signatures of the group's questions; on approval they leave the inbox.</summary>
    public required IReadOnlyList<string> Signatures { get; init; }

    /// <summary>Areas of the residents who asked ("" for not known), for the reviewers' scope.</summary>
    public required IReadOnlyList<string> AreaCodes { get; init; }

    public required string ProposedBy { get; init; }
    public required DateTimeOffset ProposedAt { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? Comment { get; init; }
}
