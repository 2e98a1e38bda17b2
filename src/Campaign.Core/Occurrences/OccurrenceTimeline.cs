using System.Globalization;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Occurrences;

/// <summary>
/// An occurrence over time, from the per-minute counts the fan-out scripts write
/// (<see cref="RedisKeys.OccurrenceTimeline"/>): one point per minute with activity, cumulative, oldest first.
/// </summary>
public sealed class OccurrenceTimeline(IConnectionMultiplexer redis, RedisKeys keys)
{
    public async Task<IReadOnlyList<TimelinePoint>> ReadAsync(string occurrenceId)
    {
        var minutes = new SortedDictionary<long, (long Sent, long Failed, long Skipped)>();
        foreach (var entry in await redis.GetDatabase().HashGetAllAsync(keys.OccurrenceTimeline(occurrenceId)))
        {
            var field = (string)entry.Name!;
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(field.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
            {
                continue;
            }
            var count = (long)entry.Value;
            var current = minutes.GetValueOrDefault(minute);
            minutes[minute] = field[(colon + 1)..] switch
            {
                "sent" => current with { Sent = current.Sent + count },
                "failed" => current with { Failed = current.Failed + count },
                "skipped" => current with { Skipped = current.Skipped + count },
                _ => current,
            };
        }
        var points = new List<TimelinePoint>(minutes.Count);
        long sent = 0, failed = 0, skipped = 0;
        foreach (var (minute, counts) in minutes)
        {
            sent += counts.Sent;
            failed += counts.Failed;
            skipped += counts.Skipped;
            points.Add(new TimelinePoint(DateTimeOffset.FromUnixTimeSeconds(minute * 60), sent, failed, skipped));
        }
        return points;
    }
}
