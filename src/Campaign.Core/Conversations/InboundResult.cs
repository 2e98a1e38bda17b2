namespace Campaign.Core.Conversations;

/// <summary>What became of an inbound message, and the reply texts (for channels that answer inline, such as TwiML).</summary>
public sealed record InboundResult(InboundDisposition Disposition, IReadOnlyList<string> Replies)
{
    /// <summary>The options offered with the last reply, when handled now (a repeat remembers texts only).</summary>
    public IReadOnlyList<ReplyChoice> Choices { get; init; } = [];

    /// <summary>The deliveries recorded for the replies, in order, when handled now; lets inline answers ask for receipts.</summary>
    public IReadOnlyList<string> DeliveryIds { get; init; } = [];

    public static readonly InboundResult InProgress = new(InboundDisposition.InProgress, []);
    public static readonly InboundResult IgnoredSender = new(InboundDisposition.IgnoredSender, []);
}

public enum InboundDisposition
{
    /// <summary>Handled now: one conversation step.</summary>
    Handled,

    /// <summary>Already handled (a retried webhook): the same replies, no second conversation step.</summary>
    Duplicate,

    /// <summary>Another request is handling the same message right now; the provider should retry.</summary>
    InProgress,

    /// <summary>Not from a phone number we can answer (an alphanumeric sender, a carrier notice): accepted, not answered.</summary>
    IgnoredSender,
}
