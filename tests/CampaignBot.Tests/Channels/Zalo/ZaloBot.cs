using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using CampaignBot.Channels.Zalo;
using StackExchange.Redis;

namespace CampaignBot.Tests.Channels.Zalo;

/// <summary>
/// CampaignBot with the Zalo channel on, in-process, and one <see cref="StubHttpServer"/> standing in
/// for both openapi.zalo.me (the consultation message API) and oauth.zaloapp.com (the token endpoint),
/// told apart by path. Helpers build events the way Zalo does and sign them with <see cref="ZaloTestSigner"/>.
/// </summary>
internal sealed class ZaloBot : IAsyncDisposable
{
    public const string AppId = "1234567890123456789";
    public const string OaId = "3662729599332560487";
    public const string OaSecretKey = "oa-secret-key-for-tests";
    public const string AppSecret = "app-secret-for-tests";
    public const string InitialAccessToken = "access-token-initial";
    public const string InitialRefreshToken = "refresh-token-initial";
    public const string MessagePath = "/v3.0/oa/message/cs";
    public const string TokenPath = "/v4/oa/access_token";

    // Zalo sends Vietnamese as UTF-8, not \u escapes: the signature is over those bytes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private int _messageIds;

    private ZaloBot(BotHost host, StubHttpServer api)
    {
        Host = host;
        Api = api;
        api.Handler = r =>
            r.PathAndQuery.StartsWith(MessagePath, StringComparison.Ordinal) ? Send(r)
            : r.PathAndQuery.StartsWith(TokenPath, StringComparison.Ordinal) ? Refresh(r)
            : StubResponse.Json(404, """{"error":-404,"message":"no such path in the stub"}""");
    }

    public BotHost Host { get; }

    /// <summary>Stands in for openapi.zalo.me and oauth.zaloapp.com.</summary>
    public StubHttpServer Api { get; }

    /// <summary>The consultation API's answer; default: sent, with a fresh message id.</summary>
    public Func<RecordedRequest, StubResponse> Send { get; set; } = null!;

    /// <summary>The token endpoint's answer; default: a new pair "access-token-2" / "refresh-token-2", 25 hours.</summary>
    public Func<RecordedRequest, StubResponse> Refresh { get; set; } = _ => StubResponse.Json(200, Tokens("access-token-2", "refresh-token-2"));

    public SubscriberStore Subscribers => Host.Get<SubscriberStore>();
    public DeliveryStore Deliveries => Host.Get<DeliveryStore>();
    public ZaloSender Sender => Host.Get<ZaloSender>();
    public IDatabase Redis => Host.Get<IConnectionMultiplexer>().GetDatabase();
    public RedisKeys Keys => Host.Get<RedisKeys>();

    public IReadOnlyList<RecordedRequest> MessageRequests => [.. Api.Requests.Where(r => r.PathAndQuery.StartsWith(MessagePath, StringComparison.Ordinal))];
    public IReadOnlyList<RecordedRequest> TokenRequests => [.. Api.Requests.Where(r => r.PathAndQuery.StartsWith(TokenPath, StringComparison.Ordinal))];

    /// <param name="settings">Overrides of the settings (null removes one).</param>
    public static async Task<ZaloBot> StartAsync(RedisServer redis, IDictionary<string, string?>? settings = null)
    {
        var stub = await StubHttpServer.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = AppId,
            ["Zalo:OaSecretKey"] = OaSecretKey,
            ["Zalo:AppSecret"] = AppSecret,
            ["Zalo:AccessToken"] = InitialAccessToken,
            ["Zalo:RefreshToken"] = InitialRefreshToken,
            ["Zalo:ApiBaseUrl"] = stub.BaseAddress.ToString().TrimEnd('/'),
            ["Zalo:OAuthBaseUrl"] = stub.BaseAddress.ToString().TrimEnd('/'),
            ["Zalo:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        try
        {
            var bot = new ZaloBot(await BotHost.StartAsync(redis, all), stub);
            bot.Send = _ => StubResponse.Json(200, Sent($"msg-{Interlocked.Increment(ref bot._messageIds)}"));
            return bot;
        }
        catch
        {
            await stub.DisposeAsync();
            throw;
        }
    }

    /// <summary>Zalo's success answer to a consultation message.</summary>
    public static string Sent(string messageId) =>
        $$"""{"data":{"message_id":"{{messageId}}","user_id":"6142494823000000000"},"error":0,"message":"Success"}""";

    /// <summary>Zalo's error answer (HTTP 200 all the same).</summary>
    public static string Error(int code, string message) => $$"""{"error":{{code}},"message":"{{message}}"}""";

    /// <summary>The token endpoint's answer: expires_in is a string of seconds.</summary>
    public static string Tokens(string access, string refresh, string expiresIn = "90000") =>
        $$"""{"access_token":"{{access}}","refresh_token":"{{refresh}}","expires_in":"{{expiresIn}}"}""";

    /// <summary>A Zalo user id no other test uses: 19 digits, more than a double holds exactly.</summary>
    public static string NewUserId() => "61424948" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);

