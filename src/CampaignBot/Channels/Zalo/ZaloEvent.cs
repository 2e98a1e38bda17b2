using System.Globalization;
using System.Text.Json;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// One OA webhook event, read leniently: only the fields we use, unknown ones ignored. Ids stay
/// strings (they are 64-bit numbers a double would round); a number where a string was expected
/// is kept as its digits.
/// </summary>
/// <param name="EventName">user_send_text, follow, unfollow, user_seen_message ...</param>
/// <param name="AppId">The app the event was sent for.</param>
/// <param name="Timestamp">Milliseconds since the epoch, as written (a string in Zalo's payloads); part of the signature.</param>
/// <param name="SenderId">sender.id: the resident on user_send_* events (the OA on oa_send_*).</param>
/// <param name="FollowerId">follower.id on follow / unfollow.</param>
/// <param name="OaId">oa_id, or recipient.id on message events.</param>
/// <param name="MessageId">message.msg_id.</param>
/// <param name="Text">message.text.</param>
/// <param name="Source">source of a follow (where the resident followed from).</param>
public sealed record ZaloEvent(
    string EventName,
    string? AppId,
    string Timestamp,
    string? SenderId,
    string? FollowerId,
    string? OaId,
    string? MessageId,
    string? Text,
    string? Source)
{
    public const string UserSendText = "user_send_text";
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";

    /// <summary>Events a resident sends: user_send_text, user_send_image, user_send_sticker ...</summary>
    public const string UserSendPrefix = "user_send_";

    /// <summary>When it happened per Zalo, if <see cref="Timestamp"/> reads as milliseconds.</summary>
    public DateTimeOffset? OccurredAt =>
        long.TryParse(Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253_402_300_800_000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>Reads the body; false with a reason a provider's developer would understand.</summary>
    public static bool TryParse(byte[] body, out ZaloEvent? parsed, out string error)
    {
        parsed = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            error = $"body is not valid JSON: {ex.Message}";
            return false;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "body must be a JSON object";
                return false;
            }
            if (Field(root, "event_name") is not { Length: > 0 } eventName)
            {
                error = "event_name is required";
                return false;
            }
            if (Field(root, "timestamp") is not { Length: > 0 } timestamp)
            {
                error = "timestamp is required (it is part of the signature)";
                return false;
            }
            var message = Child(root, "message");
            parsed = new ZaloEvent(
                eventName,
                Field(root, "app_id"),
                timestamp,
                Field(Child(root, "sender"), "id"),
                Field(Child(root, "follower"), "id"),
                Field(root, "oa_id") ?? Field(Child(root, "recipient"), "id"),
                Field(message, "msg_id"),
                Field(message, "text"),
                Field(root, "source"));
            error = "";
            return true;
        }
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? Field(JsonElement? parent, string name) =>
        parent is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty(name, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
}
