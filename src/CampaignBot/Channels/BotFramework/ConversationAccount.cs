namespace CampaignBot.Channels.BotFramework;

/// <summary>The conversation an activity belongs to; replies go back to the same one.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public bool? IsGroup { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
}
