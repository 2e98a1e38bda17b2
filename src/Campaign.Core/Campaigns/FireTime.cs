namespace Campaign.Core.Campaigns;

/// <summary>One time a schedule fires: the instant (UTC) and the wall-clock time officers read.</summary>
public sealed record FireTime(DateTimeOffset Utc, DateTime Local)
{
    public static FireTime At(DateTimeOffset instant) => new(instant.ToUniversalTime(), CampaignSchedule.ToLocal(instant));
}
