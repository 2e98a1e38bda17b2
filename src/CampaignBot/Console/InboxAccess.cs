using Campaign.Core.Content;
using Campaign.Core.Inbox;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>Whose questions and answers an officer may see (see <see cref="InboxScope"/> for residents without an area).</summary>
internal static class InboxAccess
{
    public static InboxScope ScopeOf(OfficerContext officer, ContentStore content) =>
        officer.Role == OfficerRole.Admin || officer.Scope.IsEverywhere
            ? InboxScope.Everywhere
            : new InboxScope(officer.Covers, InboxScope.HasProvince(officer.Scope, content.Current.Areas));

    /// <summary>The proposer, admins, and officers who can see one of the askers.</summary>
    public static bool CanSee(OfficerContext officer, InboxAnswer answer, InboxScope scope) =>
        officer.Role == OfficerRole.Admin
        || string.Equals(answer.ProposedBy, officer.Id, StringComparison.Ordinal)
        || scope.CanSeeAny(answer.AreaCodes);
}
