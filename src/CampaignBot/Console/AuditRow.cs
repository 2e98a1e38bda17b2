namespace CampaignBot.Console;

/// <summary>An audit entry as officers read it; <see cref="Id"/> is the paging cursor (<c>before</c>), <see cref="At"/> Vietnam's time.</summary>
public sealed record AuditRow(string Id, string At, string ActorId, string Role, string Action, string Target, string Outcome, IReadOnlyDictionary<string, string> Details);
