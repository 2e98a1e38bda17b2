namespace Campaign.Core.Conversations;

/// <summary>
/// One message back to the resident. <see cref="Choices"/> are the numbered options the text lists;
/// chat channels render them as buttons or quick replies, SMS just shows the numbers in the text.
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<ReplyChoice> Choices)
{
    public Reply(string text) : this(text, []) { }
}

/// <summary>An option offered with a reply: the label shown and the text sent back when it is picked.</summary>
public sealed record ReplyChoice(string Label, string Value);
