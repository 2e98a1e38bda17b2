namespace CampaignBot.Console;

/// <summary>The answer to a subscriber import: what happened to the valid rows, and every refused row by line.</summary>
/// <param name="ImportId">Also in each imported resident's consent evidence ("imp_… by off_…").</param>
/// <param name="Rows">Data rows read (empty lines not counted).</param>
/// <param name="Created">New residents, subscribed.</param>
/// <param name="Subscribed">Known residents (contacts) now subscribed.</param>
/// <param name="Updated">Already subscribed; their area was replaced by the file's.</param>
/// <param name="KeptOptedOut">Residents who had said stop: never re-subscribed by an import.</param>
/// <param name="Invalid">Refused rows, at most <see cref="InvalidLines.MaxListed"/>; <paramref name="InvalidNotListed"/> more were refused.</param>
/// <param name="IgnoredColumns">Header names that are not import columns.</param>
public sealed record SubscriberImportReport(
    string ImportId,
    long Rows,
    long Created,
    long Subscribed,
    long Updated,
    long KeptOptedOut,
    IReadOnlyList<CsvLineError> Invalid,
    long InvalidCount,
    long InvalidNotListed,
    IReadOnlyList<string> IgnoredColumns);
