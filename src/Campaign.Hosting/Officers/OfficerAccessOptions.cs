namespace Campaign.Hosting.Officers;

/// <summary>Settings under "Officers".</summary>
public sealed class OfficerAccessOptions
{
    public const string Section = "Officers";

    /// <summary>
    /// Invalid API keys one client address may present per minute before its keys are refused
    /// unread (429) until the minute is over. Keys are 256 random bits, so this does not protect
    /// them; it keeps a guessing client from costing Redis lookups and filling the logs.
    /// </summary>
    public int FailedKeyAttemptsPerMinute { get; set; } = 20;
}
