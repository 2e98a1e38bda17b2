namespace CampaignBot.Console;

/// <summary>Settings under "AdminApi".</summary>
public sealed class AdminApiOptions
{
    public const string Section = "AdminApi";

    /// <summary>
    /// The largest CSV upload (subscriber and do-not-contact imports), above the 256 KiB every other
    /// request gets: 20 MiB is some 500,000 rows of phone and area.
    /// </summary>
    public long MaxImportBytes { get; set; } = 20 * 1024 * 1024;
}
