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
using Microsoft.AspNetCore.Builder;
using StackExchange.Redis;

namespace CampaignBot.Tests.Channels.Messenger;

/// <summary>
/// CampaignBot with the Messenger channel on, in-process, its Graph API replaced by a
/// <see cref="StubHttpServer"/>; helpers to call the webhook the way Meta does (a JSON body signed
/// with the app secret by <see cref="MessengerTestSigner"/>) and to read what the bot sent back.
/// </summary>
internal sealed class MessengerBot : IAsyncDisposable
{
    // The self-computed vector of protocols.md §3 uses this secret.
    public const string AppSecret = "test_app_secret";
    public const string VerifyToken = "meatyhamhock";
    public const string PageAccessToken = "EAAGtestpagetoken0123456789abcdefZZ";
    public const string PageId = "106012345678901";
    public const string Path = "/messenger/webhook";

    /// <summary>A successful Send API answer (the shape of Meta's Send API reference).</summary>
    public const string Sent = """{"recipient_id":"1254477777772919","message_id":"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P"}""";

    private MessengerBot(BotHost host, StubHttpServer graph, RedisServer redis)
    {
        Host = host;
        Graph = graph;
        Redis = redis;
    }

    public BotHost Host { get; }

    /// <summary>Stands in for graph.facebook.com.</summary>
    public StubHttpServer Graph { get; }

    public RedisServer Redis { get; }

    public SubscriberStore Subscribers => Host.Get<SubscriberStore>();
    public DeliveryStore Deliveries => Host.Get<DeliveryStore>();

