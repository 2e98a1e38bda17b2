using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace SmsGateway.Android;

/// <summary>
/// One webhook from the phone: the envelope <c>{"deviceId","event","id","payload","webhookId"}</c>.
/// <see cref="Id"/> is unique per event and stays the same when the phone retries, so it is what we
/// de-duplicate on.
/// </summary>
public sealed record AndroidWebhookEvent(string Id, string EventName, string? DeviceId, string? WebhookId, JsonElement Payload)
{
    /// <summary>Parses the raw body; on failure <paramref name="problem"/> says what is wrong (never the body itself).</summary>
    public static bool TryParse(byte[] body, out AndroidWebhookEvent? webhookEvent, out string problem)
    {
        webhookEvent = null;
        if (!Utf8.IsValid(body))
        {
            problem = "body is not valid UTF-8";
            return false;
        }

        JsonElement root;
        try
        {
            using var json = JsonDocument.Parse(body);
            root = json.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            problem = string.Create(CultureInfo.InvariantCulture, $"body is not valid JSON (line {line}, byte {position})");
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "body is not a JSON object";
            return false;
        }
        if (Text(root, "id") is not { Length: > 0 } id)
        {
            problem = "id is required";
            return false;
        }
        if (Text(root, "event") is not { Length: > 0 } eventName)
        {
            problem = "event is required";
            return false;
        }
        if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            problem = "payload is required (an object)";
            return false;
        }

        webhookEvent = new AndroidWebhookEvent(id, eventName, Text(root, "deviceId"), Text(root, "webhookId"), payload);
        problem = "";
        return true;
    }

    /// <summary>A string field of the payload; null when absent, null or not a string.</summary>
    public string? PayloadText(string name) => Text(Payload, name);

    /// <summary>A date of the payload (the app writes <c>yyyy-MM-ddTHH:mm:ss.SSS+07:00</c>); null when absent or unreadable.</summary>
    public DateTimeOffset? PayloadDate(string name) =>
        DateTimeOffset.TryParse(PayloadText(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
