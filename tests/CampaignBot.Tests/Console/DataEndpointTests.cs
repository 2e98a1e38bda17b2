using System.Net;
using System.Text;
using Campaign.Core.Conversations;
using Campaign.Core.Occurrences;
using Campaign.Core.Officers;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>The console's data endpoints: previews, dashboard, timeline, area report, audit and CSV exports, each within the officer's areas.</summary>
[Collection(UsesRedis.Name)]
public sealed class DataEndpointTests(RedisServer redis) : IAsyncLifetime
{
    private AdminApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AdminApiHost.StartAsync(redis, new Dictionary<string, string?> { ["Sms:PricePerSegment"] = "350", ["Sms:Currency"] = "VND" });
        await SubscribedAsync(Channel.Sms, "+84912345301", "D010101");
        await SubscribedAsync(Channel.Zalo, "zalo-user-302", "D0101");
        await SubscribedAsync(Channel.Sms, "+84912345303", "08");
        var stopped = await SubscribedAsync(Channel.Sms, "+84912345304", "D0102");
        await Subscribers.OptOutAsync(stopped, new Consent(DateTimeOffset.UtcNow, "sms:HUY", "m"));
        var elsewhere = await SubscribedAsync(Channel.Sms, "+84912345305", "08");
        await Subscribers.OptOutAsync(elsewhere, new Consent(DateTimeOffset.UtcNow, "sms:HUY", "m"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SubscriberStore Subscribers => _host.Bot.Get<SubscriberStore>();

    private async Task<Subscriber> SubscribedAsync(Channel channel, string address, string area)
    {
        var (subscriber, _) = await Subscribers.TouchAsync(channel, address, DateTimeOffset.UtcNow);
        return (await Subscribers.SubscribeAsync(subscriber, new Consent(DateTimeOffset.UtcNow, "test", "seed"), area)).Subscriber;
    }

    private async Task<string> CreateCampaignAsync(string key, string area = "D0101")
    {
        using var created = await _host.SendAsync(HttpMethod.Post, "api/admin/campaigns", key, CampaignBodies.Recurring(area));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await AdminApiHost.JsonAsync(created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Message_preview_fills_the_areas_placeholders_and_shows_what_stripping_marks_saves()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D01");
        var sms = string.Concat(Enumerable.Repeat("Xã tổ chức hướng dẫn bà con sử dụng dịch vụ công. ", 3)) + "{commune_office}";

        using var response = await _host.SendAsync(HttpMethod.Post, "api/admin/preview/message", key,
            $$"""{ "chat": "Liên hệ {commune_office}", "sms": "{{sms}}", "areaCode": "D0101" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await AdminApiHost.JsonAsync(response);
        var chat = preview.GetProperty("chat");
        Assert.DoesNotContain("{", chat.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(chat.GetProperty("text").GetString()!.Length, chat.GetProperty("characters").GetInt32());
        var s = preview.GetProperty("sms");
        Assert.Equal(("GSM-7", "strip"), (s.GetProperty("encoding").GetString(), s.GetProperty("policy").GetString()));
        Assert.DoesNotContain("ã", s.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("UCS-2", s.GetProperty("withMarks").GetProperty("encoding").GetString());
        Assert.Equal("GSM-7", s.GetProperty("withoutMarks").GetProperty("encoding").GetString());
        var saves = s.GetProperty("withMarks").GetProperty("segments").GetInt32() - s.GetProperty("withoutMarks").GetProperty("segments").GetInt32();
        Assert.True(saves > 0);
        Assert.Equal(saves, s.GetProperty("unaccentingSaves").GetInt32());
        Assert.Equal((350m, "VND"), (s.GetProperty("pricePerSegment").GetDecimal(), s.GetProperty("currency").GetString()));
        Assert.Equal(350m * s.GetProperty("segments").GetInt32(), s.GetProperty("cost").GetDecimal());
    }

    [Fact]
    public async Task Message_preview_for_an_area_outside_ones_own_is_a_403()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendAsync(HttpMethod.Post, "api/admin/preview/message", key, """{ "chat": "x", "sms": "x", "areaCode": "D0102" }""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("areaCode", (await AdminApiHost.JsonAsync(response)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Schedule_preview_says_the_next_five_fires_in_plain_vietnamese_and_refuses_a_bad_cron()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D01");

        using var response = await _host.SendAsync(HttpMethod.Post, "api/admin/schedule/preview", key,
            """{ "schedule": { "kind": "recurring", "cron": "0 0 8 ? * MON", "start": "2030-01-01", "end": "2030-12-31" } }""");
        using var bad = await _host.SendAsync(HttpMethod.Post, "api/admin/schedule/preview", key,
            """{ "schedule": { "kind": "recurring", "cron": "0 8 * * *", "start": "2030-01-01" } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await AdminApiHost.JsonAsync(response);
        var fires = preview.GetProperty("fires").EnumerateArray().ToArray();
        Assert.Equal(5, fires.Length);
        Assert.Equal("Thứ Hai, 07/01/2030 lúc 08:00", fires[0].GetProperty("text").GetString());
        Assert.Equal("2030-01-07T08:00:00+07:00", fires[0].GetProperty("local").GetString());
        Assert.Equal("Thứ Hai, 14/01/2030 lúc 08:00", fires[1].GetProperty("text").GetString());
        Assert.Contains("Thứ Hai, 07/01/2030 lúc 08:00", preview.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("schedule.cron", (await AdminApiHost.JsonAsync(bad)).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_dashboard_counts_only_the_officers_areas()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D01");
        var (_, adminKey) = await _host.AddAsync(OfficerRole.Admin, "*");

        var mine = await AdminApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "api/admin/dashboard", key));
        var all = await AdminApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "api/admin/dashboard", adminKey));

        var subscribers = mine.GetProperty("subscribers");
        Assert.Equal(2, subscribers.GetProperty("total").GetInt64());
        Assert.Equal((1, 1), (subscribers.GetProperty("byChannel").GetProperty("sms").GetInt32(), subscribers.GetProperty("byChannel").GetProperty("zalo").GetInt32()));
        var area = Assert.Single(subscribers.GetProperty("byArea").EnumerateArray());
        Assert.Equal(("D01", 2), (area.GetProperty("code").GetString(), area.GetProperty("count").GetInt32()));
        Assert.Equal(1, mine.GetProperty("optOutsThisWeek").GetInt64());
        Assert.Equal(3, all.GetProperty("subscribers").GetProperty("total").GetInt64());
        Assert.Equal(2, all.GetProperty("optOutsThisWeek").GetInt64());
    }

    [Fact]
    public async Task The_timeline_is_cumulative_per_minute_and_hidden_outside_ones_areas()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (_, otherKey) = await _host.AddAsync(OfficerRole.Officer, "D0102");
        var campaignId = await CreateCampaignAsync(key);
        var fireAt = DateTimeOffset.FromUnixTimeSeconds(1_900_000_800);
        Assert.True(await _host.Bot.Get<OccurrenceStore>().ClaimAsync(campaignId, fireAt, "test", fireAt, TimeSpan.FromMinutes(1)));
        var occurrenceId = OccurrenceId.For(campaignId, fireAt);
        var minute = fireAt.ToUnixTimeSeconds() / 60;
        await redis.Connection.GetDatabase().HashSetAsync(_host.Bot.Get<RedisKeys>().OccurrenceTimeline(occurrenceId),
            [new($"{minute}:sent", 10), new($"{minute}:skipped", 2), new($"{minute + 1}:sent", 5), new($"{minute + 1}:failed", 1)]);

        using var response = await _host.SendAsync(HttpMethod.Get, $"api/admin/occurrences/{occurrenceId}/timeline", key);
        using var refused = await _host.SendAsync(HttpMethod.Get, $"api/admin/occurrences/{occurrenceId}/timeline", otherKey);
        var dashboard = await AdminApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "api/admin/dashboard", key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = (await AdminApiHost.JsonAsync(response)).EnumerateArray()
            .Select(p => (p.GetProperty("at").GetString(), p.GetProperty("sent").GetInt32(), p.GetProperty("failed").GetInt32(), p.GetProperty("skipped").GetInt32())).ToArray();
        Assert.Equal([("2030-03-18T01:00:00+07:00", 10, 0, 2), ("2030-03-18T01:01:00+07:00", 15, 1, 2)], points);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var recent = Assert.Single(dashboard.GetProperty("recent").EnumerateArray());
        Assert.Equal((occurrenceId, campaignId), (recent.GetProperty("occurrenceId").GetString(), recent.GetProperty("campaignId").GetString()));
    }

    [Fact]
    public async Task The_area_report_lists_the_officers_areas_and_exports_csv()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D01");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await _host.SendAsync(HttpMethod.Get, $"api/admin/reports/areas?from={today}&to={today}", key);
        using var csv = await _host.SendAsync(HttpMethod.Get, $"api/admin/reports/areas?from={today}&to={today}&format=csv", key);
        using var bad = await _host.SendAsync(HttpMethod.Get, "api/admin/reports/areas?from=2030-02-01&to=2030-01-01", key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await AdminApiHost.JsonAsync(response)).EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(["D01", "D0101", "D010101", "D010102", "D0102", "D010201"], rows.Keys);
        Assert.Equal((2, 1), (rows["D01"].GetProperty("subscribers").GetInt32(), rows["D01"].GetProperty("optOuts").GetInt32()));
        Assert.Equal(1, rows["D0102"].GetProperty("optOuts").GetInt32());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,name,level,parentCode,subscribers,optOuts", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("D01,Tỉnh Minh Họa,province,,2,1,", lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Officers_read_their_own_audit_entries_admins_everyones_and_csv_works()
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (other, otherKey) = await _host.AddAsync(OfficerRole.Officer, "D0102");
        var (_, adminKey) = await _host.AddAsync(OfficerRole.Admin, "*");
        await CreateCampaignAsync(key);
        await CreateCampaignAsync(otherKey, "D0102");

        var own = (await AdminApiHost.JsonAsync(await _host.SendAsync(HttpMethod.Get, "api/admin/audit?action=campaign.create", key))).EnumerateArray().ToArray();
        using var refused = await _host.SendAsync(HttpMethod.Get, $"api/admin/audit?actor={other.Id}", key);
        using var csv = await _host.SendAsync(HttpMethod.Get, "api/admin/audit?action=campaign.create&format=csv", adminKey);

        Assert.Equal(officer.Id, Assert.Single(own).GetProperty("actorId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actorId,role,action,target,outcome,details", lines[0]);
        Assert.Equal(2, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(other.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Campaigns_occurrences_and_subscribers_export_as_csv_within_scope()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (_, otherKey) = await _host.AddAsync(OfficerRole.Officer, "D0102");
        var id = await CreateCampaignAsync(key);
        await CreateCampaignAsync(otherKey, "D0102");

        using var campaigns = await _host.SendAsync(HttpMethod.Get, "api/admin/campaigns?format=csv", key);
        using var occurrences = await _host.SendAsync(HttpMethod.Get, $"api/admin/campaigns/{id}/occurrences?format=csv", key);
        using var subscribers = await _host.SendAsync(HttpMethod.Get, "api/admin/subscribers?area=D0101&format=csv", key);
        using var outside = await _host.SendAsync(HttpMethod.Get, "api/admin/subscribers?area=D0102&format=csv", key);
        using var wrong = await _host.SendAsync(HttpMethod.Get, "api/admin/campaigns?format=xls", key);

        var campaignLines = (await campaigns.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,title,status", campaignLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{id},Hướng dẫn dịch vụ công,draft,", Assert.Single(campaignLines[1..]), StringComparison.Ordinal);
        Assert.Equal("text/csv", occurrences.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,campaignId,fireAt,status", await occurrences.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var subscriberLines = (await subscribers.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, subscriberLines.Length);
        Assert.DoesNotContain(subscriberLines, l => l.Contains("+84912345301", StringComparison.Ordinal));   // masked
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }
}
