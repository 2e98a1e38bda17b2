namespace Campaign.Core.Conversations;

/// <summary>
/// What the bot last offered a resident, so a bare number in the next message means that option.
/// Empty <see cref="OfferedFaqIds"/> means the main menu.
/// </summary>
public sealed record ConversationState(IReadOnlyList<string> OfferedFaqIds)
{
    public static ConversationState MainMenu { get; } = new([]);
}
