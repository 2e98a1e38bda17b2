using Campaign.Core.Content;

namespace Campaign.Core.Conversations;

/// <summary>A command read from a message, with what followed the keyword (only subscribe takes one).</summary>
public sealed record ParsedCommand(CommandKind Kind, string Argument);
