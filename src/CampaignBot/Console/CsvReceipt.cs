namespace CampaignBot.Console;

/// <summary>
/// What receiving a CSV upload gave: the upload, ready to be read row by row, or why it was
/// refused whole (too large, not CSV, malformed), with the audit reason.
/// </summary>
internal sealed record CsvReceipt(CsvUpload? Upload, IResult? Refusal, string? Reason, CsvProblem? Problem = null);
