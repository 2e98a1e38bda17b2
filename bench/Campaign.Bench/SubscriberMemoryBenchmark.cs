using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using StackExchange.Redis;

namespace Campaign.Bench;

/// <summary>
/// Redis memory per subscriber, every index included: a throwaway redis-server, N synthetic SMS
/// subscribers imported through <see cref="SubscriberStore.ImportAsync"/> (areas spread over the demo
/// areas, 30% with one or two themes, the import's consent), then INFO memory's used_memory after
/// minus before, divided by N. MEMORY USAGE of every subscriber key splits the figure by kind of key.
/// Target (issue 4/6): at most 150 bytes per subscriber.
/// </summary>
internal static class SubscriberMemoryBenchmark
{
    private const int Target = 150;
    private const int ImportChunk = 50_000;
    private const int ScanPage = 64;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = 1_000_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--count" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                count = n;
                i++;
            }
            else
            {
                Console.Error.WriteLine("usage: Campaign.Bench subscribers-memory [--count N]");
                return 2;
            }
        }

        // Always a server of our own: a shared one's other data would be counted too.
        Environment.SetEnvironmentVariable("ConnectionStrings__Redis", null);
        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var keys = new RedisKeys();
        var store = new SubscriberStore(redis.Connection, keys);
        var db = redis.Connection.GetDatabase();
        var content = ContentLoader.Load(RepoPaths.Content);
        var areas = content.Areas.All.Where(a => a.IsDemo).Select(a => a.Code).Order(StringComparer.Ordinal).ToArray();
        var themes = content.Themes.Select(t => t.Id).ToArray();
        var consent = new Consent(DateTimeOffset.UtcNow, "import", "officer:bench file:subscribers.csv");

        var before = await RedisMemory.UsedAsync(db);
        var clock = Stopwatch.StartNew();
        var random = new Random(42);
        for (var start = 0; start < count; start += ImportChunk)
        {
            var rows = new SubscriberImportRow[Math.Min(ImportChunk, count - start)];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = Row(start + i, random, areas, themes);
            }
            var outcomes = await store.ImportAsync(rows, consent);
            if (outcomes.Any(o => o != ImportOutcome.Created))
            {
                Console.Error.WriteLine("an import row was not created: the synthetic addresses are meant to be unique");
                return 1;
            }
        }
        var importSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(1000); // let the server shrink the import connection's query buffer
        var after = await RedisMemory.UsedAsync(db);
        var subscribed = await store.CountSubscribedAsync();

        var perSubscriber = (double)(after - before) / count;
        var kinds = await BreakdownAsync(db, keys, count);
        var (scanSeconds, scanned) = await ScanAllAsync(store);
        var result = new Dictionary<string, object>
        {
            ["subscribers"] = count,
            ["subscribed"] = subscribed,
            ["used_memory_delta"] = after - before,
            ["redis_bytes_per_subscriber"] = Math.Round(perSubscriber, 1),
            ["target"] = Target,
            ["import_seconds"] = Math.Round(importSeconds, 1),
            ["imported_per_second"] = Math.Round(count / importSeconds),
            ["scan_seconds"] = Math.Round(scanSeconds, 2),
            ["scanned_per_second"] = Math.Round(scanned / scanSeconds),
        };
        foreach (var kind in kinds)
        {
            result[$"{kind.Name}_bytes_per_subscriber"] = Math.Round((double)kind.Bytes / count, 1);
            result[$"{kind.Name}_keys"] = kind.Keys;
            result[$"{kind.Name}_not_listpack"] = kind.NotListpack;
        }

        foreach (var kind in kinds)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind.Name,-10} {kind.Keys,7} keys  {(double)kind.Bytes / count,6:0.0} B/subscriber (MEMORY USAGE)  {kind.NotListpack} not listpack"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} SMS subscribers imported in {importSeconds:0.0} s: used_memory +{after - before:N0} bytes = {perSubscriber:0.0} bytes per subscriber (target <= {Target})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a full scan (ScanAsync, {ScanPage} buckets a page) read {scanned:N0} rows in {scanSeconds:0.00} s"));
        var json = JsonSerializer.Serialize(result);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "bench", "results"));
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, "bench", "results", "subscribers-memory.json"), json + "\n");
        Console.WriteLine(json);
        return subscribed == count && scanned == count && perSubscriber <= Target ? 0 : 1;
    }

    /// <summary>A unique Vietnamese mobile number, an area, and for 30% one or two themes.</summary>
    private static SubscriberImportRow Row(int i, Random random, string[] areas, string[] themes)
    {
        var phone = string.Create(CultureInfo.InvariantCulture, $"+849{i:00000000}");
        string[] chosen = random.NextDouble() >= 0.3 ? []
            : random.Next(2) == 0 ? [themes[random.Next(themes.Length)]]
            : [.. themes.OrderBy(_ => random.Next()).Take(2)];
        return new SubscriberImportRow(Channel.Sms, phone, areas[i % areas.Length], null, chosen);
    }

    /// <summary>Every record, the way a campaign planner reads them: pages of buckets, after the memory figure is taken.</summary>
    private static async Task<(double Seconds, long Rows)> ScanAllAsync(SubscriberStore store)
    {
        await store.ScanAsync(0, 1); // JIT and the theme codes, outside the timing
        var clock = Stopwatch.StartNew();
        long rows = 0;
        long? next = 0;
        while (next is { } from)
        {
            var page = await store.ScanAsync(from, ScanPage);
            rows += page.Rows.Count;
            next = page.NextBucket;
        }
        return (clock.Elapsed.TotalSeconds, rows);
    }

    private sealed record Kind(string Name, int Keys, long Bytes, int NotListpack);

    /// <summary>MEMORY USAGE (exact, SAMPLES 0) and encoding of every subscriber key, by kind, pipelined.</summary>
    private static async Task<IReadOnlyList<Kind>> BreakdownAsync(IDatabase db, RedisKeys keys, int count)
    {
        var lastBucket = SubscriberBuckets.BucketOf(count);
        var buckets = Enumerable.Range(0, (int)lastBucket + 1).Select(b => (long)b).ToArray();
        var groups = new (string Name, IEnumerable<string> Keys)[]
        {
            ("records", buckets.Select(keys.SubscriberRecords)),
            ("consents", buckets.Select(keys.SubscriberConsents)),
            ("names", buckets.Select(keys.SubscriberNames)),
            ("addresses", Enumerable.Range(0, AddressHash.Buckets).Select(h => keys.SubscriberAddresses(Channel.Sms, h))),
            ("other", [keys.SubscriberSequence, keys.SubscriberCounts, keys.SubscriberThemes, keys.SubscriberThemeSequence, keys.SubscriberThemeIds]),
        };
        var kinds = new List<Kind>();
        foreach (var (name, names) in groups)
        {
            var reads = names.Select(key => (
                Usage: db.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0"),
                Encoding: db.ExecuteAsync("OBJECT", "ENCODING", key))).ToList();
            long bytes = 0;
            int present = 0, notListpack = 0;
            foreach (var (usage, encoding) in reads)
            {
                var used = await usage;
                var encoded = await encoding;
                if (used.IsNull)
                {
                    continue;
                }
                present++;
                bytes += (long)used;
                if (name != "other" && (string?)encoded != "listpack")
                {
                    notListpack++;
                }
            }
            kinds.Add(new Kind(name, present, bytes, notListpack));
        }
        return kinds;
    }
}