    /// <param name="settings">Overrides of the Messenger settings (null removes one).</param>
    public static async Task<MessengerBot> StartAsync(RedisServer redis, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var graph = await StubHttpServer.StartAsync();
        graph.Handler = _ => StubResponse.Json(200, Sent);
        var all = new Dictionary<string, string?>
        {
            ["Messenger:AppSecret"] = AppSecret,
            ["Messenger:VerifyToken"] = VerifyToken,
            ["Messenger:PageAccessToken"] = PageAccessToken,
            ["Messenger:PageId"] = PageId,
            ["Messenger:GraphApiBaseUrl"] = graph.BaseAddress.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        try
        {
            return new MessengerBot(await BotHost.StartAsync(redis, all, configure), graph, redis);
        }
        catch
        {
            await graph.DisposeAsync();
            throw;
        }
    }

    /// <summary>A page-scoped id no other test uses (PSIDs are 16-digit strings).</summary>
    public static string NewPsid() => "7" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewMid() => "m_" + Guid.NewGuid().ToString("N");

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>A text message event as Meta sends it; with a quick reply's payload when given.</summary>
    public static JsonObject TextEvent(string psid, string text, string? mid = null, string? quickReplyPayload = null)
    {
        var message = new JsonObject { ["mid"] = mid ?? NewMid(), ["text"] = text };
        if (quickReplyPayload is not null)
        {
            message["quick_reply"] = new JsonObject { ["payload"] = quickReplyPayload };
        }
        return Event(psid, "message", message);
    }

    public static JsonObject AttachmentEvent(string psid) =>
        Event(psid, "message", new JsonObject
        {
            ["mid"] = NewMid(),
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = "https://scontent.example/sticker.png", ["sticker_id"] = 369239263222822 } }),
        });

    public static JsonObject PostbackEvent(string psid, string payload, string? mid = null) =>
        Event(psid, "postback", new JsonObject { ["mid"] = mid ?? NewMid(), ["title"] = "Bắt đầu", ["payload"] = payload });

    /// <summary>Our own reply coming back: sender is the Page, recipient the resident.</summary>
    public static JsonObject EchoEvent(string psid) => new()
    {
        ["sender"] = new JsonObject { ["id"] = PageId },
        ["recipient"] = new JsonObject { ["id"] = psid },
        ["timestamp"] = Now(),
        ["message"] = new JsonObject { ["is_echo"] = true, ["app_id"] = 1517776481860111, ["mid"] = NewMid(), ["text"] = "HUY" },
    };

    public static JsonObject Event(string psid, string field, JsonObject value) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = PageId },
        ["timestamp"] = Now(),
        [field] = value,
    };

    /// <summary>One entry per array of events, as <c>{"object":"page","entry":[...]}</c>.</summary>
    public static JsonObject Envelope(params JsonObject[][] entries) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray([.. entries.Select(events => (JsonNode)new JsonObject
        {
            ["id"] = PageId,
            ["time"] = Now(),
            ["messaging"] = new JsonArray([.. events.Select(e => (JsonNode)e)]),
        })]),
    };

    /// <summary>The bytes as Meta writes them: compact, every non-ASCII character escaped as \uXXXX.</summary>
    public static byte[] Bytes(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString());

    public static string Sign(byte[] body, string appSecret = AppSecret) => MessengerTestSigner.Sign(appSecret, body);

    /// <summary>POSTs a raw body with the given X-Hub-Signature-256 (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, bool chunked = false, string header = "X-Hub-Signature-256")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path.TrimStart('/'));
        request.Content = chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(header, signature);
        }
        return await Host.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostSignedAsync(JsonNode body)
    {
        var bytes = Bytes(body);
        return PostAsync(bytes, Sign(bytes));
    }

    /// <summary>The Send API calls the stub received for this resident, in order.</summary>
    public IReadOnlyList<SendCall> SendsTo(string psid) =>
        [.. Graph.Requests.Select(SendCall.Parse).Where(c => c.RecipientId == psid)];

    /// <summary>Waits (at most 10 s) until the stub has <paramref name="count"/> Send API calls for this resident.</summary>
    public async Task<IReadOnlyList<SendCall>> WaitForSendsAsync(string psid, int count) =>
        await Eventually.GetAsync(
            () => SendsTo(psid),
            calls => calls.Count >= count,
            calls => $"{count} Send API call(s) to {psid} expected; got {calls.Count}");

    /// <summary>Waits (at most 10 s) until <paramref name="done"/> holds for the delivery.</summary>
    public async Task<Delivery> WaitForDeliveryAsync(string id, Func<Delivery, bool> done) =>
        (await Eventually.GetAsync(
            () => Deliveries.GetAsync(id),
            d => d is not null && done(d),
            d => $"delivery {id} is {d?.Status.ToString() ?? "missing"} after {d?.Attempts} attempts ({d?.ErrorCode} {d?.Error})"))!;

    /// <summary>
    /// How many deliveries this bot has created: every reply the engine queued, whether sent yet or
    /// not. Read right after the webhook answered, it says exactly what was queued, with no waiting.
    /// </summary>
    public async Task<int> DeliveryCountAsync()
    {
        var server = Redis.Connection.GetServers().First();
        var count = 0;
        await foreach (var key in server.KeysAsync(pattern: Host.KeyPrefix + "dlv:*"))
        {
            if (!key.ToString().StartsWith(Host.KeyPrefix + "dlv:pid:", StringComparison.Ordinal))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Whether the inbound ledger holds this message id: it took a conversation step (or is taking one).</summary>
    public async Task<bool> SeenAsync(string messageId) =>
        await Redis.Connection.GetDatabase().KeyExistsAsync(Host.Get<RedisKeys>().InboundSeen(Channel.Messenger.Key(), messageId));

    public async Task<SubscriberStatus?> SubscriberStatusAsync(string psid) =>
        (await Subscribers.FindAsync(Channel.Messenger, psid))?.Status;

    /// <summary>The literal opening of a system reply ("opted_out") or FAQ answer ("faq:vneid") as chat renders it.</summary>
    public string Opening(string expected)
    {
        var content = Host.Get<ContentStore>().Current;
        var source = expected.StartsWith("faq:", StringComparison.Ordinal)
            ? content.FindFaq(expected[4..])!.ChatAnswer.Source
            : content.Reply(expected).Chat.Source;
        var brace = source.IndexOf('{', StringComparison.Ordinal);
        var literal = (brace < 0 ? source : source[..brace]).TrimStart();
        Assert.True(literal.Length >= 10, $"'{expected}' opens with a placeholder; pick another reply to check");
        return literal[..Math.Min(literal.Length, 40)];
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
    }

    /// <summary>A body HttpClient must send chunked, because it cannot know the length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
