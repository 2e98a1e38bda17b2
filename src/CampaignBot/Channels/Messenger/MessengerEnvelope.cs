using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// A Page webhook's body, <c>{"object":"page","entry":[{"id","time","messaging":[...]}]}</c>, read into
/// <see cref="MessengerEvent"/>s: every entry and every event, since Meta batches them. Unknown fields
/// and event types are tolerated (skipped), so a new Meta feature never breaks the webhook.
/// </summary>
/// <param name="ObjectType">The envelope's <c>object</c>: "page" for a Page subscription.</param>
/// <param name="Events">Every event of every entry, in order.</param>
public sealed record MessengerEnvelope(string ObjectType, IReadOnlyList<MessengerEvent> Events)
{
    public const string PageObject = "page";

    /// <summary>A page-scoped id is a string of digits; anything beyond this length is not one.</summary>
    private const int MaxIdLength = 64;

    /// <summary>False with a reason when the body is not JSON or not a webhook envelope.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, out MessengerEnvelope envelope, out string error)
    {
        envelope = new MessengerEnvelope("", []);
        if (!Utf8.IsValid(body.Span))
        {
            error = "body is not valid UTF-8";
            return false;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = "body is not valid JSON";
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "body must be a JSON object";
                return false;
            }
            if (String(root, "object") is not { Length: > 0 } kind)
            {
                error = "\"object\" is required";
                return false;
            }
            if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                error = "\"entry\" must be an array";
                return false;
            }
            var events = new List<MessengerEvent>();
            foreach (var entry in entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                if (entry.TryGetProperty("messaging", out var messaging) && messaging.ValueKind == JsonValueKind.Array)
                {
                    events.AddRange(messaging.EnumerateArray().Select(Read));
                }
                // "standby" carries the thread's events while another app owns it under the handover
                // protocol: that app answers them, so they are only noted, never answered here.
                if (entry.TryGetProperty("standby", out var standby) && standby.ValueKind == JsonValueKind.Array)
                {
                    events.AddRange(standby.EnumerateArray().Select(_ => MessengerEvent.Skip("standby (another app owns the thread)")));
                }
            }
            envelope = new MessengerEnvelope(kind, events);
            error = "";
            return true;
        }
    }

    private static MessengerEvent Read(JsonElement ev)
    {
        if (ev.ValueKind != JsonValueKind.Object)
        {
            return MessengerEvent.Skip("event is not an object");
        }
        var timestamp = Number(ev, "timestamp") is { } ms && ms is > 0 and < 253_402_300_800_000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;

        if (ev.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            // Our own replies come back as echoes (sender = the Page): answering them would loop.
            if (message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True)
            {
                return MessengerEvent.Skip("echo");
            }
            if (SenderId(ev) is not { } psid)
            {
                return MessengerEvent.Skip(NoSender(ev));
            }
            // A quick reply's payload is the choice's value ("1"); its visible text is the shortened label.
            var text = QuickReplyPayload(message) ?? String(message, "text") ?? ""; // attachments only: empty, the engine says so
            return Inbound(psid, text, String(message, "mid"), "message", timestamp);
        }
        if (ev.TryGetProperty("postback", out var postback) && postback.ValueKind == JsonValueKind.Object)
        {
            if (SenderId(ev) is not { } psid)
            {
                return MessengerEvent.Skip(NoSender(ev));
            }
            var text = String(postback, "payload") ?? String(postback, "title") ?? "";
            return Inbound(psid, text, String(postback, "mid"), "postback", timestamp);
        }
        // delivery, read, reaction, optin, referral, account_linking ...: nothing to answer.
        var type = ev.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n is not ("sender" or "recipient" or "timestamp")) ?? "empty";
        return MessengerEvent.Skip(type.Length <= 40 ? type : type[..40]);
    }

    private static MessengerEvent Inbound(string psid, string text, string? mid, string kind, DateTimeOffset? timestamp)
    {
        if (mid is { Length: > 0 and <= 512 })
        {
            return new MessengerEvent(psid, text, mid, timestamp);
        }
        if (timestamp is { } at)
        {
            // No mid (older postbacks): one resident cannot send two events in the same millisecond.
            var key = string.Create(CultureInfo.InvariantCulture, $"{kind}:{psid}:{at.ToUnixTimeMilliseconds()}");
            return new MessengerEvent(psid, text, key, timestamp);
        }
        return MessengerEvent.Skip($"{kind} without mid or timestamp: cannot be de-duplicated");
    }

    private static string? QuickReplyPayload(JsonElement message) =>
        message.TryGetProperty("quick_reply", out var quickReply) && quickReply.ValueKind == JsonValueKind.Object
            && String(quickReply, "payload") is { Length: > 0 } payload
            ? payload
            : null;

    /// <summary>sender.id as a string (ids stay strings even if a sender writes them as numbers).</summary>
    private static string? SenderId(JsonElement ev)
    {
        if (!ev.TryGetProperty("sender", out var sender) || sender.ValueKind != JsonValueKind.Object || !sender.TryGetProperty("id", out var id))
        {
            return null;
        }
        var value = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
        return value is { Length: > 0 and <= MaxIdLength } && !value.Any(char.IsWhiteSpace) ? value : null;
    }

    // The chat plugin's visitors have a user_ref instead of a PSID; they cannot be answered by PSID.
    private static string NoSender(JsonElement ev) =>
        ev.TryGetProperty("sender", out var sender) && sender.ValueKind == JsonValueKind.Object && sender.TryGetProperty("user_ref", out _)
            ? "sender is a chat plugin user_ref, not a PSID"
            : "no sender.id";

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
}
