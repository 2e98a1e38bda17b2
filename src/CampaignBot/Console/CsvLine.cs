namespace CampaignBot.Console;

/// <summary>One data record of an upload.</summary>
/// <param name="Line">The physical line it starts on; the header is line 1.</param>
/// <param name="FieldCount">How many fields it has (more than the header's means a stray separator).</param>
/// <param name="Values">The known columns' values in <see cref="CsvColumns.All"/> order, trimmed; "" when absent.</param>
internal sealed record CsvLine(long Line, int FieldCount, IReadOnlyList<string> Values);
