namespace Campaign.Core.Areas;

/// <summary>
/// The area tree. Looks areas up by code or by name as residents type it ("DK D0101", "DK an hoa",
/// "dk Xã An Hòa"), resolves an area's settings with inheritance from the areas above it, and
/// answers containment by walking the tree: official commune codes are not prefixed by their
/// province's code, so no string prefix can say what lies inside what.
/// </summary>
public sealed class AreaDirectory
{
    private static readonly IReadOnlyList<Area> None = [];

    private readonly Dictionary<string, Area> _byCode;
    private readonly Dictionary<string, List<Area>> _children;
    private readonly Dictionary<string, List<Area>> _byName;
    private readonly List<Area> _roots = [];

    public AreaDirectory(IEnumerable<Area> areas)
    {
        var list = areas.ToList();
        _byCode = list.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        _children = new Dictionary<string, List<Area>>(StringComparer.OrdinalIgnoreCase);
        _byName = new Dictionary<string, List<Area>>(StringComparer.Ordinal);
        foreach (var area in list)
        {
            if (area.ParentCode is { } parent && _byCode.ContainsKey(parent))
            {
                Add(_children, parent, area);
            }
            else
            {
                _roots.Add(area);
            }
            foreach (var key in AreaNameKey.Of(area.Name))
            {
                Add(_byName, key, area);
            }
        }
    }

    public IReadOnlyCollection<Area> All => _byCode.Values;

    /// <summary>The top of the tree: the provinces, official and demo, in file order.</summary>
    public IReadOnlyList<Area> Roots => _roots;

    public Area? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// By exact code, or by a name that matches exactly one area (with or without "xã", "thôn" ...).
    /// A name shared by several areas (the same commune name in two provinces) resolves to none: the
    /// resident is not put in the wrong place; <see cref="Candidates"/> lists the choices.
    /// </summary>
    public bool TryResolve(string input, out Area area)
    {
        var candidates = Candidates(input);
        area = candidates.Count == 1 ? candidates[0] : null!;
        return area is not null;
    }

    /// <summary>
    /// Every area the text could mean: the one with that exact code, otherwise all areas with that
    /// name. Empty when nothing matches; more than one when the name is ambiguous.
    /// </summary>
    public IReadOnlyList<Area> Candidates(string input)
    {
        if (_byCode.TryGetValue(input.Trim(), out var byCode))
        {
            return [byCode];
        }
        var typed = AreaNameKey.Typed(input);
        var matches = _byName.GetValueOrDefault(typed);
        // "thị trấn Na Hang" for what is now "Xã Nà Hang": try again without the unit word typed,
        // but only when the whole text matched nothing at all.
        if (matches is null && AreaNameKey.WithoutUnit(typed) is { } bare)
        {
            matches = _byName.GetValueOrDefault(bare);
        }
        return matches ?? None;
    }

    /// <summary>The areas directly below <paramref name="code"/>, in file order.</summary>
    public IReadOnlyList<Area> Children(string code) => _children.GetValueOrDefault(code.Trim()) ?? None;

    /// <summary>
    /// The area and everything below it, the area first: what an audience naming this area reaches
    /// (a province expands to its communes and their hamlets). Empty for an unknown code.
    /// </summary>
    public IReadOnlyList<Area> Descendants(string code)
    {
        if (Find(code) is not { } top)
        {
            return None;
        }
        var result = new List<Area>();
        var stack = new Stack<Area>();
        stack.Push(top);
        while (stack.Count > 0)
        {
            var area = stack.Pop();
            result.Add(area);
            var children = Children(area.Code);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
        return result;
    }

    /// <summary>From the province down to the area itself. Empty for an unknown code.</summary>
    public IReadOnlyList<Area> PathOf(string code)
    {
        var path = new List<Area>();
        for (var area = Find(code); area is not null; area = Parent(area))
        {
            path.Add(area);
        }
        path.Reverse();
        return path;
    }

    /// <summary>
    /// True when <paramref name="code"/> is <paramref name="ancestorCode"/> or lies below it in the
    /// tree. False when either code is unknown, so an unknown area is never inside anyone's scope.
    /// </summary>
    public bool IsWithin(string code, string ancestorCode)
    {
        if (Find(ancestorCode) is not { } ancestor)
        {
            return false;
        }
        for (var area = Find(code); area is not null; area = Parent(area))
        {
            if (ReferenceEquals(area, ancestor))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The value of a setting for an area, looking up through its parents; null when none sets it.</summary>
    public string? Setting(string? areaCode, string name)
    {
        for (var area = areaCode is null ? null : Find(areaCode); area is not null; area = Parent(area))
        {
            if (area.Settings.TryGetValue(name, out var value))
            {
                return value;
            }
        }
        return null;
    }

    private Area? Parent(Area area) => area.ParentCode is null ? null : Find(area.ParentCode);

    private static void Add(Dictionary<string, List<Area>> index, string key, Area area)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(area);
    }
}
