using System.Net;
using Campaign.Core.Conversations;
using Campaign.Core.Officers;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>GET /api/admin/subscribers: by phone or area, masked, only within one's areas; every look-up audited.</summary>
[Collection(UsesRedis.Name)]
public sealed class SubscriberSearchTests(RedisServer redis) : IAsyncLifetime
{
    private const string Subscribers = "api/admin/subscribers";
    private AdminApiHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_phone_search_finds_a_resident_in_ones_areas_masked_with_their_consent()
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (_, neighbourKey) = await _host.AddAsync(OfficerRole.Officer, "D0102");
        using var imported = await _host.SendCsvAsync($"{Subscribers}/import", key, "phone,area\n0912345301,D010101\n");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        using var found = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}?phone=091%20234%205301", key);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var page = await AdminApiHost.JsonAsync(found);
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var item = page.GetProperty("items")[0];
        Assert.Equal(("sms", "+8491*****301", "subscribed", "D010101", "Thôn Đông", "import"),
            (item.GetProperty("channel").GetString(), item.GetProperty("address").GetString(), item.GetProperty("status").GetString(),
             item.GetProperty("areaCode").GetString(), item.GetProperty("areaName").GetString(), item.GetProperty("consentVia").GetString()));
        Assert.True(item.TryGetProperty("consentAt", out _));
        Assert.DoesNotContain("12345301", await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var elsewhere = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}?phone=0912345301", neighbourKey);
        Assert.Equal(0, (await AdminApiHost.JsonAsync(elsewhere)).GetProperty("total").GetInt32());

        var entry = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "subscriber.search"))).Single().Entry;
        Assert.Equal((AuditOutcome.Allowed, "phone:+8491*****301", "1"), (entry.Outcome, entry.Target, entry.Details?["found"]));
    }

    [Fact]
    public async Task An_area_lists_its_subscribers_and_those_of_the_areas_below_it_by_page()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Approver, "D01");
        using var imported = await _host.SendCsvAsync($"{Subscribers}/import", key,
            "phone,area\n0912345311,D0101\n0912345312,D010101\n0912345313,D0102\n0912345314,D010201\n");
        Assert.Equal(4, (await AdminApiHost.JsonAsync(imported)).GetProperty("created").GetInt32());

        using var commune = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}?area=d0101", key);
        var page = await AdminApiHost.JsonAsync(commune);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(["+8491*****311", "+8491*****312"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("address").GetString()));

        using var second = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}?area=D01&skip=3&take=2", key);
        var last = await AdminApiHost.JsonAsync(second);
        Assert.Equal((4, 1), (last.GetProperty("total").GetInt32(), last.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task Another_area_is_a_403_and_another_areas_resident_a_404()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (_, neighbourKey) = await _host.AddAsync(OfficerRole.Officer, "D0102");
        var (contact, _) = await _host.Bot.Get<SubscriberStore>().TouchAsync(Channel.Sms, "+84912345321", DateTimeOffset.UtcNow);
        await _host.Bot.Get<SubscriberStore>().SubscribeAsync(contact, new Consent(DateTimeOffset.UtcNow, "sms:DK", "m"), "D0101");

        using var area = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}?area=D0101", neighbourKey);
        Assert.Equal(HttpStatusCode.Forbidden, area.StatusCode);

        using var own = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}/{contact.Id}", key);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("+8491*****321", (await AdminApiHost.JsonAsync(own)).GetProperty("address").GetString());
        using var other = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}/{contact.Id}", neighbourKey);
        using var missing = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}/987654", neighbourKey);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (other.StatusCode, missing.StatusCode));
    }

    [Fact]
    public async Task A_search_needs_a_phone_or_an_area()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var nothing = await _host.SendAsync(HttpMethod.Get, Subscribers, key);
        using var wrong = await _host.SendAsync(HttpMethod.Get, $"{Subscribers}?phone=12", key);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (nothing.StatusCode, wrong.StatusCode));
    }
}
