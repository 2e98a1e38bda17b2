using System.Globalization;
using StackExchange.Redis;

namespace Campaign.Bench;

/// <summary>INFO memory's <c>used_memory</c>, through a plain command (the benchmarks' connections are not in admin mode).</summary>
internal static class RedisMemory
{
    public static async Task<long> UsedAsync(IDatabase db)
    {
        var info = (string)(await db.ExecuteAsync("INFO", "memory"))!;
        var used = info.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("used_memory:", StringComparison.Ordinal));
        return long.Parse(used["used_memory:".Length..], CultureInfo.InvariantCulture);
    }
}
