using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.TestSupport;
using Microsoft.AspNetCore.Builder;
using StackExchange.Redis;

namespace SmsGateway.Tests.Android;

/// <summary>
/// The gateway in-process with <c>Sms:Provider=android</c>, its phone API played by a stub that
/// accepts every message (202 with the id it was given), and helpers to send it signed webhooks.
/// </summary>
internal sealed class AndroidHarness : IAsyncDisposable
{
    public const string Username = "sms";
    public const string Password = "Pa55:word-ä";
    public const string SigningKey = "k3y-from-the-phone-settings";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private AndroidHarness(StubHttpServer phone, GatewayHost host)
    {
        Phone = phone;
        Host = host;
    }

    public StubHttpServer Phone { get; }
    public GatewayHost Host { get; }

    public static async Task<AndroidHarness> StartAsync(
        RedisServer redis,
        IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var phone = await StubHttpServer.StartAsync();
        phone.Handler = Accept;
        var all = Settings(phone.BaseAddress.ToString());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // "{stub}" stands for the stub's address, known only now (a BaseUrl with a path after it).
            all[key] = value?.Replace("{stub}", phone.BaseAddress.ToString(), StringComparison.Ordinal);
        }
        try
        {
            return new AndroidHarness(phone, await GatewayHost.StartAsync(redis, all, configure));
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    /// <summary>What a deployment would configure, pointing at <paramref name="baseUrl"/>.</summary>
    public static Dictionary<string, string?> Settings(string baseUrl) => new()
    {
        ["Sms:Provider"] = "android",
        ["Sms:MaxSegments"] = "3",
        ["AndroidGateway:BaseUrl"] = baseUrl,
        ["AndroidGateway:Username"] = Username,
        ["AndroidGateway:Password"] = Password,
        ["AndroidGateway:SigningKey"] = SigningKey,
        ["AndroidGateway:MessagesPerMinute"] = "6000",
    };

    /// <summary>The app's answer to a good send: 202 with the id it was given.</summary>
    public static StubResponse Accept(RecordedRequest request)
    {
        var id = JsonNode.Parse(request.Body)?["id"]?.GetValue<string>();
        return StubResponse.Json(202, new JsonObject
        {
            ["id"] = id,
            ["deviceId"] = "ffffffffceb0b1db0000018e937c815b",
            ["state"] = "Pending",
            ["isHashed"] = false,
            ["isEncrypted"] = false,
            ["recipients"] = new JsonArray(new JsonObject { ["phoneNumber"] = "+84912345678", ["state"] = "Pending" }),
        }.ToJsonString());
    }

    /// <summary>The Authorization header the phone expects.</summary>
    public static string BasicAuth => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    public Task<HttpResponseMessage> PostAsync(JsonObject envelope, WebhookSigning signing = WebhookSigning.Valid) =>
        PostAsync(Encoding.UTF8.GetBytes(envelope.ToJsonString()), signing);

    public Task<HttpResponseMessage> PostAsync(byte[] body, WebhookSigning signing = WebhookSigning.Valid, bool chunked = false)
    {
        var offset = signing switch
        {
            WebhookSigning.Stale => TimeSpan.FromMinutes(-6),
            WebhookSigning.FromTheFuture => TimeSpan.FromMinutes(6),
            WebhookSigning.FourMinutesOld => TimeSpan.FromMinutes(-4),
            _ => TimeSpan.Zero,
        };
        var timestamp = signing == WebhookSigning.TimestampNotANumber ? "yesterday" : PhoneSigner.Timestamp(offset);
        var key = signing == WebhookSigning.WrongKey ? "another-phone's-key" : SigningKey;
        var signature = signing switch
        {
            WebhookSigning.SignatureNotHex => "not-hex-at-all",
            _ => PhoneSigner.Sign(body, timestamp, key),
        };
        var sent = signing == WebhookSigning.BodyChangedAfterSigning ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("sms:", "SMS:", StringComparison.Ordinal)) : body;

        HttpContent content = chunked ? new ChunkedContent(sent) : new ByteArrayContent(sent);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, "sms/android/webhook") { Content = content };
        if (signing != WebhookSigning.NoSignature)
        {
            request.Headers.Add("X-Signature", signature);
        }
        if (signing != WebhookSigning.NoTimestamp)
        {
            request.Headers.Add("X-Timestamp", timestamp);
        }
        request.Headers.UserAgent.ParseAdd("okhttp/4.12.0");
        return Host.Client.SendAsync(request);
    }

    /// <summary>The <c>outcome</c> of a 200 answer, or the problem's <c>detail</c> otherwise.</summary>
    public static async Task<string> ReadAnswerAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var name = response.StatusCode == HttpStatusCode.OK ? "outcome" : "detail";
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() ?? "" : text;
    }

    /// <summary>Waits until the phone has received at least <paramref name="count"/> send requests (10 s at most).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForSendsAsync(int count)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (Phone.Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(Phone.Requests.Count >= count, $"the phone got {Phone.Requests.Count} send requests, expected {count}");
        return Phone.Requests;
    }

    /// <summary>Waits until the SMS outbox has nothing left to send or retry, so no further send can appear.</summary>
    public async Task WaitForOutboxDrainedAsync()
    {
        var outbox = Host.Get<Outbox>();
        var deadline = DateTime.UtcNow + WaitLimit;
        while (await outbox.CountAsync() != (0, 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Equal((0L, 0L), await outbox.CountAsync());
    }

    /// <summary>Waits until a delivery reaches <paramref name="status"/> (10 s at most) and returns it.</summary>
    public async Task<Delivery> WaitForStatusAsync(string deliveryId, DeliveryStatus status)
    {
        var store = Host.Get<DeliveryStore>();
        var deadline = DateTime.UtcNow + WaitLimit;
        var delivery = await store.GetAsync(deliveryId);
        while (delivery?.Status != status && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            delivery = await store.GetAsync(deliveryId);
        }
        Assert.NotNull(delivery);
        Assert.Equal(status, delivery.Status);
        return delivery;
    }

    public IDatabase Redis => Host.Get<IConnectionMultiplexer>().GetDatabase();
    public RedisKeys Keys => Host.Get<RedisKeys>();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Phone.DisposeAsync();
    }

    /// <summary>A body sent without Content-Length (chunked), as a streaming client would.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
