using Campaign.Core.Areas;
using Campaign.Core.Officers;

namespace Campaign.Core.Inbox;

/// <summary>
/// Whose questions an officer sees: those of residents in their areas. Residents whose area is not
/// known (most chat users never say) are seen by officers with every area ("*") or with a whole
/// province, not by commune officers: a province officer can answer for the province, and a commune
/// officer should not read what residents elsewhere asked.
/// </summary>
public sealed class InboxScope
{
    private readonly Func<string, bool> _covers;

    public InboxScope(Func<string, bool> covers, bool seesUnknownArea)
    {
        _covers = covers;
        SeesUnknownArea = seesUnknownArea;
    }

    public bool SeesUnknownArea { get; }

    public static InboxScope Everywhere { get; } = new(_ => true, true);

    public static InboxScope For(AreaScope scope, Func<string, string, bool> isWithin, AreaDirectory areas)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(areas);
        return new InboxScope(code => scope.Covers(code, isWithin), HasProvince(scope, areas));
    }

    /// <summary>True for "*" or a scope that holds a whole province.</summary>
    public static bool HasProvince(AreaScope scope, AreaDirectory areas)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(areas);
        return scope.IsEverywhere || scope.Codes.Any(c => areas.Find(c) is { Level: AreaLevel.Province });
    }

    /// <summary>True when the officer may see a question from a resident in <paramref name="areaCode"/> (null or "": not known).</summary>
    public bool CanSee(string? areaCode) => string.IsNullOrWhiteSpace(areaCode) ? SeesUnknownArea : _covers(areaCode);

    /// <summary>True when any of the askers' areas ("" for not known) is visible: what reviewing an answer needs.</summary>
    public bool CanSeeAny(IEnumerable<string> areaCodes) => areaCodes.Any(CanSee);
}
