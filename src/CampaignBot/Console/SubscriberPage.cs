namespace CampaignBot.Console;

/// <summary>One page of a subscriber search, and how many match in all.</summary>
public sealed record SubscriberPage(long Total, IReadOnlyList<SubscriberView> Items);
