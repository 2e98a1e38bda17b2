using System.Net;
using Campaign.Core.Officers;
using Campaign.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Console.SignIn;

/// <summary>Signing in to the console with a username and password: the form, the cookie, lockout, sessions ending.</summary>
[Collection(UsesRedis.Name)]
public sealed class SignInTests(RedisServer redis) : IAsyncLifetime
{
    private const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng";
    private ConsoleHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Login_page_is_a_labelled_vietnamese_form_for_phones()
    {
        using var browser = _host.Browser();
        using var page = await browser.Client.GetAsync(new Uri("console/login", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\" content=\"width=device-width", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"username\">Tên đăng nhập</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Mật khẩu</label>", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"username\"", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Right_password_signs_in_with_a_strict_http_only_cookie_and_me_says_who()
    {
        var officer = await _host.AddAsync("lan.nguyen", OfficerRole.Approver, "D01", name: "Nguyễn Thị Lan");
        using var browser = _host.Browser();

        using var response = await browser.SignInAsync("Lan.Nguyen", ConsoleHost.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console", response.Headers.Location?.OriginalString);
        var cookie = SessionCookie(response);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);

        var me = await browser.MeAsync();
        Assert.Equal(officer.Id, me.GetProperty("id").GetString());
        Assert.Equal("Nguyễn Thị Lan", me.GetProperty("name").GetString());
        Assert.Equal("lan.nguyen", me.GetProperty("username").GetString());
        Assert.Equal("approver", me.GetProperty("role").GetString());
        Assert.Equal("D01", me.GetProperty("areas").GetString());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("csrfToken").GetString()));

        var audit = await _host.Audit.QueryAsync(new AuditQuery { Action = "auth.signin" });
        var entry = Assert.Single(audit);
        Assert.Equal(officer.Id, entry.Entry.ActorId);
        Assert.Equal(AuditOutcome.Allowed, entry.Entry.Outcome);
    }

    [Fact]
    public async Task Cookie_is_secure_when_the_request_came_over_https()
    {
        await using var host = await ConsoleHost.StartAsync(redis, configure: builder =>
            builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, PretendHttps>());
        await host.AddAsync("an.tran", OfficerRole.Officer, "D0101");
        // A client over plain HTTP keeps no Secure cookie, so the antiforgery cookie goes back by hand.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Bot.BaseAddress };
        using var page = await client.GetAsync(new Uri("console/login", UriKind.Relative));
        var csrfCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("campaign.csrf=", StringComparison.Ordinal));
        Assert.Contains("; secure", csrfCookie, StringComparison.OrdinalIgnoreCase);
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "console/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "an.tran",
                ["password"] = ConsoleHost.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", csrfCookie.Split(';')[0]);
        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = SessionCookie(response);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message_and_are_audited_without_the_password()
    {
        await _host.AddAsync("binh.le", OfficerRole.Officer, "D0101");
        using var browser = _host.Browser();

        using var wrong = await browser.SignInAsync("binh.le", "sai-mat-khau-123");
        using var unknown = await browser.SignInAsync("khong.co.ai", "sai-mat-khau-456");

        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Contains(WrongCredentials, wrongHtml, StringComparison.Ordinal);
        Assert.Contains(WrongCredentials, unknownHtml, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"binh.le\"", wrongHtml, StringComparison.Ordinal);
        Assert.False(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("campaign.console=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)));

        var audit = await _host.Audit.QueryAsync(new AuditQuery { Action = "auth.signin" });
        Assert.Equal(2, audit.Count);
        Assert.All(audit, r => Assert.Equal(AuditOutcome.Denied, r.Entry.Outcome));
        Assert.Contains(audit, r => r.Entry.Target == "username:binh.le" && r.Entry.Details!["reason"] == "wrong_password");
        Assert.Contains(audit, r => r.Entry.Target == "username:khong.co.ai" && r.Entry.Details!["reason"] == "unknown_user" && r.Entry.ActorId == "anonymous");
        var everything = string.Join("|", audit.SelectMany(r => r.Entry.Details!.Values.Append(r.Entry.Target)));
        Assert.DoesNotContain("sai-mat-khau", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_username_for_fifteen_minutes_even_with_the_right_password()
    {
        await _host.AddAsync("chi.pham", OfficerRole.Officer, "D0101");
        using var browser = _host.Browser();
        for (var i = 0; i < 4; i++)
        {
            using var failed = await browser.SignInAsync("chi.pham", "sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }
        using var fifth = await browser.SignInAsync("chi.pham", "sai-mat-khau-5");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);

        using var locked = await browser.SignInAsync("chi.pham", ConsoleHost.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another instance sees the same lock: it is counted in Redis.
        await using (var other = await ConsoleHost.StartAsync(redis, new Dictionary<string, string?> { ["Redis:KeyPrefix"] = _host.Bot.KeyPrefix }))
        {
            using var otherBrowser = other.Browser();
            using var elsewhere = await otherBrowser.SignInAsync("chi.pham", ConsoleHost.Password);
            Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
        }

        _host.Time.Advance(TimeSpan.FromMinutes(14));
        using var stillLocked = await browser.SignInAsync("chi.pham", ConsoleHost.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        using var unlocked = await browser.SignInAsync("chi.pham", ConsoleHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);

        var audit = await _host.Audit.QueryAsync(new AuditQuery { Action = "auth.signin" });
        Assert.Contains(audit, r => r.Entry.Details!["reason"] == "locked");
    }

    [Fact]
    public async Task Unknown_usernames_lock_too_so_a_lockout_does_not_tell_who_exists()
    {
        using var browser = _host.Browser();
        HttpStatusCode last = default;
        for (var i = 0; i < 5; i++)
        {
            using var failed = await browser.SignInAsync("khong.ton.tai", "sai-mat-khau-" + i);
            last = failed.StatusCode;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task Return_url_is_followed_only_inside_the_console()
    {
        await _host.AddAsync("dung.vo", OfficerRole.Officer, "D0101");

        using (var browser = _host.Browser())
        using (var inside = await browser.SignInAsync("dung.vo", ConsoleHost.Password, "/console/campaigns?status=draft"))
        {
            Assert.Equal("/console/campaigns?status=draft", inside.Headers.Location?.OriginalString);
        }
        foreach (var elsewhere in new[] { "https://evil.example/", "//evil.example/console", "/\\evil.example", "/api/admin/officers", "/consolex" })
        {
            using var browser = _host.Browser();
            using var response = await browser.SignInAsync("dung.vo", ConsoleHost.Password, elsewhere);
            Assert.Equal("/console", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Login_post_without_the_form_token_is_refused()
    {
        await _host.AddAsync("em.do", OfficerRole.Officer, "D0101");
        using var browser = _host.Browser();
        using var response = await browser.PostFormAsync("console/login", new Dictionary<string, string>
        {
            ["username"] = "em.do",
            ["password"] = ConsoleHost.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hết hạn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_needs_the_token_then_ends_the_session()
    {
        var (_, browser) = await _host.SignedInAsync("giang.bui", OfficerRole.Officer, "D0101");
        using (browser)
        {
            var token = (await browser.MeAsync()).GetProperty("csrfToken").GetString()!;

            using var forged = await browser.SendAsync(HttpMethod.Post, "console/logout");
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

            using var logout = await browser.SendAsync(HttpMethod.Post, "console/logout", csrfToken: token);
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
            Assert.StartsWith("/console/login", logout.Headers.Location?.OriginalString, StringComparison.Ordinal);

            using var me = await browser.SendAsync(HttpMethod.Get, "api/admin/me");
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }
    }

    [Fact]
    public async Task A_new_password_or_disabling_ends_existing_sessions()
    {
        var (officer, browser) = await _host.SignedInAsync("hoa.ngo", OfficerRole.Officer, "D0101");
        var (other, otherBrowser) = await _host.SignedInAsync("hung.ly", OfficerRole.Officer, "D0101");
        using (browser)
        using (otherBrowser)
        {
            await _host.Officers.SetPasswordHashAsync(officer.Id, _host.Bot.Get<Campaign.Hosting.Officers.OfficerPasswords>().Hash("mat-khau-moi-1234"));
            await _host.Officers.SetDisabledAsync(other.Id, true);

            using var me = await browser.SendAsync(HttpMethod.Get, "api/admin/me");
            using var otherMe = await otherBrowser.SendAsync(HttpMethod.Get, "api/admin/me");
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, otherMe.StatusCode);

            using var disabled = await otherBrowser.SignInAsync("hung.ly", ConsoleHost.Password);
            Assert.Equal(HttpStatusCode.Forbidden, disabled.StatusCode);
            Assert.Contains("tạm ngừng", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("campaign.console=", StringComparison.Ordinal));

    /// <summary>Marks every request as HTTPS, as a TLS-terminating proxy with forwarded headers would.</summary>
    private sealed class PretendHttps : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                context.Request.Scheme = "https";
                await nextMiddleware();
            });
            next(app);
        };
    }
}
