namespace Campaign.Core.Conversations;

/// <summary>How the conversation engine behaves; bound from the "Conversations" configuration section.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>Longer messages are cut to this many characters before matching (nobody types an essay by SMS).</summary>
    public int MaxInputCharacters { get; set; } = 1000;

}
