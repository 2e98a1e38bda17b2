using Campaign.Core.Areas;

namespace Campaign.Core.Tests.Areas;

/// <summary>
/// The area tree on a small hand-made directory: containment by walking the tree (never by code
/// prefix), what an audience expands to, the path from the province, and resolving what residents
/// type after "DK", including names that several provinces share.
/// </summary>
public sealed class AreaDirectoryTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    // Official codes as in the national list (a commune's code does not start with its province's),
    // a demo tree, and one demo code that looks as if it were inside D01 but sits under D02.
    private static readonly AreaDirectory Directory = new(
    [
        Official("91", "Tỉnh An Giang", AreaLevel.Province, null),
        Official("30388", "Xã Tân An", AreaLevel.Commune, "91"),
        Official("30898", "Xã Bình An", AreaLevel.Commune, "91"),
        Official("31078", "Đặc khu Phú Quốc", AreaLevel.Commune, "91"),
        Official("08", "Tỉnh Tuyên Quang", AreaLevel.Province, null),
        Official("02320", "Xã Tân An", AreaLevel.Commune, "08"),
        Official("02296", "Xã Bình An", AreaLevel.Commune, "08"),
        Official("02221", "Xã Nà Hang", AreaLevel.Commune, "08"),
        Official("00694", "Phường Hà Giang 1", AreaLevel.Commune, "08"),
        Official("79", "Thành phố Hồ Chí Minh", AreaLevel.Province, null),
        Demo("D01", "Tỉnh Minh Họa", AreaLevel.Province, null),
        Demo("D0101", "Xã An Hòa", AreaLevel.Commune, "D01"),
        Demo("D010101", "Thôn Đông", AreaLevel.Hamlet, "D0101"),
        Demo("D010102", "Thôn Tây", AreaLevel.Hamlet, "D0101"),
        Demo("D0102", "Xã Bình Minh", AreaLevel.Commune, "D01"),
        Demo("D010201", "Ấp Một", AreaLevel.Hamlet, "D0102"),
        Demo("D02", "Tỉnh Thử Nghiệm", AreaLevel.Province, null),
        Demo("D0199", "Xã Lạc Chỗ", AreaLevel.Commune, "D02"),
    ]);

    public static TheoryData<string, string, string, bool> Containment() => new()
    {
        { "a hamlet is within its province", "D010101", "D01", true },
        { "a hamlet is within its commune", "D010101", "D0101", true },
        { "an area is within itself", "D0101", "D0101", true },
        { "a code matches its area whatever its case", "d010101", "d01", true },
        { "a province is not within its commune", "D01", "D0101", false },
        { "a sibling commune's hamlet is not within", "D010201", "D0101", false },
        { "an official commune is within its province although its code does not start with it", "02320", "08", true },
        { "an old Hà Giang ward is within the new Tuyên Quang", "00694", "08", true },
        { "a commune of one province is not within another", "02320", "91", false },
        { "a code that looks nested is not, when the tree says otherwise", "D0199", "D01", false },
        { "an unknown area is within nothing", "99999", "91", false },
        { "nothing is within an unknown area", "30388", "9", false },
        { "an unknown area is not within itself", "D0999", "D0999", false },
    };

    [Theory]
    [MemberData(nameof(Containment))]
    public void IsWithin_walks_the_tree(string name, string code, string ancestor, bool expected) =>
        Assert.True(expected == Directory.IsWithin(code, ancestor), name);

    [Fact]
    public void Descendants_of_a_province_is_the_province_then_its_tree_in_file_order() =>
        Assert.Equal(["D01", "D0101", "D010101", "D010102", "D0102", "D010201"], Codes(Directory.Descendants("D01")));

    [Fact]
    public void Descendants_of_an_official_province_reach_its_communes_by_the_tree() =>
        Assert.Equal(["08", "02320", "02296", "02221", "00694"], Codes(Directory.Descendants("08")));

    [Fact]
    public void Descendants_of_a_hamlet_is_the_hamlet_alone() =>
        Assert.Equal(["D010201"], Codes(Directory.Descendants("D010201")));

    [Fact]
    public void Descendants_of_an_unknown_code_is_empty() =>
        Assert.Empty(Directory.Descendants("D09"));

    [Fact]
    public void Descendants_and_IsWithin_agree_everywhere()
    {
        foreach (var ancestor in Directory.All)
        {
            var below = Codes(Directory.Descendants(ancestor.Code)).ToHashSet();
            foreach (var area in Directory.All)
            {
                Assert.True(below.Contains(area.Code) == Directory.IsWithin(area.Code, ancestor.Code), $"{area.Code} in {ancestor.Code}");
            }
        }
    }

    [Fact]
    public void PathOf_runs_from_the_province_down_to_the_area()
    {
        Assert.Equal(["D01", "D0102", "D010201"], Codes(Directory.PathOf("D010201")));
        Assert.Equal(["91", "31078"], Codes(Directory.PathOf("31078")));
        Assert.Equal(["79"], Codes(Directory.PathOf("79")));
        Assert.Empty(Directory.PathOf("nowhere"));
    }

    [Fact]
    public void Children_and_roots_keep_file_order()
    {
        Assert.Equal(["91", "08", "79", "D01", "D02"], Codes(Directory.Roots));
        Assert.Equal(["D0101", "D0102"], Codes(Directory.Children("D01")));
        Assert.Empty(Directory.Children("D010101"));
    }

    public static TheoryData<string, string, string?> Typed() => new()
    {
        { "demo code", "D0101", "D0101" },
        { "code in lower case, with spaces", "  d0101 ", "D0101" },
        { "official code", "02221", "02221" },
        { "official code whose name is shared", "02320", "02320" },
        { "commune name with marks", "Xã An Hòa", "D0101" },
        { "commune name without marks", "xa an hoa", "D0101" },
        { "commune name without the unit word", "an hoa", "D0101" },
        { "upper case with marks", "AN HÒA", "D0101" },
        { "hamlet with 'thôn'", "Thôn Đông", "D010101" },
        { "hamlet without marks or 'thôn'", "dong", "D010101" },
        { "hamlet with 'ấp'", "ap mot", "D010201" },
        { "decomposed marks (NFD) from a phone", "Xa\u0303 Bi\u0300nh Minh", "D0102" },
        { "punctuation around the name", "xã, Nà-Hang!", "02221" },
        { "the old unit word of a merged town", "thi tran na hang", "02221" },
        { "a ward with a number", "phuong ha giang 1", "00694" },
        { "a special zone without 'đặc khu'", "phu quoc", "31078" },
        { "a province without 'tỉnh'", "an giang", "91" },
        { "a city with 'tp'", "tp ho chi minh", "79" },
        { "a name two provinces share", "Tân An", null },
        { "a shared name with 'xã'", "xa tan an", null },
        { "a shared name with the wrong unit word", "thôn tân an", null },
        { "another shared name", "Xã Bình An", null },
        { "part of a name", "binh", null },
        { "unknown code", "99999", null },
        { "empty", "", null },
    };

    [Theory]
    [MemberData(nameof(Typed))]
    public void TryResolve_by_code_or_unambiguous_name(string name, string input, string? expected)
    {
        var found = Directory.TryResolve(input, out var area);
        Assert.True(found == (expected is not null), name);
        Assert.Equal(expected, area?.Code);
    }

    [Fact]
    public void Candidates_lists_every_area_a_shared_name_could_mean() =>
        Assert.Equal(["30388", "02320"], Codes(Directory.Candidates("tan an")));

    [Fact]
    public void A_setting_is_inherited_from_the_nearest_area_that_sets_it()
    {
        var directory = new AreaDirectory(
        [
            new Area("D01", "Tỉnh Minh Họa", AreaLevel.Province, null, true, new Dictionary<string, string> { ["commune_hotline"] = "tỉnh", ["office_hours"] = "7h" }),
            new Area("D0101", "Xã An Hòa", AreaLevel.Commune, "D01", true, new Dictionary<string, string> { ["commune_hotline"] = "xã" }),
            Demo("D010101", "Thôn Đông", AreaLevel.Hamlet, "D0101"),
        ]);
        Assert.Equal("xã", directory.Setting("D010101", "commune_hotline"));
        Assert.Equal("7h", directory.Setting("D010101", "office_hours"));
        Assert.Equal("tỉnh", directory.Setting("D01", "commune_hotline"));
        Assert.Null(directory.Setting("D010101", "other"));
        Assert.Null(directory.Setting(null, "commune_hotline"));
        Assert.Null(directory.Setting("D09", "commune_hotline"));
    }

    private static Area Official(string code, string name, AreaLevel level, string? parent) => new(code, name, level, parent, false, NoSettings);

    private static Area Demo(string code, string name, AreaLevel level, string? parent) => new(code, name, level, parent, true, NoSettings);

    private static string[] Codes(IEnumerable<Area> areas) => areas.Select(a => a.Code).ToArray();
}
