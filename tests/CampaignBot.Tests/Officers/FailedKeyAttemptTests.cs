using System.Net;
using Campaign.Core.Officers;
using Campaign.TestSupport;

namespace CampaignBot.Tests.Officers;

/// <summary>A client address that sends too many invalid keys is refused with 429, even with a good key.</summary>
[Collection(UsesRedis.Name)]
public sealed class FailedKeyAttemptTests(RedisServer redis) : IAsyncLifetime
{
    private const int Allowed = 5;

    private OfficerApiHost _host = null!;

    public async Task InitializeAsync() => _host = await OfficerApiHost.StartAsync(redis, failedKeyAttemptsPerMinute: Allowed);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> MeAsync(string key, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(OfficerApiHost.Me, UriKind.Relative));
        request.Headers.Add("Authorization", "Bearer " + key);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Guessing_is_cut_off_after_the_allowance()
    {
        var (_, good) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        // Good keys do not use up the allowance.
        for (var i = 0; i < Allowed + 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(good.Secret)).StatusCode);
        }

        for (var i = 0; i < Allowed; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(ApiKeys.Generate().Secret)).StatusCode);
        }
        using var throttled = await MeAsync(ApiKeys.Generate().Secret);
        using var goodButThrottled = await MeAsync(good.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        // Once cut off, keys are not even looked up: a lucky guess would gain nothing.
        Assert.Equal(HttpStatusCode.TooManyRequests, goodButThrottled.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_key_do_not_count()
    {
        for (var i = 0; i < Allowed + 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(OfficerApiHost.Me, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.SendAsync(request)).StatusCode);
        }
        var (_, good) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(good.Secret)).StatusCode);
    }

    [Fact]
    public async Task Other_bearer_tokens_are_not_keys_and_do_not_count()
    {
        // Bot Framework webhooks carry Microsoft's JWTs; they must never use up anyone's allowance.
        for (var i = 0; i < Allowed + 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(i % 2 == 0 ? OfficerApiHost.Open : OfficerApiHost.Me, UriKind.Relative));
            request.Headers.Add("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
            using var response = await _host.Client.SendAsync(request);
            Assert.Equal(i % 2 == 0 ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
        }
        var (_, good) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(good.Secret)).StatusCode);
    }

    [Fact]
    public async Task Behind_the_proxy_each_client_has_its_own_allowance()
    {
        // The test client is on loopback, which is a trusted proxy by default (ReverseProxy:KnownProxies adds others).
        for (var i = 0; i < Allowed; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(ApiKeys.Generate().Secret, "203.0.113.5")).StatusCode);
        }
        using var guesser = await MeAsync(ApiKeys.Generate().Secret, "203.0.113.5");
        var (_, good) = await _host.AddAsync(OfficerRole.Officer, "D0101");
        using var neighbour = await MeAsync(good.Secret, "203.0.113.6");

        Assert.Equal(HttpStatusCode.TooManyRequests, guesser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
    }

    [Fact]
    public async Task Only_the_last_hop_is_believed()
    {
        // "X-Forwarded-For: <made up>, <real client>": the proxy appended the real client; the rest came from the client.
        for (var i = 0; i < Allowed; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(ApiKeys.Generate().Secret, $"198.51.100.{i}, 203.0.113.7")).StatusCode);
        }
        using var throttled = await MeAsync(ApiKeys.Generate().Secret, "198.51.100.99, 203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }
}
