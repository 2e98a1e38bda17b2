namespace Campaign.Core.Campaigns;

/// <summary>What someone acting on a campaign may do (the officers' API keys carry one of the first three).</summary>
public enum ActorRole
{
    /// <summary>Writes campaigns and submits them; pauses, resumes or cancels their own.</summary>
    Officer,

    /// <summary>Also approves or rejects other people's campaigns, and pauses, resumes or cancels any.</summary>
    Approver,

    /// <summary>Everything an approver may do; still never approves their own campaign.</summary>
    Admin,

    /// <summary>The scheduler: schedules approved campaigns, starts and completes them. Never a person.</summary>
    System,
}
