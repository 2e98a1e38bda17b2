namespace Campaign.Core.Inbox;

/// <summary>
/// What an officer writes to answer a group: the question as the FAQ will state it and the answer
/// per channel kind; title, theme and extra phrasings are optional (derived from the group when absent).
/// </summary>
public sealed record AnswerDraft(
    string? Question,
    string? Chat,
    string? Sms,
    string? Title = null,
    string? Theme = null,
    IReadOnlyList<string>? Phrasings = null);
