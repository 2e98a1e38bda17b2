using System.Net;
using System.Text.Json;
using Xunit;

namespace Campaign.TestSupport;

/// <summary>
/// What every service promises operators, checked on a real process with real Redis and HTTP.
/// Each service's test project derives from this once, naming the service.
/// </summary>
public abstract class ServiceHostTests(RedisServer redis, string service)
{
    private string Service { get; } = service;

    [Fact]
    public async Task Health_and_readiness_answer_with_redis_up()
    {
        await using var service = await ServiceProcess.StartAsync(Service, new Dictionary<string, string> { ["ConnectionStrings__Redis"] = redis.ConnectionString });
        using var client = service.Client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Redis_down_makes_it_not_ready_but_still_alive()
    {
        await using var service = await ServiceProcess.StartAsync(Service, new Dictionary<string, string> { ["ConnectionStrings__Redis"] = "127.0.0.1:1,connectTimeout=200" });
        using var client = service.Client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Broken_content_stops_start_up_naming_file_and_line()
    {
        var content = RepoPaths.CopyOfContent();
        try
        {
            var vneid = Path.Combine(content, "faq", "vneid.yaml");
            File.WriteAllText(vneid, File.ReadAllText(vneid).Replace("theme: chinh-quyen", "theme: khong-co", StringComparison.Ordinal));

            await using var service = await ServiceProcess.StartAsync(Service, new Dictionary<string, string>
            {
                ["ConnectionStrings__Redis"] = redis.ConnectionString,
                ["Content__Path"] = content,
            }, waitUntilHealthy: false);
            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the service kept running with invalid content");
            Assert.NotEqual(0, service.ExitCode);
            Assert.Contains("faq/vneid.yaml:2: unknown theme 'khong-co'", service.Output);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}
