namespace Campaign.Core.Areas;

/// <summary>An administrative area: province, commune/ward, or hamlet/village.</summary>
/// <param name="Code">Official code, or a demo code starting with "D".</param>
/// <param name="ParentCode">The enclosing area, null for a province.</param>
/// <param name="Settings">Placeholder values set for this area (inherited by the areas below it).</param>
public sealed record Area(string Code, string Name, AreaLevel Level, string? ParentCode, bool IsDemo, IReadOnlyDictionary<string, string> Settings);

public enum AreaLevel
{
    Province,
    Commune,
    Hamlet,
}
