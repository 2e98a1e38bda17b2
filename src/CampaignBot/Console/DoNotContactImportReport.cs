namespace CampaignBot.Console;

/// <summary>The answer to a do-not-contact import.</summary>
/// <param name="Added">Numbers that were not on the list before.</param>
/// <param name="AlreadyListed">Valid numbers that were on it already.</param>
/// <param name="Listed">How many addresses the list holds now.</param>
public sealed record DoNotContactImportReport(
    long Rows,
    long Added,
    long AlreadyListed,
    IReadOnlyList<CsvLineError> Invalid,
    long InvalidCount,
    long InvalidNotListed,
    long Listed,
    IReadOnlyList<string> IgnoredColumns);
