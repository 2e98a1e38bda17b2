using System.Collections.Concurrent;
using Campaign.Core.Campaigns;

namespace Campaign.Core.Fanout;

/// <summary>
/// Campaigns as a dispatcher sees them between batches: re-read at most every second, so a pause or
/// cancel takes effect within a batch or two without a Redis read per recipient.
/// </summary>
internal sealed class CampaignCache(CampaignStore campaigns, TimeProvider time)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (CampaignRecord? Campaign, DateTimeOffset ReadAt)> _entries = new(StringComparer.Ordinal);

    public async Task<CampaignRecord?> GetAsync(string id)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(id, out var entry) && now - entry.ReadAt < FreshFor)
        {
            return entry.Campaign;
        }
        var campaign = await campaigns.GetAsync(id);
        if (_entries.Count > 1000)
        {
            _entries.Clear();
        }
        _entries[id] = (campaign, now);
        return campaign;
    }
}
