using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using CampaignBot.Channels.BotFramework;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampaignBot.Tests.Channels.BotFramework;

/// <summary>
/// CampaignBot in-process with the Bot Framework channel, and one <see cref="StubHttpServer"/> playing
/// every Microsoft endpoint it talks to, routed on the path: the OpenID metadata (<c>/openid</c>), the
/// JWKS (<c>/keys</c>), the token endpoint (<c>/token</c>) and the Bot Connector (<see cref="ServiceUrl"/>,
/// under <c>/bf/</c>). Tokens are minted here with RSA keys made for the tests.
/// </summary>
internal sealed class BotFrameworkBot : IAsyncDisposable
{
    public const string AppId = "7d3c0b5e-4f1a-4c61-9d0e-0b07c4a1b0f1";
    public const string AppPassword = "test-app-password-not-a-secret";
    public const string ChannelId = "webchat";
    public const string BotId = "campaignbot@test";
    public const string AccessToken = "connector-access-token-1";

    /// <summary>The channel's key, published with these endorsements.</summary>
    public const string ChannelKeyId = "key-channel";

    /// <summary>A published key endorsed only for Teams.</summary>
    public const string TeamsKeyId = "key-teams";

    public static readonly string[] ChannelKeyEndorsements = ["webchat", "msteams", "directline"];

    public static readonly RSA ChannelKey = RSA.Create(2048);

    private static readonly string[] SigningAlgorithms = ["RS256"];
    public static readonly RSA TeamsKey = RSA.Create(2048);

    /// <summary>Never published: a token signed with it under a published kid has a bad signature.</summary>
    public static readonly RSA ImpostorKey = RSA.Create(2048);

    private BotFrameworkBot(BotHost host, StubHttpServer stub, bool emulator)
    {
        Host = host;
        Stub = stub;
        Emulator = emulator;
    }

    public BotHost Host { get; }

    /// <summary>Stands in for login.botframework.com, login.microsoftonline.com and the channel's connector.</summary>
    public StubHttpServer Stub { get; }

    public bool Emulator { get; }

    /// <summary>The connector's address as channels send it: with a path and a trailing '/'.</summary>
    public string ServiceUrl => Stub.BaseAddress + "bf/";

    /// <summary>What the connector answers (default: 200 with an activity id).</summary>
    public Func<RecordedRequest, StubResponse> Connector { get; set; } = _ => StubResponse.Json(200, $"{{\"id\":\"posted-{Guid.NewGuid():N}\"}}");

    /// <summary>What the token endpoint answers (default: a one-hour token).</summary>
    public Func<RecordedRequest, StubResponse> TokenEndpoint { get; set; } =
        _ => StubResponse.Json(200, $"{{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"{AccessToken}\"}}");

    /// <summary>The JWKS served at /keys (default: the channel key with its endorsements and the Teams key).</summary>
    public Func<string> Jwks { get; set; } = () => JwksOf(
        (ChannelKeyId, ChannelKey, ChannelKeyEndorsements),
        (TeamsKeyId, TeamsKey, ["msteams"]));

    public SubscriberStore Subscribers => Host.Get<SubscriberStore>();
    public DeliveryStore Deliveries => Host.Get<DeliveryStore>();
    public ConversationReferenceStore References => Host.Get<ConversationReferenceStore>();

    public IReadOnlyList<RecordedRequest> ConnectorCalls => [.. Stub.Requests.Where(r => r.PathAndQuery.StartsWith("/bf/", StringComparison.Ordinal))];
    public IReadOnlyList<RecordedRequest> TokenRequests => [.. Stub.Requests.Where(r => r.PathAndQuery == "/token")];
    public IReadOnlyList<RecordedRequest> KeyRequests => [.. Stub.Requests.Where(r => r.PathAndQuery == "/keys")];
    public IReadOnlyList<RecordedRequest> MetadataRequests => [.. Stub.Requests.Where(r => r.PathAndQuery == "/openid")];

