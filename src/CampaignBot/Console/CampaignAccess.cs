using Campaign.Core.Campaigns;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using CampaignScope = Campaign.Core.Campaigns.AreaScope;

namespace CampaignBot.Console;

/// <summary>How an officer's key translates into the campaign model: who acts, over which areas, and which campaigns they may see.</summary>
internal static class CampaignAccess
{
    public static Actor ActorOf(OfficerContext officer) => new(officer.Id, officer.Role switch
    {
        OfficerRole.Admin => ActorRole.Admin,
        OfficerRole.Approver => ActorRole.Approver,
        _ => ActorRole.Officer,
    });

    public static CampaignScope ScopeOf(OfficerContext officer) =>
        officer.Scope.IsEverywhere ? CampaignScope.Everywhere : CampaignScope.Of(officer.Scope.Codes);

    /// <summary>
    /// Admins see every campaign; others only those whose whole audience lies in their areas.
    /// Everything else answers 404, so ids outside one's areas reveal nothing.
    /// </summary>
    public static bool CanSee(OfficerContext officer, CampaignRecord campaign) =>
        officer.Role == OfficerRole.Admin || officer.Scope.IsEverywhere || officer.CoversAll(campaign.Audience.AreaCodes);
}
