using System.Text.Json;
using Campaign.Core.Campaigns;

namespace CampaignBot.Console;

/// <summary>
/// Request bodies read with <see cref="CampaignJson.Options"/>, the same shape as stored campaigns,
/// so the validator's field paths are the body's; unreadable JSON becomes a 400 naming where.
/// </summary>
internal static class AdminJson
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, bool optional = false) where T : class
    {
        if (optional && request.ContentLength is 0 or null && request.Headers.TransferEncoding.Count == 0)
        {
            return (null, null);
        }
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, CampaignJson.Options, request.HttpContext.RequestAborted);
            return body is null && !optional
                ? (null, AdminProblems.Invalid("$", "the body is empty; send a JSON object", "Unreadable request body"))
                : (body, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : e.Path ?? "$";
            return (null, AdminProblems.Invalid(field, "not readable here: " + FirstSentence(e.Message), "Unreadable request body"));
        }
        catch (NotSupportedException e)
        {
            // An abstract type without its discriminator, e.g. a schedule without "kind".
            return (null, AdminProblems.Invalid("schedule.kind", "missing or unknown; use oneOff, recurring or drip (" + FirstSentence(e.Message) + ")", "Unreadable request body"));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
