namespace CampaignBot.Console;

/// <summary>Whether a number is on the do-not-contact list; the number comes back masked.</summary>
public sealed record DoNotContactStatus(string Phone, bool Listed);
