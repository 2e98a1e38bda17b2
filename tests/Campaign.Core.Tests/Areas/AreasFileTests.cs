using Campaign.Core.Areas;
using Campaign.Core.Content;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Areas;

/// <summary>
/// The shipped <c>areas.yaml</c> (34 official provinces, a few official communes, the demo tree) and
/// every kind of broken area file refused at its line. Each broken case replaces areas.yaml in a copy
/// of the real content; the line the error must name is marked with "#&lt;" in the YAML.
/// </summary>
public sealed class AreasFileTests : IDisposable
{
    private readonly string _dir = RepoPaths.CopyOfContent();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AreaDirectory Shipped { get; } = ContentLoader.Load(RepoPaths.Content).Areas;

    [Fact]
    public void Shipped_file_has_the_34_official_provinces_with_two_digit_codes()
    {
        var provinces = Shipped.Roots.Where(a => a.IsOfficial).ToArray();
        Assert.Equal(34, provinces.Length);
        Assert.All(provinces, p => Assert.Equal(AreaLevel.Province, p.Level));
        Assert.All(provinces, p => Assert.Matches("^[0-9]{2}$", p.Code));
        Assert.Equal(34, provinces.Select(p => p.Name).Distinct().Count());
        // 23 provinces formed by merging 52; 11 unchanged.
        Assert.Equal(23, provinces.Count(p => p.Former.Count > 0));
        Assert.Equal(52, provinces.Sum(p => p.Former.Count));
    }

    [Fact]
    public void Shipped_file_puts_old_Kien_Giang_in_An_Giang_and_old_Ha_Giang_in_Tuyen_Quang()
    {
        Assert.Contains("Kiên Giang", Shipped.Find("91")!.Former);
        Assert.Contains("Hà Giang", Shipped.Find("08")!.Former);
        Assert.True(Shipped.IsWithin("30742", "91"), "Phường Rạch Giá (old Kiên Giang) is in An Giang");
        Assert.True(Shipped.IsWithin("00694", "08"), "Phường Hà Giang 1 (old Hà Giang) is in Tuyên Quang");
        Assert.Equal(["91", "31078"], Shipped.PathOf("31078").Select(a => a.Code));
    }

    [Fact]
    public void Shipped_official_communes_have_five_digit_codes_and_sit_below_a_province()
    {
        var communes = Shipped.All.Where(a => a.IsOfficial && a.Level == AreaLevel.Commune).ToArray();
        Assert.InRange(communes.Count(c => c.ParentCode == "91"), 5, 10);
        Assert.InRange(communes.Count(c => c.ParentCode == "08"), 5, 10);
        Assert.All(communes, c => Assert.Matches("^[0-9]{5}$", c.Code));
        Assert.All(communes, c => Assert.Equal(AreaLevel.Province, Shipped.Find(c.ParentCode!)!.Level));
    }

    [Fact]
    public void Shipped_demo_tree_is_the_one_campaign_up_and_the_tests_use()
    {
        Assert.Equal(["D01", "D0101", "D010101", "D010102", "D0102", "D010201"], Shipped.Descendants("D01").Select(a => a.Code));
        Assert.All(Shipped.Descendants("D01"), a => Assert.True(a.IsDemo));
        Assert.True(Shipped.TryResolve("an hoa", out var anHoa) && anHoa.Code == "D0101");
        Assert.True(Shipped.TryResolve("xa binh minh", out var binhMinh) && binhMinh.Code == "D0102");
    }

    [Fact]
    public void Shipped_names_shared_by_two_provinces_do_not_resolve_but_their_codes_do()
    {
        Assert.False(Shipped.TryResolve("Xã Tân An", out _));
        Assert.False(Shipped.TryResolve("binh an", out _));
        Assert.Equal(["02320", "30388"], Shipped.Candidates("tan an").Select(a => a.Code).Order());
        Assert.True(Shipped.TryResolve("30388", out var tanAn) && tanAn.ParentCode == "91");
        Assert.True(Shipped.TryResolve("rach gia", out var rachGia) && rachGia.Code == "30742");
    }

