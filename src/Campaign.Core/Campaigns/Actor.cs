namespace Campaign.Core.Campaigns;

/// <summary>Who is acting: an officer's id (as the auth layer knows them) and their role.</summary>
public sealed record Actor(string Id, ActorRole Role)
{
    /// <summary>The scheduler, for the moves it makes on its own (schedule, start, complete).</summary>
    public static Actor Scheduler { get; } = new("scheduler", ActorRole.System);
}
