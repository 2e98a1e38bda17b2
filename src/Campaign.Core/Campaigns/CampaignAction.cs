namespace Campaign.Core.Campaigns;

/// <summary>The moves of <see cref="CampaignLifecycle"/>.</summary>
public enum CampaignAction
{
    Edit,
    Submit,
    Approve,
    Reject,
    Schedule,
    Start,
    Complete,
    Pause,
    Resume,
    Cancel,
}
