using Campaign.TestSupport;
using CampaignBot.Channels.BotFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Channels.BotFramework;

/// <summary>The connector token on a fake clock, against a stub token endpoint: shared, fetched once at a time, refreshed before it expires.</summary>
public sealed class MicrosoftAppCredentialsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private StubHttpServer _stub = null!;
    private ServiceProvider _services = null!;
    private int _issued;
    private int _expiresIn = 3600;

    public async Task InitializeAsync()
    {
        _stub = await StubHttpServer.StartAsync();
        _stub.Handler = _ => StubResponse.Json(200, $"{{\"token_type\":\"Bearer\",\"expires_in\":{_expiresIn},\"access_token\":\"token-{Interlocked.Increment(ref _issued)}\"}}")
            with { Delay = TimeSpan.FromMilliseconds(200) }; // slow enough for concurrent callers to overlap
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    private MicrosoftAppCredentials Credentials() => new(
        _services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new BotFrameworkOptions { MicrosoftAppId = BotFrameworkBot.AppId, MicrosoftAppPassword = BotFrameworkBot.AppPassword, TokenEndpoint = _stub.BaseAddress + "token" }),
        _time,
        NullLogger<MicrosoftAppCredentials>.Instance);

    [Fact]
    public async Task Concurrent_sends_share_one_fetch()
    {
        using var credentials = Credentials();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => credentials.GetTokenAsync(default)));

        Assert.All(tokens, t => Assert.Equal("token-1", t.AccessToken));
        Assert.Single(_stub.Requests);
    }

    /// <summary>name; the token's lifetime (s); how long later the next send comes; whether it fetches a new token.</summary>
    public static TheoryData<string, int, int, bool> Refreshes() => new()
    {
        { "one-hour token, 54 min later: reused", 3600, 54 * 60, false },
        { "one-hour token, 55 min later (5 min before expiry): refreshed", 3600, 55 * 60, true },
        { "5-minute token, 2 min later: reused", 300, 120, false },
        { "5-minute token, half its life later: refreshed", 300, 150, true },
    };

    [Theory]
    [MemberData(nameof(Refreshes))]
    public async Task Refresh(string name, int expiresIn, int laterSeconds, bool refreshed)
    {
        _expiresIn = expiresIn;
        using var credentials = Credentials();
        await credentials.GetTokenAsync(default);

        _time.Advance(TimeSpan.FromSeconds(laterSeconds));
        var (token, _) = await credentials.GetTokenAsync(default);

        Assert.True(token == (refreshed ? "token-2" : "token-1"), $"[{name}] got {token}");
    }

    [Fact]
    public async Task A_token_the_connector_refused_is_not_used_again()
    {
        using var credentials = Credentials();
        await credentials.GetTokenAsync(default);

        credentials.Invalidate();
        var (token, _) = await credentials.GetTokenAsync(default);

        Assert.Equal("token-2", token);
    }
}
