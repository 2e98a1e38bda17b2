namespace Campaign.Core.Campaigns;

/// <summary>Limits <see cref="CampaignValidator"/> enforces, with the reason for each.</summary>
public static class CampaignLimits
{
    /// <summary>Titles are list labels in the console; longer ones are a sign the title is being used as the message.</summary>
    public const int TitleMaxLength = 120;

    /// <summary>Messenger refuses longer texts, and Zalo's OA text messages have the same bound.</summary>
    public const int ChatMaxLength = 2000;

    /// <summary>
    /// A recurring campaign may not fire more often than this. Awareness messages are daily or weekly;
    /// a cron that fires every minute is a typo (a <c>*</c> in the seconds or minutes) that would
    /// flood residents until the frequency cap stops it.
    /// </summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(1);

    /// <summary>How many upcoming fires the interval check looks at.</summary>
    public const int IntervalCheckFires = 12;

    /// <summary>The languages residents can be written to.</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { Audience.Vietnamese };
}
