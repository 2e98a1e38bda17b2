using System.Globalization;
using System.Net;
using System.Text.Json;
using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Officers;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using StackExchange.Redis;

namespace CampaignBot.Tests.Console;

/// <summary>
/// The whole officer journey through the API, against both services as deployed: CampaignBot
/// in-process (admin API, scheduler, Messenger channel with a Graph API stand-in) and SmsGateway as a
/// real process on the same Redis (SMS simulator). An officer imports residents, writes a campaign,
/// a colleague approves it, and it fires on SMS and Messenger with live stats.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class CampaignJourneyTests(RedisServer redis)
{
    private static readonly Dictionary<string, string?> NoQuietHours = new()
    {
        ["Fanout:QuietHoursStart"] = "00:00",   // start = end: no quiet hours, whenever the test runs
        ["Fanout:QuietHoursEnd"] = "00:00",
        ["Fanout:SupervisorInterval"] = "00:00:01",
        ["Fanout:PollInterval"] = "00:00:00.050",
    };

    [Fact]
    public async Task Import_write_approve_and_watch_a_campaign_reach_SMS_and_Messenger_once_each()
    {
        await using var graph = await StubHttpServer.StartAsync();
        graph.Handler = _ => StubResponse.Json(200, """{"recipient_id":"1","message_id":"m_1"}""");
        var settings = new Dictionary<string, string?>(NoQuietHours)
        {
            ["Scheduler:Enabled"] = "true",
            ["Messenger:AppSecret"] = "journey-app-secret",
            ["Messenger:VerifyToken"] = "journey-verify",
            ["Messenger:PageAccessToken"] = "EAAGjourneytoken0123456789",
            ["Messenger:GraphApiBaseUrl"] = graph.BaseAddress.ToString().TrimEnd('/'),
        };
        await using var host = await AdminApiHost.StartAsync(redis, settings);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Redis__KeyPrefix"] = host.Bot.KeyPrefix,
            ["Sms__Provider"] = "simulator",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in NoQuietHours)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        await using var gateway = await ServiceProcess.StartAsync("SmsGateway", environment);
        var (_, officerKey) = await host.AddAsync(OfficerRole.Officer, "D01", "Cán bộ xã");
        var (_, approverKey) = await host.AddAsync(OfficerRole.Approver, "D01", "Phó chủ tịch");

        // 1. Residents: three by CSV (one bad line reported, the rest kept), one on Messenger who wrote in today.
        using var imported = await host.SendCsvAsync("api/admin/subscribers/import", officerKey,
            "phone,area,name,topics\n0912000001,D0101,,\n0912000002,D010101,Chị Lan,\nkhong-phai-so,D0101,,\n0912000003,D0102,,\n");
        var report = await AdminApiHost.JsonAsync(imported);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, report.GetProperty("created").GetInt32());
        Assert.Equal(4, Assert.Single(report.GetProperty("invalid").EnumerateArray()).GetProperty("line").GetInt32());
        var subscribers = host.Bot.Get<SubscriberStore>();
        var (psid, _) = await subscribers.TouchAsync(Channel.Messenger, "journey-psid-1", DateTimeOffset.UtcNow);
        await subscribers.SubscribeAsync(psid, new Consent(DateTimeOffset.UtcNow, "messenger:DK", "mid.1"), "D0101");

        // 2. The campaign, a few seconds ahead, submitted by its author and approved by someone else.
        var at = CampaignSchedule.ToLocal(DateTimeOffset.UtcNow.AddSeconds(8)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        using var created = await host.SendAsync(HttpMethod.Post, "api/admin/campaigns", officerKey, $$"""
            {
              "title": "Họp dân về căn cước điện tử",
              "audience": { "areaCodes": ["D01"], "channels": ["sms", "messenger"], "topics": [] },
              "message": { "vi": {
                "chat": "Tối thứ Sáu, xã hướng dẫn kích hoạt tài khoản định danh điện tử tại nhà văn hóa.",
                "sms": "Toi thu Sau, xa huong dan kich hoat tai khoan dinh danh dien tu tai nha van hoa." } },
              "schedule": { "kind": "oneOff", "at": "{{at}}" }
            }
            """);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await AdminApiHost.JsonAsync(created)).GetProperty("id").GetString()!;
        using (var submitted = await host.SendAsync(HttpMethod.Post, $"api/admin/campaigns/{id}/submit", officerKey))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }
        using (var selfApproved = await host.SendAsync(HttpMethod.Post, $"api/admin/campaigns/{id}/approve", officerKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, selfApproved.StatusCode);   // an officer cannot approve, and never their own
        }
        using (var approved = await host.SendAsync(HttpMethod.Post, $"api/admin/campaigns/{id}/approve", approverKey))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        // 3. It fires once, on both services' channels, and the stats say so while and after it runs.
        var occurrence = await Eventually.GetAsync(
            async () => await OccurrenceAsync(host, id, officerKey),
            o => o is { } found && found.GetProperty("status").GetString() == "completed",
            o => $"occurrence: {o}", TimeSpan.FromSeconds(60));
        var stats = occurrence!.Value.GetProperty("stats");
        Assert.Equal(4, stats.GetProperty("targeted").GetInt32());
        Assert.Equal(4, stats.GetProperty("sent").GetInt32());
        // Two steps, not one: the last chunk completes the occurrence, then the service that sent it
        // completes the campaign. Read in between, the campaign is still "running".
        await Eventually.GetAsync(
            async () => await CampaignStatusAsync(host, id, officerKey),
            status => status == "completed",
            status => $"campaign status: {status}");
        var db = redis.Connection.GetDatabase();
        var keys = new RedisKeys(host.Bot.KeyPrefix);
        foreach (var phone in new[] { "+84912000001", "+84912000002", "+84912000003" })
        {
            var screen = await db.StreamRangeAsync(keys.SimulatorPhone(phone));
            Assert.Single(screen, e => e.Values.Any(v => v.Value.ToString().Contains("kich hoat tai khoan", StringComparison.Ordinal)));
        }
        Assert.Single(graph.Requests, r => r.BodyText.Contains("journey-psid-1", StringComparison.Ordinal));

        // 4. Another commune's officer cannot see it, nor its occurrences.
        var (_, otherKey) = await host.AddAsync(OfficerRole.Officer, "08");
        using var refused = await host.SendAsync(HttpMethod.Get, $"api/admin/campaigns/{id}/occurrences", otherKey);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private static async Task<string?> CampaignStatusAsync(AdminApiHost host, string campaignId, string key)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"api/admin/campaigns/{campaignId}", key);
        return (await AdminApiHost.JsonAsync(response)).GetProperty("status").GetString();
    }

    private static async Task<JsonElement?> OccurrenceAsync(AdminApiHost host, string campaignId, string key)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"api/admin/campaigns/{campaignId}/occurrences", key);
        var list = await AdminApiHost.JsonAsync(response);
        return list.GetArrayLength() == 0 ? null : list[0];
    }
}
