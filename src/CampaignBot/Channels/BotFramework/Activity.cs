using System.Text.Json;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// The Activity of the Bot Framework protocol v3, with the fields this bot reads or writes. Fields we
/// do not know are ignored on the way in (the spec asks receivers to accept them).
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? ReplyToId { get; init; }

    /// <summary>What a postBack or messageBack button carries; any JSON.</summary>
    public JsonElement? Value { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
}

/// <summary>The activity types this bot acts on; every other one is acknowledged and ignored.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
}
