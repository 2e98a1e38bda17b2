using Campaign.Core.Conversations;

namespace Campaign.Core.Subscribers;

/// <summary>How many residents opted out on one local day in one (area, channel); <see cref="AreaCode"/> "" is "area not known".</summary>
public sealed record DailyOptOuts(DateOnly Day, string AreaCode, Channel Channel, long Count);
