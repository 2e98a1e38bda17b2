namespace Campaign.Core.Inbox;

/// <summary>One thing to fix in a draft answer: the request field and what is wrong.</summary>
public sealed record InboxProblem(string Field, string Message);
