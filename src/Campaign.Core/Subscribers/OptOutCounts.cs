using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using StackExchange.Redis;

namespace Campaign.Core.Subscribers;

/// <summary>
/// Reads the per-day opt-out tallies <see cref="SubscriberStore"/> keeps (<see cref="RedisKeys.OptOutsOfDay"/>):
/// one small hash a day, so a week or a report's date range is a handful of reads, never a scan.
/// </summary>
public sealed class OptOutCounts(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>How long a day's tally is kept: a little over a year, so yearly reports still have it.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(400);

    /// <summary>The longest range read at once.</summary>
    public const int MaxDays = 400;

    /// <summary>Every (day, area, channel) tally from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<IReadOnlyList<DailyOptOuts>> ReadAsync(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        if (days <= 0)
        {
            return [];
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays, nameof(to));
        var db = redis.GetDatabase();
        var batch = db.CreateBatch();
        var reads = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(day => (Day: day, Read: batch.HashGetAllAsync(keys.OptOutsOfDay(day)))).ToArray();
        batch.Execute();
        var counts = new List<DailyOptOuts>();
        foreach (var (day, read) in reads)
        {
            foreach (var entry in await read)
            {
                var field = (string)entry.Name!;
                var bar = field.LastIndexOf('|');
                if (bar >= 0 && bar == field.Length - 2 && ChannelExtensions.TryParseCode(field[^1], out var channel) && (long)entry.Value is > 0 and var count)
                {
                    counts.Add(new DailyOptOuts(day, field[..bar], channel, count));
                }
            }
        }
        return counts;
    }
}
