namespace Campaign.Core.Officers;

/// <summary>
/// One action for the audit log: who (officer id, or "cli:&lt;user&gt;" for an operator), in which
/// role, did what ("campaign.approve"), to what ("campaign:c_12"), and how it ended.
/// </summary>
/// <param name="Details">A few short facts; never secrets or phone numbers. The log masks phone
/// numbers and API keys it finds anyway and cuts long values (<see cref="AuditDetails"/>).</param>
public sealed record AuditEntry(
    string ActorId,
    string Role,
    string Action,
    string Target,
    AuditOutcome Outcome,
    IReadOnlyDictionary<string, string>? Details = null);
