using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Text;
using Campaign.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using SmsGateway;

namespace Campaign.Bench;

/// <summary>
/// The SMS channel under load on this machine: (1) rendering latency of one outgoing SMS; (2) the
/// whole inbound path of the real SmsGateway (HTTP webhook → de-duplication → conversation engine →
/// outbox → dispatcher → simulator provider) with its own Redis, many phones texting at once.
/// </summary>
internal static class SmsBenchmark
{
    private const int Messages = 3000;
    private const int Phones = 300;
    private const int Concurrency = 16;

    private static readonly string[] Texts =
    [
        "DK", "MENU", "1", "2", "cach cai vneid", "lam can cuoc cho con o dau", "thanh toan qr co mat phi ko",
        "ban hang ocop tren mang the nao", "bi lua dao qua dien thoai thi bao ai", "dich vu cong truc tuyen la gi", "HUY",
    ];

    public static async Task<int> RunAsync()
    {
        var (renderP50, renderP99, renderCount) = MeasureRendering();

        await using var redis = new RedisServer();
        await redis.InitializeAsync();
        var prefix = redis.NewPrefix();
        await using var app = SmsGatewayApp.Create(
        [
            "--urls=http://127.0.0.1:0", $"--ConnectionStrings:Redis={redis.ConnectionString}", $"--Redis:KeyPrefix={prefix}",
            $"--Content:Path={RepoPaths.Content}", "--Sms:Provider=simulator", "--Logging:LogLevel:Default=Warning",
            "--Delivery:PollInterval=00:00:00.020",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };

        var deliveries = app.Services.GetRequiredService<DeliveryStore>();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await SendAsync(client, 200, "warm"); // JIT, connections, Redis scripts; drained before the run starts
        while ((await deliveries.GetDailyUsageAsync(Channel.Sms, day)).Messages < 200)
        {
            await Task.Delay(20);
        }
        var before = (await deliveries.GetDailyUsageAsync(Channel.Sms, day)).Messages;

        var clock = Stopwatch.StartNew();
        var latencies = await SendAsync(client, Messages, "run");
        var accepted = clock.Elapsed;
        while ((await deliveries.GetDailyUsageAsync(Channel.Sms, day)).Messages - before < Messages && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20);
        }
        var drained = clock.Elapsed;
        var sent = (await deliveries.GetDailyUsageAsync(Channel.Sms, day)).Messages - before;
        await app.StopAsync();

        Array.Sort(latencies);
        var result = new Dictionary<string, object>
        {
            ["render_p50_us"] = Math.Round(renderP50, 1),
            ["render_p99_us"] = Math.Round(renderP99, 1),
            ["render_texts"] = renderCount,
            ["inbound_messages"] = Messages,
            ["phones"] = Phones,
            ["concurrency"] = Concurrency,
            ["webhook_p50_ms"] = Math.Round(latencies[(int)(latencies.Length * 0.50)], 2),
            ["webhook_p99_ms"] = Math.Round(latencies[(int)(latencies.Length * 0.99)], 2),
            ["inbound_per_s"] = Math.Round(Messages / accepted.TotalSeconds),
            ["replies_sent"] = sent,
            ["end_to_end_per_s"] = Math.Round(sent / drained.TotalSeconds),
        };
        var json = JsonSerializer.Serialize(result);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "bench", "results"));
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, "bench", "results", "sms.json"), json + "\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"render: p50 {renderP50:0.0} µs, p99 {renderP99:0.0} µs over {renderCount} texts; inbound: {Messages} SMS from {Phones} phones, {Concurrency} at a time: webhook p50 {result["webhook_p50_ms"]} ms, p99 {result["webhook_p99_ms"]} ms, {result["inbound_per_s"]}/s accepted; {sent} replies handed to the provider at {result["end_to_end_per_s"]}/s end to end"));
        Console.WriteLine(json);
        return sent == Messages ? 0 : 1;
    }

    /// <summary>Every FAQ answer and system reply, chat and SMS text, rendered as SMS (long chat texts get cut).</summary>
    private static (double P50, double P99, int Count) MeasureRendering()
    {
        var content = new Core.Content.ContentStore(Core.Content.ContentLoader.Load(RepoPaths.Content));
        var renderer = new SmsRenderer(new SmsOptions(), content);
        var texts = content.Current.Faq.SelectMany(f => new[] { f.SmsAnswer.Source, f.ChatAnswer.Source }).ToList();
        var samples = new List<double>();
        for (var round = 0; round < 50; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                renderer.Render(text);
                if (round >= 5)
                {
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }
        }
        samples.Sort();
        return (samples[(int)(samples.Count * 0.50)], samples[(int)(samples.Count * 0.99)], texts.Count);
    }

    private static async Task<double[]> SendAsync(HttpClient client, int count, string run)
    {
        var latencies = new double[count];
        var next = -1;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var phone = $"0913{i % Phones:000000}";
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync(
                    new Uri($"simulator/api/phones/{phone}/messages", UriKind.Relative), new { id = $"{run}-{i}", text = Texts[i % Texts.Length] });
                response.EnsureSuccessStatusCode();
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        return latencies;
    }
}
