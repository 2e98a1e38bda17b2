using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Fanout;
using Campaign.Core.Occurrences;
using Campaign.Core.Redis;
using Campaign.Core.Scheduling;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Campaign.Bench;

/// <summary>
/// One campaign occurrence to N synthetic SMS subscribers, in-process, against a throwaway
/// redis-server: subscribers imported, memory measured, then the real runner (claim + planning) and
/// bulk dispatchers (claim script, policies, recording) with a provider that accepts instantly and
/// no rate limit. Measures planning time, fire-to-first-send, end-to-end messages per second,
/// Redis bytes per subscriber and per-occurrence bookkeeping, and counts duplicates.
/// </summary>
internal static class FanoutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var subscribers = Option(args, "--subscribers", 1_000_000);
        var loops = Option(args, "--dispatchers", 4);

        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var db = redis.Connection.GetDatabase();
        var keys = new RedisKeys("");
        var time = TimeProvider.System;
        var content = new ContentStore(ContentLoader.Load(RepoPaths.Content));
        var store = new SubscriberStore(redis.Connection, keys);

        var baseline = await RedisMemory.UsedAsync(db);
        var loadWatch = Stopwatch.StartNew();
        await ImportAsync(store, content.Current, subscribers);
        loadWatch.Stop();
        var afterLoad = await RedisMemory.UsedAsync(db);
        var bytesPerSubscriber = (afterLoad - baseline) / (double)subscribers;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {subscribers:N0} subscribers in {loadWatch.Elapsed.TotalSeconds:F1} s; {bytesPerSubscriber:F1} bytes each"));

        // No quiet hours (the run may be at night in Vietnam) and a cap that never binds on one message; everything else as shipped.
        var options = new FanoutOptions { BatchSize = 500, ChunkSize = 1000, QuietHoursChannels = [], PollInterval = TimeSpan.FromMilliseconds(5) };
        var campaigns = new CampaignStore(redis.Connection, keys);
        var lifecycle = new CampaignLifecycle(time);
        var occurrences = new OccurrenceStore(redis.Connection, keys);
        var ledger = new RecipientLedger(redis.Connection, keys, options);
        var completion = new CampaignCompletion(campaigns, lifecycle, occurrences, time, NullLogger<CampaignCompletion>.Instance);
        var planner = new AudiencePlanner(store, occurrences, campaigns, ledger, completion, content, options, time, NullLogger<AudiencePlanner>.Instance);
        var runner = new OccurrenceRunner(campaigns, lifecycle, occurrences, planner, completion, new SchedulerInstance(), options, time, NullLogger<OccurrenceRunner>.Instance);
        var sender = new CountingSender(subscribers);
        var dispatcher = new BulkDispatcher(
            new BulkOutbox(redis.Connection, keys, Channel.Sms), sender, ledger, campaigns,
            new CampaignTexts(content, new SmsRenderer(new SmsOptions(), content)), new QuietHours(options), store,
            new DeliveryStore(redis.Connection, keys, time, ledger), new ProviderHealth(time), completion, options, new DispatcherOptions(),
            time, NullLogger<BulkDispatcher>.Instance, new Outbox(redis.Connection, keys, Channel.Sms));

        var now = time.GetUtcNow();
        var campaign = (await campaigns.CreateAsync(new CampaignRecord
        {
            Id = await campaigns.NextIdAsync(),
            Title = "bench",
            OwnerId = "bench",
            Audience = new Audience(["D01"], [Channel.Sms], []),
            Message = new Dictionary<string, MessageText> { ["vi"] = new("Thông báo", "Xã thông báo: làm căn cước điện tử mức 2 tại {commune_office}.") },
            Schedule = new OneOffSchedule(CampaignSchedule.ToLocal(now)),
            Status = CampaignStatus.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
            ApprovedAt = now,
        })).Campaign!;

        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(1, loops).Select(n => Task.Run(() => dispatcher.RunAsync($"bench-{n}", stop.Token))).ToArray();
        await Task.Delay(200);   // loops polling, scripts loaded

        var total = Stopwatch.StartNew();
        sender.Start(total);
        var occurrenceId = await runner.FireAsync(campaign.Id, now);
        var planSeconds = total.Elapsed.TotalSeconds;
        Occurrence occurrence;
        while ((occurrence = (await occurrences.GetAsync(occurrenceId!))!).Status != OccurrenceStatus.Completed)
        {
            await Task.Delay(20);
        }
        var seconds = total.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var sentBitmapBytes = (long)await db.StringLengthAsync(keys.OccurrenceSent(occurrenceId!));
        var afterRun = await RedisMemory.UsedAsync(db);
        var result = new Dictionary<string, object>
        {
            ["subscribers"] = subscribers,
            ["plan_seconds"] = Math.Round(planSeconds, 2),
            ["messages_per_second"] = Math.Round(sender.Accepted / seconds),
            ["redis_bytes_per_subscriber"] = Math.Round(bytesPerSubscriber, 1),
            ["first_send_ms"] = Math.Round(sender.FirstSendMs, 1),
            ["duplicates"] = sender.Duplicates,
            ["sent"] = sender.Accepted,
            ["never_sent"] = subscribers - sender.Distinct,
            ["seconds"] = Math.Round(seconds, 2),
            ["dispatch_loops"] = loops,
            ["sent_bitmap_bits_per_recipient"] = Math.Round(sentBitmapBytes * 8.0 / subscribers, 2),
            ["frequency_records_bytes_per_recipient"] = Math.Round((afterRun - afterLoad) / (double)subscribers, 1),
            ["import_seconds"] = Math.Round(loadWatch.Elapsed.TotalSeconds, 1),
            ["stats_sent"] = occurrence.Stats.Sent,
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var json = JsonSerializer.Serialize(result);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "bench", "results"));
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, "bench", "results", "fanout.json"), json + "\n");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["subscribers"] = result["subscribers"],
            ["plan_seconds"] = result["plan_seconds"],
            ["messages_per_second"] = result["messages_per_second"],
            ["redis_bytes_per_subscriber"] = result["redis_bytes_per_subscriber"],
            ["first_send_ms"] = result["first_send_ms"],
            ["duplicates"] = result["duplicates"],
        }));
        Console.Error.WriteLine(json);
        return sender.Duplicates == 0 && sender.Distinct == subscribers ? 0 : 1;
    }

    /// <summary>Subscribers spread over the demo hamlets and communes, a third following one or two topics, imported as an officer's CSV would be.</summary>
    private static async Task ImportAsync(SubscriberStore store, CampaignContent content, int count)
    {
        var areas = content.Areas.Descendants("D01").Select(a => a.Code).Append("D01").ToArray();
        var themes = content.Themes.Select(t => t.Id).ToArray();
        var consent = new Consent(DateTimeOffset.UtcNow, "import", "bench");
        const int Batch = 1000;
        var batches = Enumerable.Range(0, (count + Batch - 1) / Batch);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (b, _) =>
        {
            var rows = new List<SubscriberImportRow>(Batch);
            for (var i = b * Batch; i < Math.Min(count, (b + 1) * Batch); i++)
            {
                IReadOnlyList<string> topics = (i % 3) switch { 0 => [themes[i % themes.Length]], 1 when i % 2 == 0 => [themes[i % themes.Length], themes[(i + 1) % themes.Length]], _ => [] };
                rows.Add(new SubscriberImportRow(Channel.Sms, "+849" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture), areas[i % areas.Length], null, topics));
            }
            await store.ImportAsync(rows, consent);
        });
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>Accepts instantly and counts per subscriber (parsed from the delivery id), to find duplicates and anyone never sent.</summary>
    private sealed class CountingSender(int subscribers) : IChannelSender
    {
        private readonly int[] _counts = new int[subscribers + 2];
        private Stopwatch? _clock;
        private long _firstTicks = -1;
        private long _accepted;

        public string Name => "noop";
        public long Accepted => Interlocked.Read(ref _accepted);
        public double FirstSendMs => _firstTicks < 0 ? -1 : _firstTicks * 1000.0 / Stopwatch.Frequency;
        public int Duplicates => _counts.Count(c => c > 1);
        public int Distinct => _counts.Count(c => c > 0);

        public void Start(Stopwatch clock) => _clock = clock;

        public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            if (_firstTicks < 0 && _clock is not null)
            {
                Interlocked.CompareExchange(ref _firstTicks, _clock.ElapsedTicks, -1);
            }
            if (BulkDeliveryId.TryParse(message.DeliveryId, out var id) && id.SubscriberId < _counts.Length)
            {
                Interlocked.Increment(ref _counts[id.SubscriberId]);
            }
            Interlocked.Increment(ref _accepted);
            return Task.FromResult(SendResult.Accepted(null));
        }
    }
}
