namespace CampaignBot.Console;

/// <summary>The optional body of a lifecycle action; a rejection needs <see cref="Reason"/>.</summary>
public sealed record ActionRequest(string? Reason = null);
