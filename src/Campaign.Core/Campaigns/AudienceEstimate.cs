using Campaign.Core.Conversations;

namespace Campaign.Core.Campaigns;

/// <summary>
/// How many subscribed residents an audience reaches at most: each counted once however many of
/// the audience's areas contain them. Topics are not applied (subscribers' topics are not indexed
/// for counting), so this is an upper bound.
/// </summary>
/// <param name="ByChannel">Every channel of the audience, zero included.</param>
/// <param name="ByArea">One entry per area the audience names, in its order; an area listed
/// inside another is counted in both entries but once in <see cref="Total"/>.</param>
/// <param name="TopicsApplied">False: the audience's topics were not applied.</param>
public sealed record AudienceEstimate(long Total, IReadOnlyDictionary<Channel, long> ByChannel, IReadOnlyList<AreaEstimate> ByArea, bool TopicsApplied = false);

/// <summary>Subscribed residents in an area and every area below it, on the audience's channels.</summary>
public sealed record AreaEstimate(string Code, string Name, long Count);
