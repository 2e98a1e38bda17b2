namespace Campaign.Core.Content;

/// <summary>A reply the bot gives outside the FAQ (welcome, opted out, not sure ...), per channel kind.</summary>
public sealed record SystemReply(string Id, TextTemplate Chat, TextTemplate Sms, ContentLocation Location);
