namespace Campaign.Core.Campaigns;

/// <summary>Where a campaign is in its life; see <see cref="CampaignLifecycle"/> for the moves between them.</summary>
public enum CampaignStatus
{
    /// <summary>Being written; only its owner sees changes take effect.</summary>
    Draft,

    /// <summary>Waiting for someone other than the author to approve or reject it.</summary>
    Submitted,

    /// <summary>Approved; not yet handed to the scheduler.</summary>
    Approved,

    /// <summary>The scheduler holds its triggers; nothing has fired yet.</summary>
    Scheduled,

    /// <summary>At least one occurrence has fired and more may follow (or are being delivered).</summary>
    Running,

    /// <summary>Held: nothing not yet handed to a provider is sent until it resumes.</summary>
    Paused,

    /// <summary>Final: every occurrence has fired.</summary>
    Completed,

    /// <summary>Final: stopped for good; nothing not yet handed to a provider is sent.</summary>
    Cancelled,
}

public static class CampaignStatusExtensions
{
    /// <summary>The name Redis keys, JSON and logs use.</summary>
    public static string Key(this CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "draft",
        CampaignStatus.Submitted => "submitted",
        CampaignStatus.Approved => "approved",
        CampaignStatus.Scheduled => "scheduled",
        CampaignStatus.Running => "running",
        CampaignStatus.Paused => "paused",
        CampaignStatus.Completed => "completed",
        CampaignStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Completed and cancelled campaigns never change again.</summary>
    public static bool IsFinal(this CampaignStatus status) => status is CampaignStatus.Completed or CampaignStatus.Cancelled;

    /// <summary>The statuses whose campaigns the scheduler must hold triggers for (paused ones too, to resume without a gap).</summary>
    public static bool IsActive(this CampaignStatus status) => status is CampaignStatus.Scheduled or CampaignStatus.Running or CampaignStatus.Paused;
}
