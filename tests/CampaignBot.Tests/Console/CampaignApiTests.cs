using System.Net;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console;

/// <summary>/api/admin/campaigns through CampaignBot as shipped: keys, areas, four-eyes, versions and the audit log.</summary>
[Collection(UsesRedis.Name)]
public sealed class CampaignApiTests(RedisServer redis) : IAsyncLifetime
{
    private const string Campaigns = "api/admin/campaigns";
    private AdminApiHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_officers_campaign_is_approved_by_someone_else_and_shows_its_next_fires()
    {
        var (author, authorKey) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (approver, approverKey) = await _host.AddAsync(OfficerRole.Approver, "D01");

        using var created = await _host.SendAsync(HttpMethod.Post, Campaigns, authorKey, CampaignBodies.Recurring());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await AdminApiHost.JsonAsync(created);
        var id = campaign.GetProperty("id").GetString()!;
        Assert.Equal(("draft", author.Id, 1), (campaign.GetProperty("status").GetString(), campaign.GetProperty("ownerId").GetString(), campaign.GetProperty("version").GetInt32()));
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        Assert.Equal($"/api/admin/campaigns/{id}", created.Headers.Location?.ToString());

        using var submitted = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/submit", authorKey);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var approved = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/approve", approverKey);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await AdminApiHost.JsonAsync(approved);
        Assert.Equal(("approved", approver.Id), (after.GetProperty("status").GetString(), after.GetProperty("approvedBy").GetString()));

        using var fires = await _host.SendAsync(HttpMethod.Get, $"{Campaigns}/{id}/next-fires?count=5", authorKey);
        Assert.Equal(HttpStatusCode.OK, fires.StatusCode);
        var preview = await AdminApiHost.JsonAsync(fires);
        Assert.Equal("Asia/Ho_Chi_Minh", preview.GetProperty("zone").GetString());
        var local = preview.GetProperty("fires").EnumerateArray().Select(f => f.GetProperty("local").GetString()!).ToArray();
        Assert.Equal<string>(["2030-01-07T08:00:00", "2030-01-14T08:00:00", "2030-01-21T08:00:00", "2030-01-28T08:00:00", "2030-02-04T08:00:00"], local);
        Assert.Equal("2030-01-07T01:00:00+00:00", preview.GetProperty("fires")[0].GetProperty("utc").GetString());

