using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>How many subscribed residents one (area, channel) has; <see cref="AreaCode"/> "" is "area not known".</summary>
public sealed record AreaChannelCount(string AreaCode, Channel Channel, long Count);
