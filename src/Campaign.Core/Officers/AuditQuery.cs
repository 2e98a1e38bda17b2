namespace Campaign.Core.Officers;

/// <summary>
/// Which audit entries to read, newest first. Every filter is optional; <see cref="Before"/> is the
/// <see cref="AuditRecord.Id"/> of the last entry of the previous page.
/// </summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? ActorId = null,
    string? Target = null,
    string? Action = null,
    int Limit = 100,
    string? Before = null)
{
    public const int MaxLimit = 1000;
}
