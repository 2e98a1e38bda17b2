using System.Net;
using Campaign.Core.Conversations;
using Campaign.Core.Officers;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>POST /api/admin/audience/estimate: counts by the area tree, by channel, refused outside one's areas.</summary>
[Collection(UsesRedis.Name)]
public sealed class AudienceEstimateTests(RedisServer redis) : IAsyncLifetime
{
    private const string Estimate = "api/admin/audience/estimate";
    private AdminApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AdminApiHost.StartAsync(redis);
        // D01 (demo province) > D0101 (commune) > D010101 (hamlet); D0102 its other commune;
        // 91 An Giang, whose commune 30307 does not start with "91".
        await SubscribedAsync(Channel.Sms, "+84912345201", "D010101");
        await SubscribedAsync(Channel.Sms, "+84912345202", "D010101");
        await SubscribedAsync(Channel.Zalo, "zalo-user-203", "D0101");
        await SubscribedAsync(Channel.Messenger, "psid-204", "D0101");
        await SubscribedAsync(Channel.Sms, "+84912345205", "D0102");
        await SubscribedAsync(Channel.Sms, "+84912345206", "30307");
        var stopped = await SubscribedAsync(Channel.Sms, "+84912345207", "D0101");
        await Subscribers.OptOutAsync(stopped, new Consent(DateTimeOffset.UtcNow, "sms:HUY", "m"));
        await Subscribers.TouchAsync(Channel.Sms, "+84912345208", DateTimeOffset.UtcNow); // a contact, never subscribed
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SubscriberStore Subscribers => _host.Bot.Get<SubscriberStore>();

    [Fact]
    public async Task Areas_cover_the_areas_below_them_and_each_resident_counts_once()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Approver, "D01");

        using var response = await _host.SendAsync(HttpMethod.Post, Estimate, key,
            """{ "areaCodes": ["D01", "D0101"], "channels": ["sms", "zalo"], "topics": ["chinh-quyen"] }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var estimate = await AdminApiHost.JsonAsync(response);
        Assert.Equal(4, estimate.GetProperty("total").GetInt32());
        Assert.Equal((3, 1), (estimate.GetProperty("byChannel").GetProperty("sms").GetInt32(), estimate.GetProperty("byChannel").GetProperty("zalo").GetInt32()));
        var byArea = estimate.GetProperty("byArea").EnumerateArray().Select(a => (a.GetProperty("code").GetString(), a.GetProperty("name").GetString(), a.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal([("D01", "Tỉnh Minh Họa", 4), ("D0101", "Xã An Hòa", 3)], byArea);
        Assert.False(estimate.GetProperty("topicsApplied").GetBoolean());
        Assert.Contains("Topics are not applied", estimate.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_province_covers_its_communes_by_the_tree_not_by_code_prefix()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Admin, "*");

        using var response = await _host.SendAsync(HttpMethod.Post, Estimate, key, """{ "areaCodes": ["91"], "channels": ["sms", "messenger"] }""");

        var estimate = await AdminApiHost.JsonAsync(response);
        Assert.Equal(1, estimate.GetProperty("total").GetInt32());
        Assert.Equal((1, 0), (estimate.GetProperty("byChannel").GetProperty("sms").GetInt32(), estimate.GetProperty("byChannel").GetProperty("messenger").GetInt32()));
    }

    [Fact]
    public async Task An_area_outside_ones_own_is_a_403_and_audited()
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendAsync(HttpMethod.Post, Estimate, key, """{ "areaCodes": ["D010101", "D0102"], "channels": ["sms"] }""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await AdminApiHost.JsonAsync(response);
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(("areaCodes[1]", "'D0102' is outside your areas (D0101)"), (error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
        var entry = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "audience.estimate"))).Single().Entry;
        Assert.Equal((AuditOutcome.Denied, "outside_scope"), (entry.Outcome, entry.Details?["reason"]));
    }

    public static TheoryData<string, string, string> BadAudiences => new()
    {
        { "an unknown area", """{ "areaCodes": ["Z99"], "channels": ["sms"] }""", "areaCodes[0]" },
        { "no areas", """{ "areaCodes": [], "channels": ["sms"] }""", "areaCodes" },
        { "web chat, which gets no campaigns", """{ "areaCodes": ["D0101"], "channels": ["webchat"] }""", "channels[0]" },
        { "a channel that does not exist", """{ "areaCodes": ["D0101"], "channels": ["fax"] }""", "channels[0]" },
    };

    [Theory]
    [MemberData(nameof(BadAudiences))]
    public async Task A_bad_audience_is_a_400_naming_the_field(string name, string body, string field)
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendAsync(HttpMethod.Post, Estimate, key, body);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{name}: {(int)response.StatusCode}");
        var fields = (await AdminApiHost.JsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToArray();
        Assert.True(fields.Contains(field), $"{name}: {string.Join(", ", fields)}");
    }

    [Fact]
    public async Task The_estimate_is_audited_with_its_areas_and_total()
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendAsync(HttpMethod.Post, Estimate, key, """{ "areaCodes": ["D0101"], "channels": ["sms"] }""");

        Assert.Equal(2, (await AdminApiHost.JsonAsync(response)).GetProperty("total").GetInt32());
        var entry = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "audience.estimate"))).Single().Entry;
        Assert.Equal((AuditOutcome.Allowed, "D0101", "sms", "2"), (entry.Outcome, entry.Details?["areas"], entry.Details?["channels"], entry.Details?["total"]));
    }

    private async Task<Subscriber> SubscribedAsync(Channel channel, string address, string area)
    {
        var (contact, _) = await Subscribers.TouchAsync(channel, address, DateTimeOffset.UtcNow);
        return (await Subscribers.SubscribeAsync(contact, new Consent(DateTimeOffset.UtcNow, "test", null), area)).Subscriber;
    }
}
