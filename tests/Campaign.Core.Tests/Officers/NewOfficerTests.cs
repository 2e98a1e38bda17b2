using Campaign.Core.Officers;

namespace Campaign.Core.Tests.Officers;

public sealed class NewOfficerTests
{
    public static TheoryData<string, string, OfficerRole, string, string?> Drafts => new()
    {
        { "a commune officer", "Nguyễn Thị Lan", OfficerRole.Officer, "D0101", null },
        { "a national admin", "Trần Văn Minh", OfficerRole.Admin, "*", null },
        { "a province approver", "Lê Hoa", OfficerRole.Approver, "D01", null },
        { "an officer everywhere", "Lê Hoa", OfficerRole.Officer, "*", "areas" },
        { "an approver everywhere", "Lê Hoa", OfficerRole.Approver, "*", "areas" },
        { "no name", "  ", OfficerRole.Officer, "D0101", "name" },
        { "a name with a line break", "Lê\nHoa", OfficerRole.Officer, "D0101", "name" },
        { "a very long name", new string('a', 101), OfficerRole.Officer, "D0101", "name" },
        { "an undefined role", "Lê Hoa", (OfficerRole)7, "D0101", "role" },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Problems_name_the_field(string name, string officerName, OfficerRole role, string areas, string? field)
    {
        var problems = new NewOfficer(officerName, role, AreaScope.Parse(areas)).Problems();
        if (field is null)
        {
            Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
        }
        else
        {
            Assert.Contains(problems, p => p.StartsWith(field + ":", StringComparison.Ordinal));
        }
    }

    public static TheoryData<OfficerRole, OfficerRole, bool> Inclusion => new()
    {
        { OfficerRole.Officer, OfficerRole.Officer, true },
        { OfficerRole.Officer, OfficerRole.Approver, false },
        { OfficerRole.Officer, OfficerRole.Admin, false },
        { OfficerRole.Approver, OfficerRole.Officer, true },
        { OfficerRole.Approver, OfficerRole.Approver, true },
        { OfficerRole.Approver, OfficerRole.Admin, false },
        { OfficerRole.Admin, OfficerRole.Approver, true },
        { OfficerRole.Admin, OfficerRole.Admin, true },
    };

    [Theory]
    [MemberData(nameof(Inclusion))]
    public void Each_role_includes_the_ones_below_it(OfficerRole role, OfficerRole required, bool included)
    {
        Assert.Equal(included, role.Includes(required));
    }

    [Theory]
    [InlineData("officer", OfficerRole.Officer)]
    [InlineData(" Approver ", OfficerRole.Approver)]
    [InlineData("ADMIN", OfficerRole.Admin)]
    public void Roles_are_read_by_name(string text, OfficerRole role)
    {
        Assert.True(OfficerRoleExtensions.TryParse(text, out var parsed));
        Assert.Equal(role, parsed);
        Assert.False(OfficerRoleExtensions.TryParse("superuser", out _));
        Assert.False(OfficerRoleExtensions.TryParse("2", out _));
    }
}
