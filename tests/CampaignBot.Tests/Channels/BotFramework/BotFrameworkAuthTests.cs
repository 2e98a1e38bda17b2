using System.Net;
using System.Text.Json.Nodes;
using Campaign.Core.Conversations;
using Campaign.TestSupport;
using Microsoft.IdentityModel.Tokens;

namespace CampaignBot.Tests.Channels.BotFramework;

/// <summary>
/// Channel → bot authentication of POST /api/messages, with Bot:MicrosoftAppId set: tokens minted here
/// with our own RSA keys, checked against the stub's OpenID metadata and JWKS. A refused activity is
/// answered 401 and leaves no trace: no subscriber, no conversation reference, nothing at the connector.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class BotFrameworkAuthTests(RedisServer redis)
{
    /// <summary>name; how the request is authenticated (see <see cref="Authorization"/>); the channelId of the activity; expected status; why it is refused (the problem detail).</summary>
    public static TheoryData<string, string, string, int, string> Tokens() => new()
    {
        { "valid token", "valid", "webchat", 200, "" },
        { "expired 2 min ago: inside the 5 min clock skew", "expired-2min", "webchat", 200, "" },
        { "expired 10 min ago", "expired-10min", "webchat", 401, "has expired" },
        { "valid 2 min from now: inside the clock skew", "nbf+2min", "webchat", 200, "" },
        { "not valid for another 10 min", "nbf+10min", "webchat", 401, "not valid yet" },
        { "wrong audience (another bot's app id)", "wrong-audience", "webchat", 401, "another audience" },
        { "wrong issuer", "wrong-issuer", "webchat", 401, "another issuer" },
        { "unknown key: kid not in the JWKS", "unknown-kid", "webchat", 401, "not in the channel's JWKS" },
        { "no kid in the token's header", "no-kid", "webchat", 401, "names no signing key" },
        { "bad signature: another key under a published kid", "impostor-key", "webchat", 401, "signature does not verify" },
        { "HS256 with a published kid", "hs256", "webchat", 401, "algorithm is not RS256" },
        { "unsigned (alg none)", "unsigned", "webchat", 401, "algorithm is not RS256" },
        { "RS512 is allowed", "rs512", "webchat", 200, "" },
        { "endorsement mismatch: key endorsed for msteams, activity from webchat", "teams-key", "webchat", 401, "not endorsed for the activity's channelId" },
        { "endorsed: key endorsed for msteams, activity from msteams", "teams-key", "msteams", 200, "" },
        { "serviceurl claim is another connector", "serviceurl-other", "webchat", 401, "serviceurl claim is not the activity's serviceUrl" },
        { "serviceurl claim differs only in case", "serviceurl-upper", "webchat", 200, "" },
        { "no serviceurl claim", "serviceurl-none", "webchat", 401, "no serviceurl claim" },
        { "no Authorization header", "none", "webchat", 401, "no Authorization header" },
        { "'Bearer' and no token", "bearer-only", "webchat", 401, "not 'Bearer <token>'" },
        { "not Bearer (Basic)", "basic", "webchat", 401, "not 'Bearer <token>'" },
        { "Bearer with something that is not a JWT", "not-a-jwt", "webchat", 401, "not a JWT" },
        { "three parts in the header", "three-parts", "webchat", 401, "not 'Bearer <token>'" },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Token(string name, string authorization, string channelId, int status, string reason)
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        var user = BotFrameworkBot.NewUserId();
        var activity = bot.Message(user, "DK");
        activity["channelId"] = channelId;

        using var response = await bot.PostAsync(activity.ToJsonString(), Authorization(authorization, bot.ServiceUrl));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"[{name}] expected {status}, got {(int)response.StatusCode}: {text}");
        var address = BotFrameworkBot.Address(user, channelId);
        if (status == 401)
        {
            Assert.True(text.Contains(reason, StringComparison.Ordinal), $"[{name}] expected \"{reason}\" in {text}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Null(await bot.Subscribers.FindAsync(Channel.BotFramework, address));
            Assert.Null(await bot.References.FindAsync(address));
            Assert.Empty(bot.ConnectorCalls);
            return;
        }
        Assert.Equal("", text);
        var call = Assert.Single(await bot.WaitForConnectorCallsAsync(1));
        Assert.Equal($"Bearer {BotFrameworkBot.AccessToken}", call.Authorization());
        Assert.Equal(user, PostedActivity.Of(call)["recipient.id"]);
        Assert.NotNull(await bot.Subscribers.FindAsync(Channel.BotFramework, address));
    }

    /// <summary>The Authorization header for a case of <see cref="Tokens"/>.</summary>
    private static string? Authorization(string kind, string serviceUrl)
    {
        string Bearer(Action<BotFrameworkBot.TokenSpec>? change = null) => "Bearer " + BotFrameworkBot.Mint(serviceUrl, change);
        return kind switch
        {
            "valid" => Bearer(),
            "expired-2min" => Bearer(t => (t.NotBefore, t.Expires) = (TimeSpan.FromMinutes(-62), TimeSpan.FromMinutes(-2))),
            "expired-10min" => Bearer(t => (t.NotBefore, t.Expires) = (TimeSpan.FromMinutes(-70), TimeSpan.FromMinutes(-10))),
            "nbf+2min" => Bearer(t => (t.NotBefore, t.Expires) = (TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(62))),
            "nbf+10min" => Bearer(t => (t.NotBefore, t.Expires) = (TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(70))),
            "wrong-audience" => Bearer(t => t.Audience = "00000000-0000-0000-0000-00000000dead"),
            "wrong-issuer" => Bearer(t => t.Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "unknown-kid" => Bearer(t => (t.KeyId, t.Key) = ("key-nobody-published", BotFrameworkBot.ImpostorKey)),
            "no-kid" => Bearer(t => t.KeyId = null),
            "impostor-key" => Bearer(t => t.Key = BotFrameworkBot.ImpostorKey),
            "hs256" => Bearer(t => (t.SymmetricSecret, t.Algorithm) = ("a shared secret of at least 32 bytes!!", SecurityAlgorithms.HmacSha256)),
            "unsigned" => Bearer(t => t.Unsigned = true),
            "rs512" => Bearer(t => t.Algorithm = SecurityAlgorithms.RsaSha512),
            "teams-key" => Bearer(t => (t.KeyId, t.Key) = (BotFrameworkBot.TeamsKeyId, BotFrameworkBot.TeamsKey)),
            "serviceurl-other" => Bearer(t => t.ServiceUrl = "https://smba.trafficmanager.net/apis/"),
            "serviceurl-upper" => Bearer(t => t.ServiceUrl = serviceUrl.ToUpperInvariant()),
            "serviceurl-none" => Bearer(t => t.ServiceUrl = null),
            "none" => null,
            "bearer-only" => "Bearer",
            "basic" => "Basic " + Convert.ToBase64String("app:password"u8),
            "not-a-jwt" => "Bearer not-a-jwt",
            "three-parts" => Bearer() + " extra",
            _ => throw new ArgumentException(kind),
        };
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_an_unknown_kid_does_not_refetch_them_at_once()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);

        for (var i = 0; i < 2; i++)
        {
            using var ok = await bot.SendAsync(bot.Message(BotFrameworkBot.NewUserId(), "DK"));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var unknown = BotFrameworkBot.Mint(bot.ServiceUrl, t => (t.KeyId, t.Key) = ("key-rotated-in-later", BotFrameworkBot.ImpostorKey));
        using var refused = await bot.PostAsync(bot.Message(BotFrameworkBot.NewUserId(), "DK").ToJsonString(), "Bearer " + unknown);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Single(bot.MetadataRequests);
        Assert.Single(bot.KeyRequests);
    }

    [Fact]
    public async Task Signing_keys_that_cannot_be_fetched_get_503_and_nothing_is_processed()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);
        bot.Jwks = () => "<html>maintenance</html>";
        var user = BotFrameworkBot.NewUserId();

        using var response = await bot.SendAsync(bot.Message(user, "DK"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        await bot.AssertNothingProcessedAsync(user, "keys unavailable");
    }

    [Fact]
    public async Task A_bad_token_is_refused_before_the_body_is_read()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis);

        using var response = await bot.PostAsync("{ not json", "Bearer not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Emulator_mode_takes_activities_without_a_token_and_replies_without_one()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis, emulator: true);
        var user = BotFrameworkBot.NewUserId();

        using var response = await bot.SendAsync(bot.Message(user, "MENU"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await bot.WaitForConnectorCallsAsync(1));
        Assert.Null(call.Authorization());
        Assert.Empty(bot.TokenRequests);
        Assert.Empty(bot.KeyRequests);
        Assert.StartsWith(bot.Opening("menu"), PostedActivity.Of(call)["text"], StringComparison.Ordinal);
    }

    /// <summary>name; what is sent to the emulator-mode bot.</summary>
    public static TheoryData<string, string> EmulatorRefusals() => new()
    {
        { "a token, though no app id is set", "token" },
        { "a serviceUrl that is not on this machine", "remote-service-url" },
    };

    [Theory]
    [MemberData(nameof(EmulatorRefusals))]
    public async Task Emulator_mode_refuses(string name, string kind)
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis, emulator: true);
        var user = BotFrameworkBot.NewUserId();
        var activity = bot.Message(user, "DK");
        string? authorization = null;
        if (kind == "token")
        {
            authorization = "Bearer " + BotFrameworkBot.Mint(bot.ServiceUrl);
        }
        else
        {
            activity["serviceUrl"] = "https://attacker.example/";
        }

        using var response = await bot.PostAsync(activity.ToJsonString(), authorization);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"[{name}] got {(int)response.StatusCode}");
        await bot.AssertNothingProcessedAsync(user, name);
    }

    [Fact]
    public async Task Emulator_mode_ignores_an_unknown_type_without_a_serviceUrl()
    {
        await using var bot = await BotFrameworkBot.StartAsync(redis, emulator: true);
        var activity = new JsonObject { ["type"] = "typing", ["channelId"] = "emulator" };

        using var response = await bot.PostAsync(activity.ToJsonString(), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
