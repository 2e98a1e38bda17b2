namespace Campaign.Core.Officers;

public enum AuditOutcome
{
    /// <summary>Done as asked.</summary>
    Allowed,

    /// <summary>Refused: role, area scope, the four-eyes rule, a revoked key.</summary>
    Denied,

    /// <summary>Allowed but it did not work (invalid input, a conflict, Redis down).</summary>
    Failed,
}

public static class AuditOutcomeExtensions
{
    public static string Key(this AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Allowed => "allowed",
        AuditOutcome.Denied => "denied",
        AuditOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static AuditOutcome ParseOutcome(string? key) => key switch
    {
        "allowed" => AuditOutcome.Allowed,
        "denied" => AuditOutcome.Denied,
        _ => AuditOutcome.Failed,
    };
}
