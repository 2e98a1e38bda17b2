namespace Campaign.Core.Inbox;

/// <summary>Settings of the unanswered-questions inbox (section <c>Inbox</c>).</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>How many of the most recent unanswered questions are grouped for the inbox.</summary>
    public int Window { get; set; } = 5000;

    /// <summary>Shared topic words a question needs with a group's first question to join it (Jaccard).</summary>
    public double Threshold { get; set; } = QuestionGrouper.Threshold;

    /// <summary>How often every instance reloads approved answers anyway, in case a notice was missed while disconnected.</summary>
    public TimeSpan OverlayResync { get; set; } = TimeSpan.FromMinutes(1);
}
