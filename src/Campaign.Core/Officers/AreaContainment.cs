using Campaign.Core.Areas;

namespace Campaign.Core.Officers;

/// <summary>
/// How "area A lies within area B" is decided, given to <see cref="AreaScope.Covers"/>. Until the
/// areas tree can answer it, codes are compared by prefix (the demo codes nest that way); register a
/// tree-walking instance in its place once the tree is available.
/// </summary>
/// <param name="IsWithin">(code, ancestor) → true when code is ancestor or lies inside it.</param>
public sealed record AreaContainment(Func<string, string, bool> IsWithin)
{
    public static AreaContainment ByCodePrefix { get; } = new(AreaDirectory.IsWithin);
}