    /// <param name="redis">The test Redis.</param>
    /// <param name="emulator">No app id: local emulator mode.</param>
    /// <param name="settings">Overrides (null removes one).</param>
    public static async Task<BotFrameworkBot> StartAsync(RedisServer redis, bool emulator = false, IDictionary<string, string?>? settings = null)
    {
        var stub = await StubHttpServer.StartAsync();
        BotFrameworkBot? bot = null;
        stub.Handler = request => bot!.Route(request);
        var all = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = emulator ? null : AppId,
            ["Bot:MicrosoftAppPassword"] = emulator ? null : AppPassword,
            ["Bot:OpenIdMetadataUrl"] = stub.BaseAddress + "openid",
            ["Bot:TokenEndpoint"] = stub.BaseAddress + "token",
            ["Bot:RequestTimeout"] = "00:00:10",
            // One dispatch loop: replies leave in the order they were queued, so a later reply proves an earlier one is not coming.
            ["Delivery:Concurrency"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        try
        {
            var host = await BotHost.StartAsync(redis, all);
            bot = new BotFrameworkBot(host, stub, emulator);
            return bot;
        }
        catch
        {
            await stub.DisposeAsync();
            throw;
        }
    }

    private StubResponse Route(RecordedRequest request) => request.PathAndQuery switch
    {
        "/openid" => StubResponse.Json(200, JsonSerializer.Serialize(new
        {
            issuer = BotFrameworkOptions.ChannelTokenIssuer,
            authorization_endpoint = "https://invalid.example/authorize",
            jwks_uri = Stub.BaseAddress + "keys",
            id_token_signing_alg_values_supported = SigningAlgorithms,
        })),
        "/keys" => StubResponse.Json(200, Jwks()),
        "/token" => TokenEndpoint(request),
        _ => Connector(request),
    };

    /// <summary>A JWKS as the Bot Framework publishes it: RSA keys with their endorsements.</summary>
    public static string JwksOf(params (string Kid, RSA Key, string[]? Endorsements)[] keys) =>
        new JsonObject
        {
            ["keys"] = new JsonArray([.. keys.Select(k =>
            {
                var p = k.Key.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = k.Kid,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                };
                if (k.Endorsements is not null)
                {
                    jwk["endorsements"] = new JsonArray([.. k.Endorsements.Select(e => (JsonNode)e)]);
                }
                return (JsonNode)jwk;
            })]),
        }.ToJsonString();

    /// <summary>A channel token: by default valid, for our app id, signed by the channel key, for <paramref name="serviceUrl"/>.</summary>
    public static string Mint(string? serviceUrl, Action<TokenSpec>? change = null)
    {
        var spec = new TokenSpec { ServiceUrl = serviceUrl };
        change?.Invoke(spec);
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            IssuedAt = now + spec.NotBefore,
            NotBefore = now + spec.NotBefore,
            Expires = now + spec.Expires,
            Subject = new ClaimsIdentity(spec.ServiceUrl is null ? [] : [new Claim(ChannelTokenValidator.ServiceUrlClaim, spec.ServiceUrl)]),
        };
        SecurityKey key = spec.SymmetricSecret is { } secret
            ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { KeyId = spec.KeyId }
            : new RsaSecurityKey(spec.Key) { KeyId = spec.KeyId };
        descriptor.SigningCredentials = new SigningCredentials(key, spec.Algorithm);
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        if (spec.Unsigned)
        {
            // alg "none" and no signature, the same claims and kid.
            var header = Base64UrlEncoder.Encode($"{{\"alg\":\"none\",\"kid\":\"{spec.KeyId}\",\"typ\":\"JWT\"}}");
            token = $"{header}.{token.Split('.')[1]}.";
        }
        return token;
    }

    /// <summary>A message activity from a user to the bot, as a channel posts it.</summary>
    public JsonObject Message(string userId, string? text, string? activityId = null, string? conversationId = null) =>
        Activity("message", userId, activityId, conversationId, text);

    public JsonObject Activity(string type, string userId, string? activityId = null, string? conversationId = null, string? text = null)
    {
        var conversation = conversationId ?? Conversation(userId);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = activityId ?? NewActivityId(conversation),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = ChannelId,
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Bà Tư" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CampaignBot" },
            ["locale"] = "vi-VN",
            ["textFormat"] = "plain",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }
        return activity;
    }

    /// <summary>A conversationUpdate adding these members (ids) to the user's conversation.</summary>
    public JsonObject MembersAdded(string userId, params string[] memberIds)
    {
        var activity = Activity("conversationUpdate", userId);
        activity["membersAdded"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
        return activity;
    }

    public static string NewUserId() => "u-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Web Chat's shape: a conversation id, and activity ids "conversation|sequence".</summary>
    public static string Conversation(string userId) => $"conv-{userId}";

    public static string NewActivityId(string conversationId) => $"{conversationId}|{Random.Shared.Next(1, 9_999_999):D7}";

    public static string Address(string userId, string channelId = ChannelId) => BotMessagesEndpoint.Address(channelId, userId);

    /// <summary>POSTs an activity with a valid token for its serviceUrl (none in emulator mode).</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        PostAsync(activity.ToJsonString(), Emulator ? null : "Bearer " + Mint(activity["serviceUrl"]?.GetValue<string>()));

    public async Task<HttpResponseMessage> PostAsync(string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await Host.Client.SendAsync(request);
    }

    /// <summary>Waits (at most 10 s) until the connector has received at least <paramref name="count"/> activities.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForConnectorCallsAsync(int count) =>
        await Eventually.GetAsync(
            () => ConnectorCalls,
            calls => calls.Count >= count,
            calls => $"the connector got {calls.Count} activities, expected {count}");

    /// <summary>Waits (at most 10 s) until <paramref name="done"/> holds for the delivery.</summary>
    public async Task<Delivery> WaitForDeliveryAsync(string id, Func<Delivery, bool> done) =>
        (await Eventually.GetAsync(
            () => Deliveries.GetAsync(id),
            d => d is not null && done(d),
            d => $"delivery {id} is {d?.Status.ToString() ?? "missing"} after {d?.Attempts} attempts ({d?.ErrorCode} {d?.Error})"))!;

    /// <summary>Nothing was processed for this user: no subscriber, no conversation reference, no activity at the connector.</summary>
    public async Task AssertNothingProcessedAsync(string userId, string label)
    {
        Assert.True(await Subscribers.FindAsync(Channel.BotFramework, Address(userId)) is null, $"[{label}] a subscriber was created");
        Assert.True(await References.FindAsync(Address(userId)) is null, $"[{label}] a conversation reference was stored");
        Assert.True(ConnectorCalls.Count == 0, $"[{label}] the connector was called");
    }

    /// <summary>A resident known to the bot, subscribed, with a stored reference to the stub connector; returns their address.</summary>
    public async Task<string> KnownResidentAsync(string userId, string? activityId = "act-1", string? serviceUrl = null)
    {
        var address = Address(userId);
        var now = DateTimeOffset.UtcNow;
        var (subscriber, _) = await Subscribers.TouchAsync(Channel.BotFramework, address, now);
        await Subscribers.SubscribeAsync(subscriber, new Consent(now, "botframework:subscribe", "test"));
        await References.SaveAsync(address, new ConversationReference
        {
            ActivityId = activityId,
            User = new ChannelAccount { Id = userId, Name = "Bà Tư" },
            Bot = new ChannelAccount { Id = BotId, Name = "CampaignBot" },
            Conversation = new ConversationAccount { Id = Conversation(userId) },
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl ?? ServiceUrl,
            Locale = "vi-VN",
        });
        return address;
    }

    /// <summary>Queues a campaign message to a resident, as the delivery pipeline will.</summary>
    public Task<Delivery> EnqueueAsync(string address, string text, IReadOnlyList<ReplyChoice>? choices = null) =>
        Deliveries.EnqueueAsync(new Delivery
        {
            Id = Delivery.NewId(),
            Channel = Channel.BotFramework,
            Address = address,
            Text = text,
            Choices = choices ?? [],
            Kind = DeliveryKind.Campaign,
        });

    /// <summary>The literal opening of a system reply ("opted_out") or FAQ answer ("faq:vneid") in its chat form.</summary>
    public string Opening(string expected)
    {
        var content = Host.Get<ContentStore>().Current;
        var source = expected.StartsWith("faq:", StringComparison.Ordinal)
            ? content.FindFaq(expected[4..])!.ChatAnswer.Source
            : content.Reply(expected).Chat.Source;
        var brace = source.IndexOf('{', StringComparison.Ordinal);
        var literal = (brace < 0 ? source : source[..brace]).Normalize(NormalizationForm.FormC).Trim();
        return literal[..Math.Min(literal.Length, 40)];
    }

    public IReadOnlyList<FaqEntry> Menu => Host.Get<ContentStore>().Current.Menu;

    public RedisKeys Keys => Host.Get<RedisKeys>();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Stub.DisposeAsync();
    }

    /// <summary>How a test token differs from a valid one.</summary>
    public sealed class TokenSpec
    {
        public string Issuer { get; set; } = BotFrameworkOptions.ChannelTokenIssuer;
        public string Audience { get; set; } = AppId;
        public string? ServiceUrl { get; set; }
        public TimeSpan NotBefore { get; set; } = TimeSpan.FromMinutes(-5);
        public TimeSpan Expires { get; set; } = TimeSpan.FromMinutes(55);
        public string? KeyId { get; set; } = ChannelKeyId;
        public RSA Key { get; set; } = ChannelKey;
        public string Algorithm { get; set; } = SecurityAlgorithms.RsaSha256;
        public string? SymmetricSecret { get; set; }
        public bool Unsigned { get; set; }
    }
}

