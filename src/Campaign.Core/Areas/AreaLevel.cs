namespace Campaign.Core.Areas;

/// <summary>The three levels since 1 July 2025, outermost first (the district level was abolished).</summary>
public enum AreaLevel
{
    Province,
    Commune,
    Hamlet,
}
