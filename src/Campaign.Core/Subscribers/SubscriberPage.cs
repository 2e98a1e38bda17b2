namespace Campaign.Core.Subscribers;

/// <summary>Some record buckets read by <see cref="SubscriberStore.ScanAsync"/>; <see cref="NextBucket"/> is null after the last.</summary>
public sealed record SubscriberPage(IReadOnlyList<SubscriberRow> Rows, long? NextBucket);
