using Campaign.Core.Campaigns;

namespace CampaignBot.Console;

/// <summary>The answer of <c>next-fires</c>: when the campaign's schedule fires next, in UTC and in Vietnam's wall-clock time.</summary>
public sealed record NextFires(string CampaignId, string Zone, IReadOnlyList<FireTime> Fires);
