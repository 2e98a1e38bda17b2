using System.Text.RegularExpressions;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;

namespace CampaignBot.Channels.WebChat;

/// <summary>
/// <c>/chat</c> and its API. A browser session (an id the page makes up and keeps in local storage)
/// is the resident's address; each message goes through <see cref="ChatInbox"/> like any channel's,
/// and the replies come back in the response.
/// </summary>
internal static partial class WebChatEndpoints
{
    private const int MaxTextLength = 2000;
    private const long MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chat", Page).ExcludeFromDescription();
        app.MapGet("/chat/api/ui", (ContentStore content) => TypedResults.Ok(content.Current.WebChatTexts));
        app.MapPost("/chat/api/messages", SendAsync)
            .WithMaxBodySize(MaxBodyBytes)
            .RequireRateLimiting(WebChatChannel.RateLimitPolicy);
        return app;
    }

    private static IResult Page()
    {
        var stream = typeof(WebChatEndpoints).Assembly.GetManifestResourceStream("CampaignBot.Channels.WebChat.webchat.html")
            ?? throw new InvalidOperationException("webchat.html is not embedded");
        return Results.Stream(stream, "text/html; charset=utf-8");
    }

    private static async Task<IResult> SendAsync(ChatMessage? body, ChatInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body?.Session is not { } session || !SessionId().IsMatch(session))
        {
            return Problem("session", "the page's session id: 8-64 letters, digits or dashes");
        }
        if (body.Id is not { Length: > 0 and <= 64 } id)
        {
            return Problem("id", "give each message an id (1-64 characters) so a retried send is not handled twice");
        }
        if (body.Text is null)
        {
            return Problem("text", "the message text is missing");
        }
        if (body.Text.Length > MaxTextLength)
        {
            return Problem("text", $"a message is at most {MaxTextLength} characters");
        }

        InboundResult result;
        try
        {
            result = await inbox.ReceiveInlineAsync(new InboundMessage(Channel.WebChat, session, body.Text, time.GetUtcNow(), $"{session}:{id}"), cancellationToken);
        }
        catch (RedisException)
        {
            return TypedResults.Problem("the service is busy; try again in a moment", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return result.Disposition == InboundDisposition.InProgress
            ? TypedResults.Problem("the same message is being handled; try again", statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new
            {
                disposition = result.Disposition.ToString().ToLowerInvariant(),
                replies = result.Replies,
                choices = result.Choices.Select(c => new { label = c.Label, value = c.Value }),
            });
    }

    private static ProblemHttpResult Problem(string field, string detail) =>
        TypedResults.Problem(detail, title: $"invalid {field}", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex SessionId();

    /// <summary>What the page posts.</summary>
    internal sealed record ChatMessage(string? Session, string? Id, string? Text);
}
