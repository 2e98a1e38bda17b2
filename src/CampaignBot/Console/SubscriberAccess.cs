using Campaign.Core.Officers;
using Campaign.Core.Subscribers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>Which residents an officer may look at: those in their areas (admins: everyone, as with campaigns).</summary>
internal static class SubscriberAccess
{
    public static bool CanSee(OfficerContext officer, Subscriber subscriber) =>
        officer.Role == OfficerRole.Admin || officer.Scope.IsEverywhere || officer.Covers(subscriber.AreaCode);

    public static bool CanSeeArea(OfficerContext officer, string areaCode) =>
        officer.Role == OfficerRole.Admin || officer.Covers(areaCode);
}