/// <summary>What an activity posted to the connector says.</summary>
internal sealed record PostedActivity(JsonNode Body)
{
    public static PostedActivity Of(RecordedRequest request) => new(JsonNode.Parse(request.BodyText)!);

    public string? this[string path]
    {
        get
        {
            JsonNode? node = Body;
            foreach (var part in path.Split('.'))
            {
                node = node?[part];
            }
            return node?.GetValue<string>();
        }
    }

    public IReadOnlyList<(string? Type, string? Title, string? Value)> Actions =>
        Body["suggestedActions"]?["actions"]?.AsArray().Select(a => (a?["type"]?.GetValue<string>(), a?["title"]?.GetValue<string>(), a?["value"]?.GetValue<string>())).ToArray() ?? [];

    public IReadOnlyList<string?> SuggestedTo =>
        Body["suggestedActions"]?["to"]?.AsArray().Select(t => t?.GetValue<string>()).ToArray() ?? [];
}

/// <summary>A request's Authorization header, or null.</summary>
internal static class RecordedRequestExtensions
{
    public static string? Authorization(this RecordedRequest request) =>
        request.Headers.TryGetValue("Authorization", out var value) && value.Length > 0 ? value : null;

    public static AuthenticationHeaderValue? Bearer(this RecordedRequest request) =>
        request.Authorization() is { } value ? AuthenticationHeaderValue.Parse(value) : null;
}