    public static string NewMessageId() => Guid.NewGuid().ToString("N")[..20];

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A user_send_text event as Zalo posts it (docs.a4b.vn sample shape, protocols.md §4).</summary>
    public static string TextEvent(string userId, string text, string? messageId = null, string? timestamp = null, string appId = AppId) =>
        new JsonObject
        {
            ["event_name"] = "user_send_text",
            ["app_id"] = appId,
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = OaId },
            ["message"] = new JsonObject { ["text"] = text, ["msg_id"] = messageId ?? NewMessageId() },
            ["timestamp"] = timestamp ?? Now(),
            ["user_id_by_app"] = "979122185046046317",
        }.ToJsonString(Relaxed);

    /// <summary>Another message event (user_send_sticker, user_send_image ...) with no text.</summary>
    public static string MessageEvent(string eventName, string userId, string? messageId = null) =>
        new JsonObject
        {
            ["event_name"] = eventName,
            ["app_id"] = AppId,
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = OaId },
            ["message"] = new JsonObject { ["msg_id"] = messageId ?? NewMessageId(), ["attachments"] = new JsonArray() },
            ["timestamp"] = Now(),
        }.ToJsonString(Relaxed);

    /// <summary>A follow / unfollow event: the resident is follower.id.</summary>
    public static string FollowEvent(string eventName, string userId, string? timestamp = null) =>
        new JsonObject
        {
            ["oa_id"] = OaId,
            ["follower"] = new JsonObject { ["id"] = userId },
            ["user_id_by_app"] = "979122185046046317",
            ["event_name"] = eventName,
            ["source"] = "oa_profile",
            ["app_id"] = AppId,
            ["timestamp"] = timestamp ?? Now(),
        }.ToJsonString(Relaxed);

    /// <summary>The signature header for a body, from its own timestamp field.</summary>
    public static string Sign(string body, string appId = AppId, string secret = OaSecretKey, string? timestamp = null)
    {
        timestamp ??= JsonNode.Parse(body)!["timestamp"]!.ToString();
        return ZaloTestSigner.Header(appId, body, timestamp, secret);
    }

    public Task<HttpResponseMessage> PostSignedAsync(string body) => PostAsync(Encoding.UTF8.GetBytes(body), Sign(body));

    /// <summary>POSTs a raw body with the given signature header (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "zalo/webhook");
        request.Content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-ZEvent-Signature", signature);
        }
        return await Host.Client.SendAsync(request);
    }

    /// <summary>The consultation messages sent to one resident so far, parsed.</summary>
    public IReadOnlyList<JsonNode> MessagesTo(string userId) =>
        [.. MessageRequests.Select(r => JsonNode.Parse(r.BodyText)!).Where(b => b["recipient"]?["user_id"]?.ToString() == userId)];

    /// <summary>Waits (at most 10 s) until <paramref name="count"/> messages have gone to the resident.</summary>
    public async Task<IReadOnlyList<JsonNode>> WaitForMessagesAsync(string userId, int count) =>
        await Eventually.GetAsync(
            () => MessagesTo(userId),
            sent => sent.Count >= count,
            sent => $"{count} message(s) to {userId} expected; {sent.Count} sent");

    /// <summary>Waits (at most 10 s) until <paramref name="done"/> holds for the delivery.</summary>
    public async Task<Delivery> WaitForDeliveryAsync(string id, Func<Delivery, bool> done) =>
        (await Eventually.GetAsync(
            () => Deliveries.GetAsync(id),
            d => d is not null && done(d),
            d => $"delivery {id} is {d?.Status.ToString() ?? "missing"} after {d?.Attempts} attempts ({d?.ErrorCode} {d?.Error})"))!;

    /// <summary>How many messages were queued (a delivery record each, kept after sending): none means nothing will be sent.</summary>
    public Task<int> QueuedCountAsync()
    {
        var multiplexer = Host.Get<IConnectionMultiplexer>();
        var server = multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
        // dlv:{id} hashes, not the dlv:pid:* index of provider message ids.
        var count = server.Keys(pattern: Keys.Delivery("*")).Count(k => !k.ToString().Contains(":pid:", StringComparison.Ordinal));
        return Task.FromResult(count);
    }

    /// <summary>The token hash in Redis: access_token, refresh_token, expires_at ...</summary>
    public async Task<Dictionary<string, string>> TokenHashAsync() =>
        (await Redis.HashGetAllAsync(Keys.ZaloTokens)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());

    public async Task<SubscriberStatus?> StatusAsync(string userId) => (await Subscribers.FindAsync(Channel.Zalo, userId))?.Status;

    /// <summary>The literal opening of a system reply ("opted_out") or FAQ answer ("faq:vneid") in its chat form.</summary>
    public string Opening(string expected)
    {
        var content = Host.Get<ContentStore>().Current;
        var source = expected.StartsWith("faq:", StringComparison.Ordinal)
            ? content.FindFaq(expected[4..])!.ChatAnswer.Source
            : content.Reply(expected).Chat.Source;
        var brace = source.IndexOf('{', StringComparison.Ordinal);
        var literal = (brace < 0 ? source : source[..brace]).Trim();
        return literal[..Math.Min(literal.Length, 40)];
    }

    public static string TextOf(JsonNode message) => message["message"]!["text"]!.ToString();

    public static JsonArray? ButtonsOf(JsonNode message) => message["message"]?["attachment"]?["payload"]?["buttons"]?.AsArray();


    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }

    /// <summary>A body HttpClient must send chunked, because it cannot know the length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
