namespace Campaign.Core.Subscribers;

/// <summary>
/// The evidence behind a subscription or an opt-out: when, through what (channel and command or
/// event), and the resident's own message or event id.
/// </summary>
public sealed record Consent(DateTimeOffset At, string Via, string? Evidence);
