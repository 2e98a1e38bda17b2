namespace Campaign.Core.Conversations;

/// <summary>How the conversation engine behaves; bound from the "Conversations" configuration section.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>Longer messages are cut to this many characters before matching (nobody types an essay by SMS).</summary>
    public int MaxInputCharacters { get; set; } = 1000;

    /// <summary>Send SMS replies without marks: 160 characters a segment instead of 70.</summary>
    public bool SmsUnaccented { get; set; } = true;

    /// <summary>SMS replies may grow to this many segments when a footer or list is added.</summary>
    public int SmsMaxSegments { get; set; } = 2;
}
