namespace Campaign.Core.Officers;

/// <summary>An entry as the audit log keeps it: its stream id (a paging cursor), its time, and the cleaned entry.</summary>
public sealed record AuditRecord(string Id, DateTimeOffset At, AuditEntry Entry);
