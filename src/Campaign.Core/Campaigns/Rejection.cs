namespace Campaign.Core.Campaigns;

/// <summary>Why an approver sent a campaign back to draft, kept so the author sees what to fix.</summary>
public sealed record Rejection(string By, DateTimeOffset At, string Reason);
