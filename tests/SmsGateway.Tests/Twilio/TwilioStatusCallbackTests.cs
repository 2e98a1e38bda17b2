using System.Net;
using Campaign.Core.Delivery;
using Campaign.TestSupport;
using SmsGateway.Sending;

namespace SmsGateway.Tests.Twilio;

/// <summary>
/// POST /sms/twilio/status: each test first sends a real delivery through the dispatcher and the stub
/// API (so it is "sent" with a MessageSid), then plays Twilio's callbacks for it.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class TwilioStatusCallbackTests(RedisServer redis)
{
    private const string Path = "/sms/twilio/status";

    /// <summary>name; the callbacks in the order they arrive ("status" or "status:ErrorCode"); whether the URL carries ?d=; where the delivery ends; its ErrorCode.</summary>
    public static TheoryData<string, string[], bool, DeliveryStatus, string?> Callbacks() => new()
    {
        { "sent", ["sent"], true, DeliveryStatus.Sent, null },
        { "delivered", ["sent", "delivered"], true, DeliveryStatus.Delivered, null },
        { "undelivered, with its ErrorCode", ["sent", "undelivered:30003"], true, DeliveryStatus.Undelivered, "30003" },
        { "failed, with its ErrorCode", ["failed:30008"], true, DeliveryStatus.Failed, "30008" },
        { "read", ["delivered", "read"], true, DeliveryStatus.Read, null },
        { "canceled counts as failed", ["canceled"], true, DeliveryStatus.Failed, null },
        { "initial and in-flight statuses record nothing", ["queued", "accepted", "scheduled", "sending"], true, DeliveryStatus.Sent, null },
        { "out of order: delivered then sent stays delivered", ["delivered", "sent"], true, DeliveryStatus.Delivered, null },
        { "repeated callback", ["delivered", "delivered"], true, DeliveryStatus.Delivered, null },
        { "no ?d=: found by MessageSid", ["sent", "delivered"], false, DeliveryStatus.Delivered, null },
    };

    [Theory]
    [MemberData(nameof(Callbacks))]
    public async Task Callback(string name, string[] callbacks, bool withDeliveryId, DeliveryStatus final, string? errorCode)
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var (delivery, sid) = await SentDeliveryAsync(gateway);

        foreach (var callback in callbacks)
        {
            var parts = callback.Split(':');
            var query = withDeliveryId ? $"?d={delivery.Id}" : "";
            using var response = await gateway.PostSignedAsync(Path + query, TwilioGateway.StatusFields(sid, parts[0], parts.Length > 1 ? parts[1] : null));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"[{name}] {callback}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var after = await gateway.Deliveries.GetAsync(delivery.Id);
        Assert.True(after!.Status == final, $"[{name}] expected {final}, got {after.Status}");
        Assert.Equal(errorCode, after.ErrorCode);
    }

    /// <summary>
    /// name; changes to the callback's fields ("-Name" removes, "Name=value" sets); signing (valid,
    /// none, other-token, other-query: signed for another delivery id); the delivery id in the query
    /// ("own" or another); expected HTTP status; text the answer must contain.
    /// </summary>
    public static TheoryData<string, string[], string, string, int, string> Requests() => new()
    {
        { "unknown status value", ["MessageStatus=exploded"], "valid", "own", 400, "unknown MessageStatus 'exploded'" },
        { "no MessageStatus", ["-MessageStatus"], "valid", "own", 400, "MessageStatus is required" },
        { "no MessageSid", ["-MessageSid"], "valid", "own", 400, "MessageSid is required" },
        { "no signature", [], "none", "own", 403, "X-Twilio-Signature is missing" },
        { "signed with another auth token", [], "other-token", "own", 403, "does not match" },
        { "delivery id changed after signing", [], "other-query", "own", 403, "does not match" },
        { "unknown delivery and MessageSid", ["MessageSid=SMffffffffffffffffffffffffffffffff"], "valid", "0000000000000000000000000000dead", 200, "" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request(string name, string[] changes, string signing, string deliveryId, int status, string answer)
    {
        await using var gateway = await TwilioGateway.StartAsync(redis);
        var (delivery, sid) = await SentDeliveryAsync(gateway);
        var fields = TwilioGateway.StatusFields(sid, "delivered");
        foreach (var change in changes)
        {
            if (change.StartsWith('-'))
            {
                fields.RemoveAll(f => f.Name == change[1..]);
            }
            else
            {
                var (field, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                fields = [.. fields.Select(f => f.Name == field ? (f.Name, value) : f)];
            }
        }
        var pathAndQuery = $"{Path}?d={(deliveryId == "own" ? delivery.Id : deliveryId)}";
        var signature = signing switch
        {
            "valid" => TwilioGateway.Sign(TwilioGateway.PublicBaseUrl + pathAndQuery, fields),
            "other-token" => TwilioGateway.Sign(TwilioGateway.PublicBaseUrl + pathAndQuery, fields, "fedcba9876543210fedcba9876543210"),
            "other-query" => TwilioGateway.Sign($"{TwilioGateway.PublicBaseUrl}{Path}?d={Delivery.NewId()}", fields),
            "none" => null,
            _ => throw new ArgumentException(signing),
        };

        using var response = await gateway.PostAsync(pathAndQuery, System.Text.Encoding.UTF8.GetBytes(TwilioGateway.Encode(fields)), signature);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"[{name}] expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Contains(answer, text, StringComparison.Ordinal);
        if (status != 200)
        {
            Assert.Equal(DeliveryStatus.Sent, (await gateway.Deliveries.GetAsync(delivery.Id))!.Status); // nothing applied
        }
    }

    /// <summary>A delivery the dispatcher has sent through the stub API, and the MessageSid the stub gave it.</summary>
    private static async Task<(Delivery Delivery, string MessageSid)> SentDeliveryAsync(TwilioGateway gateway)
    {
        var sid = TwilioGateway.NewMessageSid();
        gateway.Api.Handler = _ => StubResponse.Json(201, TwilioSendTests.Created.Replace("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", sid, StringComparison.Ordinal));
        var queued = await gateway.Host.Get<SmsSender>().EnqueueAsync(TwilioGateway.NewNumber(), "Xin chào bà con", DeliveryKind.Operator);
        var sent = await gateway.WaitForDeliveryAsync(queued.Id, d => d.Status == DeliveryStatus.Sent && d.ProviderMessageId == sid);
        return (sent, sid);
    }
}
