namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// Everything needed to write into a conversation later: where its connector is (serviceUrl), who is
/// who, and the last activity to reply to. Stored per resident, so replies and campaigns reach them.
/// </summary>
public sealed record ConversationReference
{
    /// <summary>The last activity received from the user; replies are threaded onto it.</summary>
    public string? ActivityId { get; init; }

    public required ChannelAccount User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public required ConversationAccount Conversation { get; init; }
    public required string ChannelId { get; init; }

    /// <summary>The connector of the channel; it came in an (authenticated) activity, never from anywhere else.</summary>
    public required string ServiceUrl { get; init; }

    public string? Locale { get; init; }

    /// <summary>The reference of an incoming activity, for <paramref name="user"/> (its sender, or a member it added).</summary>
    public static ConversationReference From(Activity activity, ChannelAccount user) => new()
    {
        ActivityId = activity.Id,
        User = user,
        Bot = activity.Recipient,
        Conversation = activity.Conversation!,
        ChannelId = activity.ChannelId!,
        ServiceUrl = activity.ServiceUrl!,
        Locale = activity.Locale,
    };
}
