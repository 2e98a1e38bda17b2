using System.Net;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using Campaign.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CampaignBot.Tests.Console.SignIn;

/// <summary>
/// Every route of the console and the officer API, read from the app's own endpoint list so a new
/// route is covered the day it is mapped: nothing under /api/admin answers without an officer, no
/// console page loads without a session, cookie requests that change something need the CSRF
/// token, and admin routes refuse other roles.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class AuthorizationMatrixTests(RedisServer redis) : IAsyncLifetime
{
    private ConsoleHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync(redis);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_admin_api_route_refuses_anonymous_requests_with_401()
    {
        var routes = Routes(path => path.StartsWith("/api/admin/", StringComparison.Ordinal) || path == "/api/admin");
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found under /api/admin");
        Assert.Contains(routes, r => r.Path == "/api/admin/me");
        Assert.Contains(routes, r => r.Path == "/api/admin/officers" && r.Method == "POST");

        using var browser = _host.Browser();
        var wrong = new List<string>();
        foreach (var route in routes)
        {
            using var response = await browser.SendAsync(new HttpMethod(route.Method), route.Path, route.Method is "GET" or "DELETE" ? null : "{}", contentType: route.ContentType);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{route.Method} {route.Path} → {(int)response.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, "answered an anonymous request: " + string.Join("; ", wrong));
    }

    [Fact]
    public async Task Every_console_page_sends_anonymous_visitors_to_the_login_form()
    {
        var pages = Routes(path => ConsoleRequestGuards.NeedsSession(path) && !path.Contains("/assets/", StringComparison.Ordinal))
            .Where(r => r.Method == "GET")
            .Select(r => r.Path)
            // Pages the UI serves from files rather than mapped routes go through the same gate.
            .Concat(["/console", "/console/", "/console/campaigns/c_1", "/console/index.html"])
            .Distinct()
            .ToList();

        using var browser = _host.Browser();
        var wrong = new List<string>();
        foreach (var page in pages)
        {
            using var response = await browser.Client.GetAsync(new Uri(page.TrimStart('/'), UriKind.Relative));
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/console/login?returnUrl=" + Uri.EscapeDataString(page), StringComparison.Ordinal))
            {
                wrong.Add($"{page} → {(int)response.StatusCode} {location}");
            }
        }
        Assert.True(wrong.Count == 0, "console pages served without a session: " + string.Join("; ", wrong));

        using var login = await browser.Client.GetAsync(new Uri("console/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var asset = await browser.Client.GetAsync(new Uri("console/assets/console.css", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.Redirect, asset.StatusCode);
    }

    [Fact]
    public async Task Every_state_changing_admin_route_refuses_a_cookie_request_without_the_csrf_token()
    {
        var (_, browser) = await _host.SignedInAsync("ma.tran.admin", OfficerRole.Admin, "*");
        using (browser)
        {
            var unsafeRoutes = Routes(path => path.StartsWith("/api/admin/", StringComparison.Ordinal))
                .Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE")
                .ToList();
            Assert.NotEmpty(unsafeRoutes);
            var wrong = new List<string>();
            foreach (var route in unsafeRoutes)
            {
                using var response = await browser.SendAsync(new HttpMethod(route.Method), route.Path, "{}", contentType: route.ContentType);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("CSRF", StringComparison.Ordinal))
                {
                    wrong.Add($"{route.Method} {route.Path} → {(int)response.StatusCode}");
                }
            }
            Assert.True(wrong.Count == 0, "accepted a cookie request without the CSRF token: " + string.Join("; ", wrong));
        }
    }

    [Fact]
    public async Task Admin_routes_refuse_officers_and_approvers_signed_in_with_the_console()
    {
        var adminRoutes = Routes(path => path.StartsWith("/api/admin/", StringComparison.Ordinal))
            .Where(r => r.Policies.Contains(OfficerPolicies.Admin))
            .ToList();
        Assert.Contains(adminRoutes, r => r.Path.StartsWith("/api/admin/officers", StringComparison.Ordinal));

        foreach (var role in new[] { OfficerRole.Officer, OfficerRole.Approver })
        {
            var (_, browser) = await _host.SignedInAsync("ma.tran." + role.Key(), role, "D01");
            using (browser)
            {
                var token = (await browser.MeAsync()).GetProperty("csrfToken").GetString();
                foreach (var route in adminRoutes)
                {
                    using var response = await browser.SendAsync(new HttpMethod(route.Method), route.Path, route.Method == "GET" ? null : "{}", token, route.ContentType);
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role.Key()}: {route.Method} {route.Path} → {(int)response.StatusCode}");
                }
            }
        }
    }

    /// <summary>The app's routes (one per method) with sample values in place of parameters.</summary>
    private List<Route> Routes(Func<string, bool> include)
    {
        var routes = new List<Route>();
        foreach (var source in ((IEndpointRouteBuilder)_host.Bot.App).DataSources)
        {
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var path = Sample(endpoint.RoutePattern);
                if (!include(path))
                {
                    continue;
                }
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToHashSet();
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                // A body of the type the route accepts: another type is refused (415) before authorisation is even asked.
                var contentType = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types ? types[0] : "application/json";
                routes.AddRange(methods.Select(m => new Route(m, path, policies, contentType)));
            }
        }
        return routes;
    }

    private static string Sample(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "action" } => "submit",
            RoutePatternParameterPart parameter => "x_" + parameter.Name,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private sealed record Route(string Method, string Path, IReadOnlySet<string> Policies, string ContentType);
}
