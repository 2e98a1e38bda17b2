namespace Campaign.Core.Campaigns;

/// <summary>The areas someone may target: each code covers the areas inside it. Admins have <see cref="Everywhere"/>.</summary>
public sealed record AreaScope
{
    private AreaScope(IReadOnlyList<string> codes, bool everywhere)
    {
        Codes = codes;
        IsEverywhere = everywhere;
    }

    public IReadOnlyList<string> Codes { get; }

    public bool IsEverywhere { get; }

    public static AreaScope Everywhere { get; } = new([], everywhere: true);

    public static AreaScope Of(params IEnumerable<string> codes) => new([.. codes], everywhere: false);

    /// <summary>True when <paramref name="code"/> is one of the scope's areas or inside one; <paramref name="isWithin"/>(code, ancestor) decides containment.</summary>
    public bool Covers(string code, Func<string, string, bool> isWithin)
    {
        ArgumentNullException.ThrowIfNull(isWithin);
        return IsEverywhere || Codes.Any(scope => isWithin(code, scope));
    }

    public override string ToString() => IsEverywhere ? "everywhere" : string.Join(", ", Codes);
}
