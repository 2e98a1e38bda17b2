namespace Campaign.Core.Subscribers;

/// <summary>The result of a status change: the status before it, and the subscriber after.</summary>
public sealed record StatusChange(SubscriberStatus Previous, Subscriber Subscriber)
{
    public bool Changed => Previous != Subscriber.Status;
}
