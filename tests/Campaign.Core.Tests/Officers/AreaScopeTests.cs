using Campaign.Core.Officers;

namespace Campaign.Core.Tests.Officers;

public sealed class AreaScopeTests
{
    // The demo tree of content/areas.yaml, walked by parent links as the areas tree will be.
    private static readonly Dictionary<string, string> DemoParents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["D0101"] = "D01",
        ["D0102"] = "D01",
        ["D010101"] = "D0101",
        ["D010102"] = "D0101",
        ["D010201"] = "D0102",
    };

    // Codes that do not nest by prefix (as official unit codes do not): only the tree knows.
    private static readonly Dictionary<string, string> OpaqueParents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C7"] = "P1",
        ["C9"] = "P2",
        ["H3"] = "C7",
    };

    private static Func<string, string, bool> TreeWalk(Dictionary<string, string> parents) => (code, ancestor) =>
    {
        for (string? at = code; at is not null; at = parents.GetValueOrDefault(at))
        {
            if (string.Equals(at, ancestor, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    };

    public static TheoryData<string, string, string, bool> Coverage => new()
    {
        { "a commune covers its hamlet", "D0101", "D010101", true },
        { "a commune covers itself", "D0101", "D0101", true },
        { "a commune does not cover its neighbour", "D0101", "D0102", false },
        { "a commune does not cover the neighbour's hamlet", "D0101", "D010201", false },
        { "a commune does not cover its province", "D0101", "D01", false },
        { "a province covers its communes", "D01", "D0102", true },
        { "a province covers its hamlets", "D01", "D010201", true },
        { "two communes cover both", "D0101,D0102", "D010201", true },
        { "everywhere covers every area", "*", "D010201", true },
        { "everywhere covers a code the tree does not know", "*", "X99", true },
        { "no area is covered by a commune", "D0101", "", false },
        { "case does not matter", "d0101", "d010102", true },
    };

    [Theory]
    [MemberData(nameof(Coverage))]
    public void Coverage_follows_the_areas_tree(string name, string scope, string area, bool covered)
    {
        Assert.True(covered == AreaScope.Parse(scope).Covers(area, TreeWalk(DemoParents)), name);
    }

    [Fact]
    public void Containment_is_the_tree_s_answer_not_a_code_prefix()
    {
        var province = AreaScope.Parse("P1");
        var walk = TreeWalk(OpaqueParents);

        Assert.True(province.Covers("H3", walk));
        Assert.False(province.Covers("C9", walk));
        Assert.False(province.Covers("P10", walk)); // a prefix match would say yes
    }

    [Fact]
    public void Until_the_tree_answers_codes_nest_by_prefix()
    {
        Assert.True(AreaScope.Parse("D01").Covers("D010201", AreaContainment.ByCodePrefix.IsWithin));
        Assert.False(AreaScope.Parse("D0101").Covers("D0102", AreaContainment.ByCodePrefix.IsWithin));
    }

    [Fact]
    public void Targeting_needs_every_area_covered_and_at_least_one()
    {
        var commune = AreaScope.Parse("D0101");
        var walk = TreeWalk(DemoParents);

        Assert.True(commune.CoversAll(["D010101", "D010102"], walk));
        Assert.False(commune.CoversAll(["D010101", "D010201"], walk));
        Assert.False(commune.CoversAll([], walk));
    }

    public static TheoryData<string, string, string?> Parsing => new()
    {
        { "codes are trimmed, upper-cased, sorted and distinct", " d0102, D0101 ,d0102", "D0101,D0102" },
        { "everywhere", "*", "*" },
        { "empty parts are ignored", "D0101,,", "D0101" },
        { "nothing", "", null },
        { "only commas", ",,", null },
        { "everywhere with codes", "*,D01", null },
        { "a space inside a code", "D01 01", null },
        { "punctuation", "D01;D02", null },
        { "too long a code", new string('D', 33), null },
    };

    [Theory]
    [MemberData(nameof(Parsing))]
    public void Scopes_are_read_from_comma_separated_codes(string name, string text, string? expected)
    {
        var ok = AreaScope.TryParse(text, out var scope, out var error);
        Assert.True(ok == (expected is not null), $"{name}: {error}");
        if (expected is not null)
        {
            Assert.Equal(expected, scope!.ToString());
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
    }

    [Fact]
    public void Scopes_with_the_same_areas_are_equal()
    {
        Assert.Equal(AreaScope.Parse("D0102,D0101"), AreaScope.Parse("d0101,d0102"));
        Assert.True(AreaScope.Parse("*").IsEverywhere);
        Assert.Equal(AreaScope.All, AreaScope.Parse("*"));
    }
}
