namespace CampaignBot.Channels.BotFramework;

/// <summary>A user or bot on a channel. Ids are opaque strings, kept whole.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}
