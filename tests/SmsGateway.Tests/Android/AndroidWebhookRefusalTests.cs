using System.Net;
using System.Text;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;

namespace SmsGateway.Tests.Android;

/// <summary>
/// Webhooks the gateway must refuse, over real HTTP: forged, stale, oversized or malformed. Each
/// would otherwise be a resident's "DK", so a refusal that leaks would create a subscriber and send
/// a reply; neither may happen.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class AndroidWebhookRefusalTests(RedisServer redis)
{
    private const string From = "+84912000100";

    /// <param name="Body">The raw bytes posted (signed as <paramref name="Signing"/> says).</param>
    /// <param name="Status">The answer expected.</param>
    /// <param name="Detail">Words the problem detail must contain, naming what is wrong.</param>
    private sealed record Refusal(byte[] Body, WebhookSigning Signing, HttpStatusCode Status, string Detail)
    {
        /// <summary>Sent without Content-Length, so only counting the bytes can catch it.</summary>
        public bool Chunked { get; init; }
    }

    private static byte[] Bytes(System.Text.Json.Nodes.JsonObject envelope) => Encoding.UTF8.GetBytes(envelope.ToJsonString());

    private static byte[] Subscribe => Bytes(Envelopes.Received(From, "DK"));

    private static readonly Dictionary<string, Refusal> Refusals = new()
    {
        ["signed with another key"] = new(Subscribe, WebhookSigning.WrongKey, HttpStatusCode.Unauthorized, "X-Signature does not match"),
        ["body changed after signing"] = new(Subscribe, WebhookSigning.BodyChangedAfterSigning, HttpStatusCode.Unauthorized, "X-Signature does not match"),
        ["no X-Signature header"] = new(Subscribe, WebhookSigning.NoSignature, HttpStatusCode.Unauthorized, "missing X-Signature"),
        ["no X-Timestamp header"] = new(Subscribe, WebhookSigning.NoTimestamp, HttpStatusCode.Unauthorized, "missing X-Timestamp"),
        ["X-Timestamp not Unix seconds"] = new(Subscribe, WebhookSigning.TimestampNotANumber, HttpStatusCode.Unauthorized, "X-Timestamp is not Unix seconds"),
        ["X-Signature not hex"] = new(Subscribe, WebhookSigning.SignatureNotHex, HttpStatusCode.Unauthorized, "X-Signature does not match"),
        ["timestamp six minutes old (replay)"] = new(Subscribe, WebhookSigning.Stale, HttpStatusCode.Unauthorized, "s old, beyond the 300 s tolerance"),
        ["timestamp six minutes ahead"] = new(Subscribe, WebhookSigning.FromTheFuture, HttpStatusCode.Unauthorized, "s ahead of our clock"),
        ["no envelope id"] = new(Bytes(Envelopes.Received(From, "DK").Without("id")), WebhookSigning.Valid, HttpStatusCode.BadRequest, "id is required"),
        ["no event"] = new(Bytes(Envelopes.Received(From, "DK").Without("event")), WebhookSigning.Valid, HttpStatusCode.BadRequest, "event is required"),
        ["no payload"] = new(Bytes(Envelopes.Received(From, "DK").Without("payload")), WebhookSigning.Valid, HttpStatusCode.BadRequest, "payload is required"),
        ["no payload.message"] = new(Bytes(Envelopes.Received(From, "DK").Without("payload.message")), WebhookSigning.Valid, HttpStatusCode.BadRequest, "payload.message is required"),
        ["no payload.sender nor phoneNumber"] = new(Bytes(Envelopes.Received(From, "DK").Without("payload.sender").Without("payload.phoneNumber")), WebhookSigning.Valid, HttpStatusCode.BadRequest, "payload.sender is required"),
        ["invalid JSON"] = new(Encoding.UTF8.GetBytes("""{"event":"sms:received","id":"x1","payload":{"message":"DK","""), WebhookSigning.Valid, HttpStatusCode.BadRequest, "not valid JSON"),
        ["not a JSON object"] = new(Encoding.UTF8.GetBytes("""["sms:received"]"""), WebhookSigning.Valid, HttpStatusCode.BadRequest, "not a JSON object"),
        ["bytes that are not UTF-8"] = new(NotUtf8(), WebhookSigning.Valid, HttpStatusCode.BadRequest, "not valid UTF-8"),
        ["70 KiB body, over the 64 KiB webhook cap"] = new(Bytes(Envelopes.Received(From, "DK " + new string('a', 70 * 1024))), WebhookSigning.Valid, HttpStatusCode.RequestEntityTooLarge, "larger than 65536 bytes"),
        ["70 KiB body without Content-Length"] = new(Bytes(Envelopes.Received(From, "DK " + new string('a', 70 * 1024))), WebhookSigning.Valid, HttpStatusCode.RequestEntityTooLarge, "larger than 65536 bytes") { Chunked = true },
        ["300 KiB body, over the server-wide cap too"] = new(Bytes(Envelopes.Received(From, "DK " + new string('a', 300 * 1024))), WebhookSigning.Valid, HttpStatusCode.RequestEntityTooLarge, "larger than 65536 bytes"),
    };

    public static TheoryData<string> RefusalNames => FixtureTable.Names(Refusals);

    [Theory]
    [MemberData(nameof(RefusalNames))]
    public async Task Refused_webhook_changes_nothing(string name)
    {
        var refusal = Refusals[name];
        await using var android = await AndroidHarness.StartAsync(redis);

        using var response = await android.PostAsync(refusal.Body, refusal.Signing, refusal.Chunked);

        Assert.Equal(refusal.Status, response.StatusCode);
        var detail = await AndroidHarness.ReadAnswerAsync(response);
        Assert.Contains(refusal.Detail, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", detail, StringComparison.Ordinal); // the body is never echoed
        Assert.Null(await android.Host.Get<SubscriberStore>().FindAsync(Channel.Sms, From));
        Assert.Equal((0L, 0L), await android.Host.Get<Outbox>().CountAsync());
        Assert.Empty(android.Phone.Requests);
    }

    /// <summary>A "DK" whose message holds a byte sequence no UTF-8 text can contain.</summary>
    private static byte[] NotUtf8()
    {
        var text = Encoding.UTF8.GetBytes(Envelopes.Received(From, "DK @").ToJsonString());
        var at = Array.IndexOf(text, (byte)'@');
        text[at] = 0xFF;
        return text;
    }
}
