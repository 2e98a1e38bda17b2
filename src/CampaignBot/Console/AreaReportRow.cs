namespace CampaignBot.Console;

/// <summary>
/// One area in the per-area report for a date range. Subscribers are as of now; opt-outs are those
/// in the range; occurrence figures are those of campaigns fired in the range whose whole audience
/// lies in this area (a campaign over two communes counts in their district, not in either commune).
/// </summary>
public sealed record AreaReportRow(
    string Code,
    string Name,
    string Level,
    string? ParentCode,
    long Subscribers,
    long OptOuts,
    long Occurrences,
    long Targeted,
    long Sent,
    long Delivered,
    long Failed,
    long Skipped,
    long Replies);