        var audited = (await _host.Audit.QueryAsync(new AuditQuery(Target: "campaign:" + id)))
            .Select(r => (r.Entry.ActorId, r.Entry.Action, r.Entry.Outcome)).Reverse().ToArray();
        Assert.Equal([(author.Id, "campaign.create", AuditOutcome.Allowed), (author.Id, "campaign.submit", AuditOutcome.Allowed), (approver.Id, "campaign.approve", AuditOutcome.Allowed)], audited);
    }

    [Fact]
    public async Task An_author_cannot_approve_their_own_campaign_and_the_refusal_is_audited()
    {
        var (author, key) = await _host.AddAsync(OfficerRole.Approver, "D01");
        var id = await CreateAsync(key);
        using var submitted = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/submit", key);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        using var approved = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/approve", key);

        Assert.Equal(HttpStatusCode.Forbidden, approved.StatusCode);
        Assert.Contains("someone else must approve it", (await AdminApiHost.JsonAsync(approved)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var entry = (await _host.Audit.QueryAsync(new AuditQuery(ActorId: author.Id, Action: "campaign.approve"))).Single().Entry;
        Assert.Equal((AuditOutcome.Denied, "campaign:" + id, "SamePerson"), (entry.Outcome, entry.Target, entry.Details?["reason"]));
    }

    public static TheoryData<string, OfficerRole, bool, string, HttpStatusCode> Moves => new()
    {
        { "an officer may not approve", OfficerRole.Officer, true, "approve", HttpStatusCode.Forbidden },
        { "an officer may not cancel someone else's", OfficerRole.Officer, true, "cancel", HttpStatusCode.Forbidden },
        { "an admin may cancel", OfficerRole.Admin, true, "cancel", HttpStatusCode.OK },
        { "a draft cannot be approved", OfficerRole.Approver, false, "approve", HttpStatusCode.Conflict },
        { "a draft cannot be paused", OfficerRole.Approver, false, "pause", HttpStatusCode.Conflict },
        { "a rejection needs a reason", OfficerRole.Approver, true, "reject", HttpStatusCode.BadRequest },
        { "an action that does not exist", OfficerRole.Approver, false, "launch", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public async Task Moves_by_someone_other_than_the_author(string name, OfficerRole role, bool submitFirst, string action, HttpStatusCode expected)
    {
        var (_, authorKey) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (_, otherKey) = await _host.AddAsync(role, "D01");
        var id = await CreateAsync(authorKey);
        if (submitFirst)
        {
            using var submitted = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/submit", authorKey);
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        using var response = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/{action}", otherKey);

        Assert.True(expected == response.StatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(expected == HttpStatusCode.OK ? "application/json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_rejection_with_a_reason_returns_the_campaign_to_draft()
    {
        var (_, authorKey) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (_, approverKey) = await _host.AddAsync(OfficerRole.Approver, "D01");
        var id = await CreateAsync(authorKey);
        using var submitted = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/submit", authorKey);

        using var rejected = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/reject", approverKey, """{ "reason": "Ghi rõ địa điểm hướng dẫn." }""");

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var campaign = await AdminApiHost.JsonAsync(rejected);
        Assert.Equal(("draft", "Ghi rõ địa điểm hướng dẫn."), (campaign.GetProperty("status").GetString(), campaign.GetProperty("lastRejection").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task An_officer_cannot_see_or_target_another_area()
    {
        var (_, ownerKey) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var (neighbour, neighbourKey) = await _host.AddAsync(OfficerRole.Officer, "D0102");
        var (_, adminKey) = await _host.AddAsync(OfficerRole.Admin, "*");
        var id = await CreateAsync(ownerKey);

        using var read = await _host.SendAsync(HttpMethod.Get, $"{Campaigns}/{id}", neighbourKey);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        using var missing = await _host.SendAsync(HttpMethod.Get, $"{Campaigns}/999999", neighbourKey);
        var (outside, unknown) = (await AdminApiHost.JsonAsync(read), await AdminApiHost.JsonAsync(missing));
        Assert.Equal(outside.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
        Assert.Equal(outside.GetProperty("detail").GetString()!.Replace($"'{id}'", "'X'", StringComparison.Ordinal),
            unknown.GetProperty("detail").GetString()!.Replace("'999999'", "'X'", StringComparison.Ordinal));
        using var act = await _host.SendAsync(HttpMethod.Post, $"{Campaigns}/{id}/cancel", neighbourKey);
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);

        using var listed = await _host.SendAsync(HttpMethod.Get, Campaigns, neighbourKey);
        Assert.Equal(0, (await AdminApiHost.JsonAsync(listed)).GetArrayLength());
        using var all = await _host.SendAsync(HttpMethod.Get, Campaigns, adminKey);
        Assert.Equal(id, (await AdminApiHost.JsonAsync(all))[0].GetProperty("id").GetString());

        using var created = await _host.SendAsync(HttpMethod.Post, Campaigns, neighbourKey, CampaignBodies.Recurring(area: "D0101"));
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var error = (await AdminApiHost.JsonAsync(created)).GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("audience.areaCodes[0]", error.GetProperty("field").GetString());
        Assert.Contains("outside your areas", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var refusals = await _host.Audit.QueryAsync(new AuditQuery(ActorId: neighbour.Id));
        Assert.Contains(refusals, r => r.Entry is { Action: "campaign.read", Outcome: AuditOutcome.Denied } && r.Entry.Details?["reason"] == "outside_scope");
        Assert.Contains(refusals, r => r.Entry is { Action: "campaign.create", Outcome: AuditOutcome.Denied } && r.Entry.Details?["reason"] == "outside_scope");
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "a five-field Unix cron", CampaignBodies.Recurring(cron: "0 8 * * 1"), "schedule.cron" },
        { "a cron Quartz cannot read", CampaignBodies.Recurring(cron: "0 0 25 ? * MON"), "schedule.cron" },
        { "an unknown area", CampaignBodies.Recurring(area: "Z99"), "audience.areaCodes[0]" },
        { "a schedule without its kind", """{ "title": "x", "schedule": { "cron": "0 0 8 ? * MON" } }""", "schedule.kind" },
        { "a number where text belongs", """{ "title": 5 }""", "title" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_campaign_is_a_400_naming_the_field(string name, string body, string field)
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");

        using var response = await _host.SendAsync(HttpMethod.Post, Campaigns, key, body);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{name}: {(int)response.StatusCode}");
        var problem = await AdminApiHost.JsonAsync(response);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToArray();
        Assert.True(fields.Contains(field), $"{name}: {string.Join(", ", fields)}");
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_based_on_an_old_version_is_a_conflict()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        var id = await CreateAsync(key);

        using var first = await _host.SendAsync(HttpMethod.Put, $"{Campaigns}/{id}", key, CampaignBodies.Recurring(title: "Lần sửa thứ nhất"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.ToString());

        using var stale = await _host.SendAsync(HttpMethod.Put, $"{Campaigns}/{id}", key, CampaignBodies.Recurring(title: "Lần sửa cũ"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await AdminApiHost.JsonAsync(stale)).GetProperty("currentVersion").GetInt32());

        var withVersion = CampaignBodies.Recurring(title: "Lần sửa thứ hai").TrimEnd().TrimEnd('}') + ", \"version\": 2 }";
        using var second = await _host.SendAsync(HttpMethod.Put, $"{Campaigns}/{id}", key, withVersion);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Lần sửa thứ hai", (await AdminApiHost.JsonAsync(second)).GetProperty("title").GetString());

        using var unversioned = await _host.SendAsync(HttpMethod.Put, $"{Campaigns}/{id}", key, CampaignBodies.Recurring());
        Assert.Equal((HttpStatusCode)428, unversioned.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_the_api_answers_401_and_webhooks_stay_open()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, Campaigns, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var root = await _host.SendAsync(HttpMethod.Get, "/", key: null);
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_admin_api()
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "openapi/v1.json", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"zalo\"", text, StringComparison.Ordinal);
        Assert.Contains("\"draft\"", text, StringComparison.Ordinal);
        var paths = (await AdminApiHost.JsonAsync(response)).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/admin/campaigns", out _));
        Assert.True(paths.TryGetProperty("/api/admin/campaigns/{id}/next-fires", out _));
        foreach (var path in new[] { "/api/admin/subscribers/import", "/api/admin/subscribers", "/api/admin/subscribers/{id}", "/api/admin/do-not-contact/import", "/api/admin/do-not-contact/{phone}", "/api/admin/audience/estimate" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        Assert.True(paths.GetProperty("/api/admin/subscribers/import").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.True(paths.GetProperty("/api/admin/do-not-contact/{phone}").TryGetProperty("delete", out _));
    }

    private async Task<string> CreateAsync(string key)
    {
        using var created = await _host.SendAsync(HttpMethod.Post, Campaigns, key, CampaignBodies.Recurring());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await AdminApiHost.JsonAsync(created)).GetProperty("id").GetString()!;
    }

}
