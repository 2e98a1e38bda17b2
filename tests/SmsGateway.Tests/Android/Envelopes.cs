using System.Text.Json.Nodes;

namespace SmsGateway.Tests.Android;

/// <summary>Webhook bodies as the app builds them (WebHookEventDTO: deviceId, event, id, payload, webhookId).</summary>
internal static class Envelopes
{
    public static string NewId() => Guid.NewGuid().ToString("N")[..21];

    public static JsonObject Event(string eventName, JsonObject payload, string? id = null) => new()
    {
        ["deviceId"] = "ffffffffceb0b1db0000018e937c815b",
        ["event"] = eventName,
        ["id"] = id ?? NewId(),
        ["payload"] = payload,
        ["webhookId"] = "wh-" + eventName.Replace(':', '-'),
    };

    /// <summary>A resident's SMS; <paramref name="deprecatedField"/> writes the sender only as the old <c>phoneNumber</c>.</summary>
    public static JsonObject Received(string from, string message, string? id = null, bool deprecatedField = false)
    {
        var payload = new JsonObject
        {
            ["messageId"] = "a1b2c3d4",
            ["message"] = message,
            ["phoneNumber"] = from,
            ["simNumber"] = 1,
            ["receivedAt"] = "2026-11-23T09:15:42.000+07:00",
        };
        if (!deprecatedField)
        {
            payload["sender"] = from;
            payload["recipient"] = "+84987000111";
        }
        return Event("sms:received", payload, id);
    }

    /// <summary>A receipt for one of our deliveries (its id is the app's messageId).</summary>
    public static JsonObject Receipt(string eventName, string messageId, string? reason = null, string? id = null)
    {
        var payload = new JsonObject
        {
            ["messageId"] = messageId,
            ["sender"] = "+84987000111",
            ["recipient"] = "+84912345678",
            ["phoneNumber"] = "+84912345678",
            ["simNumber"] = null,
        };
        switch (eventName)
        {
            case "sms:sent":
                payload["partsCount"] = 2;
                payload["sentAt"] = "2026-11-23T09:16:00.000+07:00";
                break;
            case "sms:delivered":
                payload["deliveredAt"] = "2026-11-23T09:16:03.000+07:00";
                break;
            case "sms:failed":
                payload["reason"] = reason;
                payload["failedAt"] = "2026-11-23T09:16:03.000+07:00";
                break;
            case "sms:cancelled":
                payload["cancelledAt"] = "2026-11-23T09:16:03.000+07:00";
                break;
        }
        return Event(eventName, payload, id);
    }

    public static JsonObject Without(this JsonObject envelope, string path)
    {
        var copy = (JsonObject)envelope.DeepClone();
        var parts = path.Split('.');
        var target = parts.Length == 2 ? (JsonObject)copy[parts[0]]! : copy;
        target.Remove(parts[^1]);
        return copy;
    }
}
