using Campaign.Core.Areas;
using Campaign.Core.Subscribers;

namespace Campaign.Core.Campaigns;

/// <summary>
/// Turns per-area counts of subscribers into an audience's size, with the rule campaigns target by:
/// an area covers the areas below it in the tree (<see cref="AreaDirectory.IsWithin"/>), so official
/// commune codes count under their province although they do not start with its code.
/// </summary>
public static class AudienceEstimator
{
    /// <param name="audience">Area codes known to <paramref name="areas"/> (unknown ones count nothing).</param>
    /// <param name="counts">Subscribed residents by exact area and channel.</param>
    public static AudienceEstimate Estimate(Audience audience, IEnumerable<AreaChannelCount> counts, AreaDirectory areas)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(areas);
        var targets = audience.AreaCodes.Select(code => areas.Find(code)).OfType<Area>().DistinctBy(a => a.Code).ToArray();
        var channels = audience.Channels.Distinct().ToArray();
        var byChannel = channels.ToDictionary(c => c, _ => 0L);
        var byArea = targets.ToDictionary(a => a.Code, _ => 0L, StringComparer.Ordinal);
        long total = 0;
        foreach (var count in counts)
        {
            if (count.Count <= 0 || count.AreaCode.Length == 0 || !byChannel.ContainsKey(count.Channel))
            {
                continue;
            }
            var covered = false;
            foreach (var target in targets)
            {
                if (areas.IsWithin(count.AreaCode, target.Code))
                {
                    byArea[target.Code] += count.Count;
                    covered = true;
                }
            }
            if (covered)
            {
                total += count.Count;
                byChannel[count.Channel] += count.Count;
            }
        }
        return new AudienceEstimate(total, byChannel, [.. targets.Select(a => new AreaEstimate(a.Code, a.Name, byArea[a.Code]))]);
    }
}
