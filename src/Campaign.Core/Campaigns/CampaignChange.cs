namespace Campaign.Core.Campaigns;

/// <summary>
/// Published on every save (<c>RedisKeys.CampaignChanges</c>): which campaign, at which version, in
/// which status. A listener that already holds this version or a later one can ignore it.
/// </summary>
public sealed record CampaignChange(string Id, long Version, CampaignStatus Status);
