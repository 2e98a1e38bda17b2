using Campaign.Core.Campaigns;

namespace CampaignBot.Console;

/// <summary>The body of <c>PUT /api/admin/campaigns/{id}</c>: a <see cref="CampaignDefinition"/> and, unless If-Match says it, the version it was based on.</summary>
public sealed record CampaignEdit(string Title, Audience Audience, IReadOnlyDictionary<string, MessageText>? Message, Schedule Schedule, long? Version = null)
{
    public CampaignDefinition Definition => new(Title, Audience, Message, Schedule);
}
