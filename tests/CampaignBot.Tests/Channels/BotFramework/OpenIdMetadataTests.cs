using System.Security.Cryptography;
using Campaign.TestSupport;
using CampaignBot.Channels.BotFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Channels.BotFramework;

/// <summary>The signing-key cache on a fake clock, against a stub metadata/JWKS server: how often it fetches, and what it keeps.</summary>
public sealed class OpenIdMetadataTests : IAsyncLifetime
{
    private static readonly RSA NewKey = RSA.Create(2048);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private StubHttpServer _stub = null!;
    private ServiceProvider _services = null!;
    private Func<string> _jwks = () => BotFrameworkBot.JwksOf(("k1", BotFrameworkBot.ChannelKey, ["webchat", "msteams"]));
    private int _status = 200;

    public async Task InitializeAsync()
    {
        _stub = await StubHttpServer.StartAsync();
        _stub.Handler = r => r.PathAndQuery == "/openid"
            ? StubResponse.Json(_status, $"{{\"jwks_uri\":\"{_stub.BaseAddress}keys\"}}")
            : StubResponse.Json(_status, _jwks());
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    private OpenIdMetadata Metadata() => new(
        _services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new BotFrameworkOptions { OpenIdMetadataUrl = _stub.BaseAddress + "openid" }),
        _time,
        NullLogger<OpenIdMetadata>.Instance);

    private int KeyFetches => _stub.Requests.Count(r => r.PathAndQuery == "/keys");

    [Fact]
    public async Task Keys_carry_their_endorsements_or_none()
    {
        _jwks = () => BotFrameworkBot.JwksOf(("k1", BotFrameworkBot.ChannelKey, ["webchat", "msteams"]), ("k2", NewKey, null));
        using var metadata = Metadata();

        var endorsed = await metadata.FindAsync("k1", default);
        var plain = await metadata.FindAsync("k2", default);

        Assert.Equal(["webchat", "msteams"], endorsed?.Endorsements);
        Assert.NotNull(plain);
        Assert.Null(plain.Endorsements);
        Assert.Equal(1, KeyFetches);
    }

    [Fact]
    public async Task A_key_rotated_in_is_found_once_the_refetch_pause_has_passed()
    {
        using var metadata = Metadata();
        Assert.NotNull(await metadata.FindAsync("k1", default));

        _jwks = () => BotFrameworkBot.JwksOf(("k1", BotFrameworkBot.ChannelKey, ["webchat"]), ("k-new", NewKey, ["webchat"]));
        _time.Advance(TimeSpan.FromMinutes(1));
        var tooSoon = await metadata.FindAsync("k-new", default);
        _time.Advance(OpenIdMetadata.RefetchAtMostEvery);
        var later = await metadata.FindAsync("k-new", default);

        Assert.Null(tooSoon);
        Assert.NotNull(later);
        Assert.Equal(2, KeyFetches);
    }

    [Fact]
    public async Task Unknown_kids_do_not_refetch_more_than_once_per_pause()
    {
        using var metadata = Metadata();
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await metadata.FindAsync($"made-up-{i}", default));
        }

        Assert.Equal(1, KeyFetches);
    }

    [Fact]
    public async Task Keys_are_fetched_again_after_24_hours()
    {
        using var metadata = Metadata();
        await metadata.FindAsync("k1", default);
        _time.Advance(TimeSpan.FromHours(23));
        await metadata.FindAsync("k1", default);
        Assert.Equal(1, KeyFetches);

        _time.Advance(TimeSpan.FromHours(1));
        await metadata.FindAsync("k1", default);

        Assert.Equal(2, KeyFetches);
    }

    [Fact]
    public async Task Known_keys_are_kept_when_a_refresh_fails()
    {
        using var metadata = Metadata();
        await metadata.FindAsync("k1", default);
        _status = 500;
        _time.Advance(OpenIdMetadata.KeepFor);

        var key = await metadata.FindAsync("k1", default);

        Assert.NotNull(key);
    }

    [Fact]
    public async Task No_keys_at_all_is_an_error_the_endpoint_answers_503()
    {
        _status = 503;
        using var metadata = Metadata();

        await Assert.ThrowsAsync<OpenIdMetadataUnavailableException>(() => metadata.FindAsync("k1", default));
    }
}
