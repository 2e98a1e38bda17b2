using Campaign.Core.Inbox;
using Campaign.Core.Officers;
using Campaign.Core.Tests.Conversations;

namespace Campaign.Core.Tests.Inbox;

public sealed class InboxScopeTests
{
    private static InboxScope For(string areas)
    {
        var content = EngineHarness.SharedContent;
        return InboxScope.For(AreaScope.Parse(areas), content.Areas.IsWithin, content.Areas);
    }

    [Fact]
    public void A_commune_officer_sees_their_residents_only_and_not_those_without_an_area()
    {
        var scope = For("D0101");
        Assert.True(scope.CanSee("D0101"));
        Assert.True(scope.CanSee("D010101"));   // a hamlet of the commune
        Assert.False(scope.CanSee("D0102"));
        Assert.False(scope.CanSee(null));
        Assert.False(scope.CanSee(""));
    }

    [Fact]
    public void Province_and_national_officers_also_see_residents_without_an_area()
    {
        var province = For("D01");
        Assert.True(province.CanSee("D0102"));
        Assert.True(province.CanSee(null));
        Assert.True(For("*").CanSee(null));
        Assert.True(For("*").CanSee("D0101"));
    }

    [Fact]
    public void Reviewing_needs_one_of_the_askers_in_scope()
    {
        Assert.True(For("D0101").CanSeeAny(["", "D0101"]));
        Assert.False(For("D0102").CanSeeAny(["", "D0101"]));
    }
}
