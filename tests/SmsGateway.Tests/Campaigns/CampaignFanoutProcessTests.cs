using System.Collections.Concurrent;
using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Occurrences;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using SmsGateway.Tests.Twilio;

namespace SmsGateway.Tests.Campaigns;

/// <summary>
/// Three SmsGateway processes (real processes, the way operators run them) share one Redis and a
/// Twilio stand-in that logs every request. A campaign fires on all three; one is killed (SIGKILL)
/// in the middle of sending; the survivors take its chunks over. Nobody gets two messages, and
/// nobody is left out except the few the dead process was sending at the moment it died, which are
/// counted unknown.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class CampaignFanoutProcessTests(RedisServer redis)
{
    private const int Residents = 300;

    [Fact]
    public async Task Three_gateways_fire_once_and_a_killed_one_leaves_no_duplicate_and_no_one_unsent()
    {
        var prefix = redis.NewPrefix();
        var keys = new RedisKeys(prefix);
        var byNumber = new ConcurrentDictionary<string, int>();
        await using var api = await StubHttpServer.StartAsync();
        api.Handler = request =>
        {
            byNumber.AddOrUpdate(request.Form["To"], 1, (_, n) => n + 1);
            return StubResponse.Json(201, TwilioSendTests.Created) with { Delay = TimeSpan.FromMilliseconds(20) };
        };
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Redis__KeyPrefix"] = prefix,
            ["Sms__Provider"] = "twilio",
            ["Twilio__AccountSid"] = TwilioGateway.AccountSid,
            ["Twilio__AuthToken"] = TwilioGateway.AuthToken,
            ["Twilio__From"] = TwilioGateway.From,
            ["Twilio__PublicBaseUrl"] = TwilioGateway.PublicBaseUrl,
            ["Twilio__ApiBaseUrl"] = api.BaseAddress.ToString().TrimEnd('/'),
            ["Fanout__ChunkSize"] = "20",
            ["Fanout__BatchSize"] = "5",
            ["Fanout__AbandonedAfter"] = "00:00:03",
            ["Fanout__SupervisorInterval"] = "00:00:01",
            ["Fanout__PollInterval"] = "00:00:00.050",
            ["Fanout__QuietHoursStart"] = "00:00",   // start = end: no quiet hours, whenever the test runs
            ["Fanout__QuietHoursEnd"] = "00:00",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var gateways = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                gateways.Add(await ServiceProcess.StartAsync("SmsGateway", environment));
            }
            var subscribers = new SubscriberStore(redis.Connection, keys);
            var now = DateTimeOffset.UtcNow;
            var rows = Enumerable.Range(0, Residents).Select(i => new SubscriberImportRow(Channel.Sms, $"+8491{i:D7}", "D0101", null, [])).ToList();
            await subscribers.ImportAsync(rows, new Consent(now, "import", "test"));

            var campaigns = new CampaignStore(redis.Connection, keys);
            var fireAt = DateTimeOffset.UtcNow.AddSeconds(3);
            var campaign = (await campaigns.CreateAsync(new CampaignRecord
            {
                Id = await campaigns.NextIdAsync(),
                Title = "họp dân",
                OwnerId = "officer-1",
                Audience = new Audience(["D01"], [Channel.Sms], []),
                Message = new Dictionary<string, MessageText> { ["vi"] = new("", "Xã họp dân tối thứ Sáu tại nhà văn hóa.") },
                Schedule = new OneOffSchedule(CampaignSchedule.ToLocal(fireAt)),
                Status = CampaignStatus.Scheduled,
                CreatedAt = now,
                UpdatedAt = now,
                ApprovedAt = now,
            })).Campaign!;

            await Eventually.GetAsync(() => Task.FromResult(byNumber.Count), n => n >= 60, n => $"{n} residents reached; sending should have started", TimeSpan.FromSeconds(30));
            var victim = gateways[Random.Shared.Next(gateways.Count)];
            await victim.DisposeAsync();   // kill -9: no shutdown, in-flight provider calls cut off
            gateways.Remove(victim);

            var occurrences = new OccurrenceStore(redis.Connection, keys);
            var id = OccurrenceId.For(campaign.Id, CampaignSchedule.ToInstant(CampaignSchedule.ToLocal(fireAt)));
            var occurrence = (await Eventually.GetAsync<Occurrence?>(() => occurrences.GetAsync(id), o => o?.Status == OccurrenceStatus.Completed,
                o => $"occurrence {o?.Status}: {o?.Stats}", TimeSpan.FromSeconds(60)))!;
            Assert.Single(await occurrences.ListAsync(campaign.Id));
            Assert.All(byNumber, pair => Assert.True(pair.Value == 1, $"{pair.Key} got {pair.Value} messages"));
            // Everyone got it, except at most the sends in flight in the killed process (2 loops × a batch of 5), counted unknown.
            Assert.InRange(occurrence.Stats.Unknown, 0, 10);
            Assert.InRange(byNumber.Count, Residents - occurrence.Stats.Unknown, Residents);
            Assert.Equal(Residents, occurrence.Stats.Sent + occurrence.Stats.Unknown);
            Assert.Equal(Residents, occurrence.Stats.Targeted);
        }
        finally
        {
            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }
        }
    }
}