    [Fact]
    public void Shipped_official_and_demo_branches_never_mix()
    {
        foreach (var area in Shipped.All)
        {
            Assert.All(Shipped.PathOf(area.Code), a => Assert.Equal(area.IsDemo, a.IsDemo));
        }
    }

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        {
            "duplicate code names the first line", "duplicate area code 'D01' (first used at line 2)",
            """
            areas:
              - { code: D01, name: Tỉnh Một, level: province, demo: true }
              - { code: D01, name: Tỉnh Hai, level: province, demo: true } #<
            """
        },
        {
            "duplicate code in another case", "duplicate area code 'd01'",
            """
            areas:
              - { code: D01, name: Tỉnh Một, level: province, demo: true }
              - { code: d01, name: Tỉnh Hai, level: province, demo: true } #<
            """
        },
        {
            "duplicate code deep in another branch", "duplicate area code 'D0101'",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                children:
                  - { code: D0101, name: Xã Một, level: commune, demo: true }
              - code: D02
                name: Tỉnh Hai
                level: province
                demo: true
                children:
                  - { code: D0101, name: Xã Hai, level: commune, demo: true } #<
            """
        },
        {
            "commune at the top", "commune cannot sit at the top of the tree: only provinces can",
            """
            areas:
              - { code: D0101, name: Xã Một, level: commune, demo: true } #<
            """
        },
        {
            "hamlet straight below a province", "hamlet cannot sit below province 'D01': only communes can",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                children:
                  - { code: D010101, name: Thôn Một, level: hamlet, demo: true } #<
            """
        },
        {
            "province below a commune", "province cannot sit below commune 'D0101': only hamlets can",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                children:
                  - code: D0101
                    name: Xã Một
                    level: commune
                    demo: true
                    children:
                      - { code: D02, name: Tỉnh Hai, level: province, demo: true } #<
            """
        },
        {
            "anything below a hamlet", "nothing can sit below hamlet 'D010101'",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                children:
                  - code: D0101
                    name: Xã Một
                    level: commune
                    demo: true
                    children:
                      - code: D010101
                        name: Thôn Một
                        level: hamlet
                        demo: true
                        children:
                          - { code: D01010101, name: Xóm Một, level: hamlet, demo: true } #<
            """
        },
        {
            "a district", "level 'district' is not province, commune or hamlet",
            """
            areas:
              - { code: D01, name: Huyện Cũ, level: district, demo: true } #<
            """
        },
        {
            "a D code not marked demo", "code 'D01' starts with D, which marks a demo area: add 'demo: true'",
            """
            areas:
              - { code: D01, name: Tỉnh Một, level: province } #<
            """
        },
        {
            "demo on an official-looking code", "'demo: true' needs a code starting with D, not '91'",
            """
            areas:
              - { code: "91", name: Tỉnh An Giang, level: province, official: true, demo: true } #<
            """
        },
        {
            "a D code marked official", "'D01' is a demo code and cannot be 'official: true'",
            """
            areas:
              - { code: D01, name: Tỉnh Một, level: province, demo: true, official: true } #<
            """
        },
        {
            "a code that is neither demo nor official", "'91' is not a demo code: mark it 'official: true'",
            """
            areas:
              - { code: "91", name: Tỉnh An Giang, level: province } #<
            """
        },
        {
            "official province code of three digits", "official province code '910' must be 2 digits",
            """
            areas:
              - { code: "910", name: Tỉnh An Giang, level: province, official: true } #<
            """
        },
        {
            "official province code that lost its leading zero", "official province code '8' must be 2 digits",
            """
            areas:
              - { code: 8, name: Tỉnh Tuyên Quang, level: province, official: true } #<
            """
        },
        {
            "official commune code of four digits", "official commune code '2221' must be 5 digits",
            """
            areas:
              - code: "08"
                name: Tỉnh Tuyên Quang
                level: province
                official: true
                children:
                  - { code: "2221", name: Xã Nà Hang, level: commune, official: true } #<
            """
        },
        {
            "official commune code with a letter", "official commune code '3O307' must be 5 digits",
            """
            areas:
              - code: "91"
                name: Tỉnh An Giang
                level: province
                official: true
                children:
                  - { code: "3O307", name: Phường Long Xuyên, level: commune, official: true } #<
            """
        },
        {
            "official hamlet", "hamlet '0222101' cannot have an official code",
            """
            areas:
              - code: "08"
                name: Tỉnh Tuyên Quang
                level: province
                official: true
                children:
                  - code: "02221"
                    name: Xã Nà Hang
                    level: commune
                    official: true
                    children:
                      - { code: "0222101", name: Thôn Một, level: hamlet, official: true } #<
            """
        },
        {
            "demo commune in an official province", "demo area 'D0101' cannot sit below official area '91'",
            """
            areas:
              - code: "91"
                name: Tỉnh An Giang
                level: province
                official: true
                children:
                  - { code: D0101, name: Xã Thử, level: commune, demo: true } #<
            """
        },
        {
            "official commune in a demo province", "official area '30307' cannot sit below demo area 'D01'",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                children:
                  - { code: "30307", name: Phường Long Xuyên, level: commune, official: true } #<
            """
        },
        {
            "empty name", "'areas[].name' is empty",
            """
            areas:
              - { code: D01, name: "  ", level: province, demo: true } #<
            """
        },
        {
            "missing name", "missing field 'areas[].name'",
            """
            areas:
              - { code: D01, level: province, demo: true } #<
            """
        },
        {
            "missing code on a demo area", "missing field 'areas[].code'",
            """
            areas:
              - { name: Tỉnh Một, level: province, demo: true } #<
            """
        },
        {
            "former below a province", "'former' lists the old provinces a province was formed from; it belongs on provinces only",
            """
            areas:
              - code: "08"
                name: Tỉnh Tuyên Quang
                level: province
                official: true
                former: [Hà Giang, Tuyên Quang]
                children:
                  - { code: "02221", name: Xã Nà Hang, level: commune, official: true, former: [Na Hang] } #<
            """
        },
        {
            "an empty former name", "'former' items must be non-empty text",
            """
            areas:
              - code: "08"
                name: Tỉnh Tuyên Quang
                level: province
                official: true
                former:
                  - Hà Giang
                  - "" #<
            """
        },
        {
            "a misspelt field", "unknown field 'childern'",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                childern: [] #<
            """
        },
        {
            "a flag that is not true or false", "'demo' must be true or false",
            """
            areas:
              - { code: D01, name: Tỉnh Một, level: province, demo: maybe } #<
            """
        },
        {
            "children that are not a list", "'children' must be a list of areas",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                children: { code: D0101 } #<
            """
        },
        {
            "areas below a unit without a code", "'Tỉnh Lai Châu' has no code yet, so no areas can sit below it",
            """
            areas:
              - name: Tỉnh Lai Châu
                level: province
                official: true
                children: #<
                  - { code: "03000", name: Xã Một, level: commune, official: true }
            """
        },
        {
            "an unknown setting", "setting 'hotline_xa' is not a placeholder in placeholders.yaml",
            """
            areas:
              - code: D01
                name: Tỉnh Một
                level: province
                demo: true
                settings:
                  hotline_xa: "0123" #<
            """
        },
        {
            "no list of areas", "missing list 'areas'",
            """
            area: #<
              - { code: D01, name: Tỉnh Một, level: province, demo: true }
            """
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_file_is_refused_at_its_line(string name, string message, string yaml)
    {
        var path = Path.Combine(_dir, "areas.yaml");
        File.WriteAllText(path, yaml);
        var expectedLine = Array.FindIndex(yaml.Split('\n'), l => l.Contains("#<", StringComparison.Ordinal)) + 1;
        var errors = Assert.Throws<ContentValidationException>(() => ContentLoader.Load(_dir)).Errors;
        Assert.True(
            errors.Any(e => e.File == "areas.yaml" && e.Line == expectedLine && e.Message.Contains(message, StringComparison.Ordinal)),
            $"{name}: expected areas.yaml:{expectedLine}: …{message}…; got: {string.Join(" | ", errors)}");
    }

    [Fact]
    public void An_official_unit_without_a_confirmed_code_is_listed_but_not_loaded()
    {
        File.WriteAllText(Path.Combine(_dir, "areas.yaml"), """
            areas:
              - { name: Tỉnh Lai Châu, level: province, official: true }
              - { code: D01, name: Tỉnh Một, level: province, demo: true }
            """);
        var areas = ContentLoader.Load(_dir).Areas;
        Assert.Equal(["D01"], areas.All.Select(a => a.Code));
        Assert.False(areas.TryResolve("lai chau", out _));
    }
}
