using Campaign.Core.Text;

namespace Campaign.Core.Areas;

/// <summary>
/// Looks areas up by code or by name as residents type it ("DK D0101", "DK an hoa", "dk Xã An Hòa"),
/// and resolves an area's settings with inheritance from the areas above it.
/// </summary>
public sealed class AreaDirectory
{
    private readonly Dictionary<string, Area> _byCode;
    private readonly Dictionary<string, List<Area>> _byName;

    public AreaDirectory(IEnumerable<Area> areas)
    {
        _byCode = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        _byName = new Dictionary<string, List<Area>>(StringComparer.Ordinal);
        foreach (var area in _byCode.Values)
        {
            foreach (var key in NameKeys(area.Name))
            {
                if (!_byName.TryGetValue(key, out var list))
                {
                    _byName[key] = list = [];
                }
                list.Add(area);
            }
        }
    }

    public IReadOnlyCollection<Area> All => _byCode.Values;

    public Area? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>By code, or by a name that matches exactly one area (with or without "xã", "thôn" ...).</summary>
    public bool TryResolve(string input, out Area area)
    {
        if (_byCode.TryGetValue(input.Trim(), out area!))
        {
            return true;
        }
        if (_byName.TryGetValue(KeywordForm.Of(input), out var matches) && matches.Count == 1)
        {
            area = matches[0];
            return true;
        }
        area = null!;
        return false;
    }

    /// <summary>The value of a setting for an area, looking up through its parents; null when none sets it.</summary>
    public string? Setting(string? areaCode, string name)
    {
        for (var area = areaCode is null ? null : Find(areaCode); area is not null; area = area.ParentCode is null ? null : Find(area.ParentCode))
        {
            if (area.Settings.TryGetValue(name, out var value))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="code"/> is <paramref name="scope"/> or lies inside it.</summary>
    public static bool IsWithin(string code, string scope) => code.StartsWith(scope, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> NameKeys(string name)
    {
        var full = KeywordForm.Of(name);
        yield return full;
        // "Xã An Hòa" is also "An Hòa": drop the unit word residents often leave out.
        var space = full.IndexOf(' ');
        if (space > 0 && UnitWords.Contains(full[..space]))
        {
            yield return full[(space + 1)..];
        }
    }

    private static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal)
    {
        "TINH", "THANH", "XA", "PHUONG", "THI", "DAC", "THON", "AP", "BAN", "BUON", "XOM", "LANG", "TO", "KHU", "PHUM", "SOC",
    };
}
