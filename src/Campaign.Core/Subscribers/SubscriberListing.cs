namespace Campaign.Core.Subscribers;

/// <summary>
/// Pages through the subscribed residents of some areas, for officers looking at their own areas.
/// There is no per-area index (it would cost memory per subscriber, see <c>docs/scheduling-and-fanout.md</c>),
/// so this scans the record buckets the way campaign planning does: about 1.6 s per million
/// subscribers, fine for an officer's search, not for a hot path.
/// </summary>
public sealed class SubscriberListing(SubscriberStore store)
{
    private const int BucketsPerPage = 64;

    /// <param name="areaCodes">Exact area codes: the caller expands an area to the areas below it.</param>
    /// <param name="skip">Residents to skip, by ascending id.</param>
    /// <param name="take">Residents to return.</param>
    /// <returns>How many there are in all, and the page.</returns>
    public async Task<(long Total, IReadOnlyList<Subscriber> Page)> SubscribedInAsync(IEnumerable<string> areaCodes, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(areaCodes);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var areas = new HashSet<string>(areaCodes, StringComparer.Ordinal);
        var total = 0L;
        var ids = new List<long>(take);
        for (long? bucket = 0; bucket is { } from;)
        {
            var page = await store.ScanAsync(from, BucketsPerPage);
            foreach (var row in page.Rows)
            {
                if (row.Status == SubscriberStatus.Subscribed && row.AreaCode is { } area && areas.Contains(area))
                {
                    if (total >= skip && ids.Count < take)
                    {
                        ids.Add(row.Id);
                    }
                    total++;
                }
            }
            bucket = page.NextBucket;
        }
        return (total, await store.GetManyAsync(ids));
    }
}
