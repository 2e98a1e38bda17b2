namespace Campaign.Core.Areas;

/// <summary>An administrative area: province, commune/ward, or hamlet/village.</summary>
/// <param name="Code">
/// The official administrative unit code (2 digits for a province, 5 for a commune or ward), or a
/// demo code starting with "D". Codes say nothing about containment: the tree does.
/// </param>
/// <param name="ParentCode">The enclosing area, null for a province.</param>
/// <param name="IsDemo">True for the demo areas <c>./campaign up</c> and the tests use; false for official units.</param>
/// <param name="Settings">Placeholder values set for this area (inherited by the areas below it).</param>
public sealed record Area(string Code, string Name, AreaLevel Level, string? ParentCode, bool IsDemo, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>For a province formed by the 2025 mergers: the names of the provinces it was formed from.</summary>
    public IReadOnlyList<string> Former { get; init; } = [];

    public bool IsOfficial => !IsDemo;
}
