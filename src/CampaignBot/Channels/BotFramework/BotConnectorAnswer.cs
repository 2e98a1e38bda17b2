using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Campaign.Core.Delivery;

namespace CampaignBot.Channels.BotFramework;

/// <summary>The connector's answer to a posted activity, read as a <see cref="SendResult"/>: what the dispatcher should do next.</summary>
public static class BotConnectorAnswer
{
    /// <summary>Teams: the user blocked the bot (403). They said stop, as plainly as a chat lets them.</summary>
    public const string ConversationBlockedByUser = "ConversationBlockedByUser";

    /// <summary>Teams: the bot is not in that conversation (403); this conversation, not our credentials.</summary>
    public const string BotNotInConversationRoster = "BotNotInConversationRoster";

    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The response body: <c>{"id":...}</c> on success, <c>{"error":{"code","message"}}</c> on failure, anything from a proxy.</param>
    /// <param name="retryAfter">The Retry-After header, if any.</param>
    /// <param name="now">To turn a Retry-After date into a wait.</param>
    public static SendResult Read(HttpStatusCode status, string body, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var code = (int)status;
        var json = Parse(body);
        if (code is >= 200 and < 300)
        {
            return SendResult.Accepted(json.Id);
        }

        var errorCode = json.Code ?? $"http_{code}";
        var error = json.Message ?? $"HTTP {code} from the Bot Connector";
        SendResult Result(SendOutcome outcome, TimeSpan? wait = null) => new(outcome, ErrorCode: errorCode, Error: error, RetryAfter: wait);

        return (json.Code, code) switch
        {
            (ConversationBlockedByUser, 403) => Result(SendOutcome.RecipientOptedOut),
            (BotNotInConversationRoster, 403) => Result(SendOutcome.Rejected),
            (_, 401 or 403) => Result(SendOutcome.Unauthorized),
            // 412: "precondition failed, try again" (concurrent writes to one conversation); 429: throttled.
            (_, 412 or 429 or (>= 500 and < 600)) => Result(SendOutcome.RetryLater, Wait(retryAfter, now)),
            // 404: the conversation is gone; other 4xx: this activity will never be taken.
            (_, >= 400 and < 500) => Result(SendOutcome.Rejected),
            // A redirect or anything else unexpected: the connector may or may not have posted it.
            _ => Result(SendOutcome.Unknown),
        };
    }

    /// <summary>Retry-After as seconds or as an HTTP date.</summary>
    public static TimeSpan? Wait(RetryConditionHeaderValue? retryAfter, DateTimeOffset now) => retryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static (string? Id, string? Code, string? Message) Parse(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }
            var id = Text(root, "id");
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (id, Text(error, "code"), Text(error, "message"));
            }
            return (id, null, null);
        }
        catch (JsonException)
        {
            return default; // an empty 200, a proxy's HTML error page
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
