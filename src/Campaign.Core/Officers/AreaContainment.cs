using Campaign.Core.Content;

namespace Campaign.Core.Officers;

/// <summary>
/// How "area A lies within area B" is decided, given to <see cref="AreaScope.Covers"/>: by the area
/// tree of the content (<see cref="Areas.AreaDirectory.IsWithin"/>), since official commune codes do
/// not start with their province's code.
/// </summary>
/// <param name="IsWithin">(code, ancestor) → true when code is ancestor or lies inside it.</param>
public sealed record AreaContainment(Func<string, string, bool> IsWithin)
{
    /// <summary>Containment by the current content's area tree (follows content reloads).</summary>
    public static AreaContainment ByTree(ContentStore content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new((code, ancestor) => content.Current.Areas.IsWithin(code, ancestor));
    }

    /// <summary>Codes nested by prefix, as the demo codes are; for tests with made-up codes only.</summary>
    public static AreaContainment ByCodePrefix { get; } = new((code, ancestor) => code.StartsWith(ancestor, StringComparison.Ordinal));
}
