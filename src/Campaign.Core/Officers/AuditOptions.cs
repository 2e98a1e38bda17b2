namespace Campaign.Core.Officers;

/// <summary>Settings under "Audit".</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// About how many entries the log keeps (older ones are trimmed, in whole stream nodes). An
    /// entry is a few hundred bytes, so 100,000 is some tens of MB of Redis memory.
    /// </summary>
    public int MaxLength { get; set; } = 100_000;
}
