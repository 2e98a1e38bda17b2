using System.Net;
using System.Text.Json;
using Campaign.Core.Officers;
using Campaign.TestSupport;
using CampaignBot.Console.Pages;
using Campaign.Hosting.Officers;
using CampaignBot.Tests.Console;
using CampaignBot.Tests.Console.SignIn;

namespace CampaignBot.Tests.ConsoleUi;

/// <summary>
/// The console's files over HTTP: every page is Vietnamese HTML under a strict CSP and pulls only
/// our own assets; the pickers' endpoints answer within the officer's scope.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class ConsolePageTests(RedisServer redis) : IAsyncLifetime
{
    public static readonly TheoryData<string, string> Pages = new()
    {
        { "console", "dashboard" },
        { "console/campaigns", "campaigns" },
        { "console/campaigns/new", "campaign" },
        { "console/campaigns/c_123", "campaign" },
        { "console/approvals", "approvals" },
        { "console/occurrences/c_123:20300107T0100Z", "occurrence" },
        { "console/reports/areas", "areas" },
        { "console/inbox", "inbox" },
        { "console/subscribers", "subscribers" },
        { "console/audit", "audit" },
        { "console/officers", "officers" },
    };

    private static readonly string[] CommuneAndHamlets = ["D0101", "D010101", "D010102"];

    private AdminApiHost _host = null!;

    public async Task InitializeAsync() => _host = await AdminApiHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_Vietnamese_HTML_under_a_strict_CSP_with_its_own_script(string path, string script)
    {
        // Anonymous: sent to the login page. Signed in: the page itself.
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Bot.BaseAddress })
        using (var redirected = await anonymous.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.StartsWith("/console/login", redirected.Headers.Location!.IsAbsoluteUri ? redirected.Headers.Location.PathAndQuery : redirected.Headers.Location.OriginalString, StringComparison.Ordinal);
        }
        var username = "trang" + Guid.NewGuid().ToString("N")[..8];
        await _host.Bot.Get<OfficerStore>().AddWithPasswordAsync(
            new NewOfficer("Cán bộ xem trang", OfficerRole.Admin, AreaScope.Parse("*"), username), _host.Bot.Get<OfficerPasswords>().Hash(ConsoleHost.Password));
        using var browser = new ConsoleBrowser(_host.Bot.BaseAddress);
        await browser.SignInOrFailAsync(username, ConsoleHost.Password);
        using var response = await browser.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ConsolePages.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains($"<script type=\"module\" src=\"/console/assets/{script}.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);   // the CSP refuses inline styles
        Assert.DoesNotContain("onclick=", html, StringComparison.Ordinal);  // and inline handlers
    }

    [Theory]
    [InlineData("console.css", "text/css")]
    [InlineData("api.js", "text/javascript")]
    [InlineData("ui.js", "text/javascript")]
    [InlineData("charts.js", "text/javascript")]
    [InlineData("campaign.js", "text/javascript")]
    public async Task Assets_are_served_with_their_type_and_nothing_else_is(string name, string type)
    {
        using var response = await _host.Bot.Client.GetAsync(new Uri("console/assets/" + name, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);   // officer and resident text goes in as textContent
        Assert.DoesNotContain("eval(", text, StringComparison.Ordinal);

        using var missing = await _host.Bot.Client.GetAsync(new Uri("console/assets/..%2Fappsettings.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_area_picker_lists_only_the_officers_areas_and_below_in_tree_order()
    {
        var (_, commune) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        using var response = await _host.SendAsync(HttpMethod.Get, "api/admin/areas", commune);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = (await AdminApiHost.JsonAsync(response)).EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToArray();
        Assert.Equal(CommuneAndHamlets, codes);

        var (_, everywhere) = await _host.AddAsync(OfficerRole.Admin, "*");
        using var all = await _host.SendAsync(HttpMethod.Get, "api/admin/areas", everywhere);
        var areas = (await AdminApiHost.JsonAsync(all)).EnumerateArray().ToArray();
        Assert.Contains(areas, a => a.GetProperty("code").GetString() == "08");
        var province = Array.FindIndex(areas, a => a.GetProperty("code").GetString() == "D01");
        Assert.Equal("D0101", areas[province + 1].GetProperty("code").GetString());   // children right after their parent
        Assert.Equal("commune", areas[province + 1].GetProperty("level").GetString());

        using var anonymous = await _host.SendAsync(HttpMethod.Get, "api/admin/areas", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Topics_and_series_come_from_content()
    {
        var (_, key) = await _host.AddAsync(OfficerRole.Officer, "D01");
        using var topics = await _host.SendAsync(HttpMethod.Get, "api/admin/topics", key);
        var topicList = await AdminApiHost.JsonAsync(topics);
        Assert.True(topicList.GetArrayLength() > 0);
        Assert.All(topicList.EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("name").GetString())));

        using var series = await _host.SendAsync(HttpMethod.Get, "api/admin/series", key);
        var seriesList = await AdminApiHost.JsonAsync(series);
        Assert.True(seriesList.GetArrayLength() > 0);
        var first = seriesList[0];
        Assert.Equal(JsonValueKind.Array, first.GetProperty("steps").ValueKind);
        Assert.Equal(0, first.GetProperty("steps")[0].GetProperty("offsetDays").GetInt32());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("steps")[0].GetProperty("sms").GetString()));
    }
}
