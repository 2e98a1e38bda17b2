using System.Net;
using Campaign.Core.Delivery;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>/api/admin/do-not-contact through CampaignBot as shipped: import by line, check, removal by role, audit.</summary>
[Collection(UsesRedis.Name)]
public sealed class DoNotContactApiTests(RedisServer redis) : IAsyncLifetime
{
    private const string List = "api/admin/do-not-contact";
    private AdminApiHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_import_lists_valid_numbers_in_E164_and_reports_the_rest_by_line()
    {
        var (officer, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        await _host.Bot.Get<DoNotContactList>().AddAsync(["+84912345103"]);
        var csv = string.Join('\n',
            "phone",             // 1
            "0912345101",        // 2 added
            "+84 91 234 5102",   // 3 added
            "0912345101",        // 4 duplicate of line 2
            "not a number",      // 5
            "",                  // 6 empty: skipped
            "0912345103",        // 7 listed already
            "02438251234",       // 8 a landline: listed too (it is a number someone asked us not to use)
            "");

        using var response = await _host.SendCsvAsync($"{List}/import", key, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await AdminApiHost.JsonAsync(response);
        Assert.Equal((6, 3, 1, 2, 4), (Int(report, "rows"), Int(report, "added"), Int(report, "alreadyListed"), Int(report, "invalidCount"), Int(report, "listed")));
        var invalid = report.GetProperty("invalid").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("error").GetString()!)).ToArray();
        Assert.Equal((4, "duplicate: the same phone number as line 2"), invalid[0]);
        Assert.Equal(5, invalid[1].Item1);
        Assert.StartsWith("phone: 'not a number' contains letters", invalid[1].Item2, StringComparison.Ordinal);
        var dnc = _host.Bot.Get<DoNotContactList>();
        var found = await dnc.ContainsAsync(["+84912345101", "+84912345102", "+842438251234", "+84912345104"]);
        Assert.Equal([true, true, true, false], found);

        var entry = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "dnc.import"))).Single().Entry;
        Assert.Equal(new Dictionary<string, string> { ["rows"] = "6", ["added"] = "3", ["alreadyListed"] = "1", ["invalid"] = "2" }, entry.Details);
    }

    [Fact]
    public async Task Any_officer_checks_a_number_but_only_approvers_and_admins_take_one_off_the_list()
    {
        var (officer, officerKey) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (approver, approverKey) = await _host.AddAsync(OfficerRole.Approver, "D01");
        await _host.Bot.Get<DoNotContactList>().AddAsync(["+84912345111"]);

        using var listed = await _host.SendAsync(HttpMethod.Get, $"{List}/0912%20345%20111", officerKey);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var status = await AdminApiHost.JsonAsync(listed);
        Assert.Equal(("+8491*****111", true), (status.GetProperty("phone").GetString(), status.GetProperty("listed").GetBoolean()));

        using var refused = await _host.SendAsync(HttpMethod.Delete, $"{List}/0912345111", officerKey);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(await _host.Bot.Get<DoNotContactList>().ContainsAsync("+84912345111"));
        var denied = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: officer.Id, Action: "dnc.remove"))).Single().Entry;
        Assert.Equal(AuditOutcome.Denied, denied.Outcome);
        Assert.DoesNotContain("12345111", denied.Target, StringComparison.Ordinal);

        using var removed = await _host.SendAsync(HttpMethod.Delete, $"{List}/%2B84912345111", approverKey);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var again = await _host.SendAsync(HttpMethod.Delete, $"{List}/0912345111", approverKey);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var gone = await _host.SendAsync(HttpMethod.Get, $"{List}/84912345111", officerKey);
        Assert.False((await AdminApiHost.JsonAsync(gone)).GetProperty("listed").GetBoolean());

        var allowed = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: approver.Id, Action: "dnc.remove"))).Select(r => (r.Entry.Outcome, r.Entry.Target)).Reverse().ToArray();
        Assert.Equal([(AuditOutcome.Allowed, "phone:+8491*****111"), (AuditOutcome.Failed, "phone:+8491*****111")], allowed);
    }

    [Fact]
    public async Task A_number_that_is_not_vietnamese_is_a_400()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendAsync(HttpMethod.Get, $"{List}/%2B14155550100", key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a Vietnamese number", (await AdminApiHost.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_adds_nothing()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendCsvAsync($"{List}/import", key, "phone\n0912345121\n\"0912345122\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (await AdminApiHost.JsonAsync(response)).GetProperty("line").GetInt32());
        Assert.Equal(0, await _host.Bot.Get<DoNotContactList>().CountAsync());
    }

    private static int Int(System.Text.Json.JsonElement element, string name) => element.GetProperty(name).GetInt32();
}
