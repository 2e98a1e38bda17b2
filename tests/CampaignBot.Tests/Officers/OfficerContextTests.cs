using System.Security.Claims;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Tests.Officers;

public sealed class OfficerContextTests
{
    private static readonly Officer Lan = new("off_0123456789ab", "Nguyễn Thị Lan", OfficerRole.Approver, AreaScope.Parse("P1"), DateTimeOffset.UnixEpoch, false);

    [Fact]
    public void The_officer_is_read_back_from_the_claims()
    {
        var officer = OfficerContext.From(OfficerClaims.Principal(Lan, "cmp_AbCdEfGh"), AreaContainment.ByCodePrefix)!;

        Assert.Equal((Lan.Id, Lan.Name, OfficerRole.Approver, "P1", "cmp_AbCdEfGh"), (officer.Id, officer.Name, officer.Role, officer.Scope.ToString(), officer.KeyId));
        Assert.True(officer.Has(OfficerRole.Officer));
        Assert.False(officer.Has(OfficerRole.Admin));
        var entry = officer.Audit("campaign.approve", "campaign:c1", AuditOutcome.Allowed);
        Assert.Equal((Lan.Id, "approver"), (entry.ActorId, entry.Role));
    }

    [Fact]
    public void Coverage_uses_the_registered_containment()
    {
        // A tree where C7 lies in P1 although the codes share no prefix.
        var tree = new AreaContainment((code, ancestor) => code == ancestor || (code, ancestor) is ("C7", "P1") or ("H3", "P1"));
        var officer = OfficerContext.From(OfficerClaims.Principal(Lan, "cmp_AbCdEfGh"), tree)!;

        Assert.True(officer.Covers("C7"));
        Assert.False(officer.Covers("P10"));
        Assert.True(officer.CoversAll(["C7", "H3"]));
        Assert.False(officer.CoversAll(["C7", "C9"]));
    }

    [Fact]
    public void Other_principals_are_not_officers()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var otherScheme = new ClaimsPrincipal(new ClaimsIdentity([new Claim(OfficerClaims.Id, Lan.Id), new Claim(OfficerClaims.Role, "admin"), new Claim(OfficerClaims.Area, "*")], "Bearer"));

        Assert.Null(OfficerContext.From(anonymous, AreaContainment.ByCodePrefix));
        Assert.Null(OfficerContext.From(otherScheme, AreaContainment.ByCodePrefix));
        Assert.Null(OfficerContext.From(null, AreaContainment.ByCodePrefix));
    }
}
