using System.Net;
using System.Text.Json;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Console.SignIn;

/// <summary>/api/admin/officers: admins only, within their own areas, passwords never shown; and the CSRF rule for cookie requests.</summary>
[Collection(UsesRedis.Name)]
public sealed class OfficersApiTests(RedisServer redis) : IAsyncLifetime
{
    private ConsoleHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string NewOfficer(string username, string role = "officer", string areas = "D0101", string password = "mat-khau-rat-dai") =>
        JsonSerializer.Serialize(new { name = "Cán bộ " + username, username, password, role, areas });

    [Fact]
    public async Task Cookie_requests_that_change_something_need_the_csrf_token()
    {
        var (_, browser) = await _host.SignedInAsync("admin.tinh", OfficerRole.Admin, "D01");
        using (browser)
        {
            using var without = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("a.khong.token"));
            Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
            Assert.Contains("X-CSRF-Token", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var forged = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("a.gia.mao"), csrfToken: "not-a-token");
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

            var token = (await browser.MeAsync()).GetProperty("csrfToken").GetString();
            using var with = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("a.co.token"), csrfToken: token);
            Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        }
        Assert.Null(await _host.Officers.FindByUsernameAsync("a.khong.token"));
    }

    [Fact]
    public async Task Api_keys_need_no_csrf_token()
    {
        var (_, key) = await _host.Officers.AddAsync(new Campaign.Core.Officers.NewOfficer("Quản trị", OfficerRole.Admin, AreaScope.All));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/admin/officers")
        {
            Content = new StringContent(NewOfficer("qua.khoa"), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Secret);
        using var response = await _host.Bot.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_officers_within_their_areas_only()
    {
        var (_, browser) = await _host.SignedInAsync("admin.d01", OfficerRole.Admin, "D01");
        using (browser)
        {
            var token = (await browser.MeAsync()).GetProperty("csrfToken").GetString();

            using var inside = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("Xa.Dong", "approver", "D0101"), token);
            Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
            var created = await AdminApiHost.JsonAsync(inside);
            Assert.Equal("xa.dong", created.GetProperty("username").GetString());
            Assert.Equal("approver", created.GetProperty("role").GetString());
            Assert.Equal("D0101", created.GetProperty("areas").GetString());
            Assert.False(created.TryGetProperty("password", out _));
            Assert.False(created.TryGetProperty("passwordHash", out _));

            using var outside = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("xa.khac", "officer", "79"), token);
            Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
            using var national = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("toan.quoc", "admin", "*"), token);
            Assert.Equal(HttpStatusCode.Forbidden, national.StatusCode);

            using var shortPassword = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("ngan.qua", password: "123456789"), token);
            Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
            Assert.Contains("password", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var taken = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("XA.DONG"), token);
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

            using var unknownArea = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("khong.vung", areas: "D0199"), token);
            Assert.Equal(HttpStatusCode.BadRequest, unknownArea.StatusCode);
        }

        // The new officer signs in with the password the admin set.
        using var newcomer = _host.Browser();
        await newcomer.SignInOrFailAsync("xa.dong", "mat-khau-rat-dai");

        var audit = await _host.Audit.QueryAsync(new AuditQuery { Action = "officer.create" });
        Assert.Contains(audit, r => r.Entry.Outcome == AuditOutcome.Allowed);
        Assert.Contains(audit, r => r.Entry.Outcome == AuditOutcome.Denied);
        Assert.DoesNotContain(audit, r => r.Entry.Details!.Values.Any(v => v.Contains("mat-khau", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Officers_and_approvers_may_not_manage_officers()
    {
        foreach (var role in new[] { OfficerRole.Officer, OfficerRole.Approver })
        {
            var (_, browser) = await _host.SignedInAsync("khong.phai.admin." + role.Key(), role, "D01");
            using (browser)
            {
                var token = (await browser.MeAsync()).GetProperty("csrfToken").GetString();
                using var list = await browser.SendAsync(HttpMethod.Get, "api/admin/officers");
                using var create = await browser.SendAsync(HttpMethod.Post, "api/admin/officers", NewOfficer("bi.tu.choi." + role.Key()), token);
                Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Admins_list_set_passwords_and_disable_only_officers_in_their_areas()
    {
        var (admin, browser) = await _host.SignedInAsync("admin.d01.b", OfficerRole.Admin, "D01");
        var mine = await _host.AddAsync("cua.toi", OfficerRole.Officer, "D0102");
        var theirs = await _host.AddAsync("cua.nguoi.khac", OfficerRole.Officer, "79");
        using (browser)
        {
            var token = (await browser.MeAsync()).GetProperty("csrfToken").GetString();

            using var list = await browser.SendAsync(HttpMethod.Get, "api/admin/officers");
            var body = await list.Content.ReadAsStringAsync();
            Assert.Contains(mine.Id, body, StringComparison.Ordinal);
            Assert.Contains(admin.Id, body, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.Id, body, StringComparison.Ordinal);
            Assert.DoesNotContain("AQAAAA", body, StringComparison.Ordinal); // the start of every PasswordHasher v3 hash

            using var password = await browser.SendAsync(HttpMethod.Post, $"api/admin/officers/{mine.Id}/password", """{"password":"mat-khau-moi-123"}""", token);
            Assert.Equal(HttpStatusCode.NoContent, password.StatusCode);
            using var shortPassword = await browser.SendAsync(HttpMethod.Post, $"api/admin/officers/{mine.Id}/password", """{"password":"ngan"}""", token);
            Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
            using var otherPassword = await browser.SendAsync(HttpMethod.Post, $"api/admin/officers/{theirs.Id}/password", """{"password":"mat-khau-moi-123"}""", token);
            Assert.Equal(HttpStatusCode.NotFound, otherPassword.StatusCode);

            using var disable = await browser.SendAsync(HttpMethod.Post, $"api/admin/officers/{mine.Id}/disable", null, token);
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
            Assert.True((await AdminApiHost.JsonAsync(disable)).GetProperty("disabled").GetBoolean());
            using var disableOther = await browser.SendAsync(HttpMethod.Post, $"api/admin/officers/{theirs.Id}/disable", null, token);
            Assert.Equal(HttpStatusCode.NotFound, disableOther.StatusCode);
            using var disableSelf = await browser.SendAsync(HttpMethod.Post, $"api/admin/officers/{admin.Id}/disable", null, token);
            Assert.Equal(HttpStatusCode.Conflict, disableSelf.StatusCode);

            using var enable = await browser.SendAsync(HttpMethod.Post, $"api/admin/officers/{mine.Id}/enable", null, token);
            Assert.False((await AdminApiHost.JsonAsync(enable)).GetProperty("disabled").GetBoolean());
        }

        using var signIn = _host.Browser();
        await signIn.SignInOrFailAsync("cua.toi", "mat-khau-moi-123");
        var audit = await _host.Audit.QueryAsync(new AuditQuery { Target = "officer:" + mine.Id });
        Assert.Contains(audit, r => r.Entry.Action == "officer.password" && r.Entry.Outcome == AuditOutcome.Allowed);
        Assert.Contains(audit, r => r.Entry.Action == "officer.disable");
        Assert.Contains(audit, r => r.Entry.Action == "officer.enable");
    }
}
