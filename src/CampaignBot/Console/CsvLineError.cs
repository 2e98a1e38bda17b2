namespace CampaignBot.Console;

/// <summary>One refused row of an import: its physical line in the file (the header is line 1) and why.</summary>
public sealed record CsvLineError(long Line, string Error);
