namespace Campaign.Core.Officers;

/// <summary>Where every officer and operator action is recorded, allowed or not.</summary>
public interface IAuditLog
{
    /// <summary>Records an entry stamped with the current time; returns it as stored (details cleaned).</summary>
    Task<AuditRecord> RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries matching the query, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
