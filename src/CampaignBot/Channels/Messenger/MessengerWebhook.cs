using Campaign.Hosting.Http;
using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// POST /messenger/webhook: a Page's events. The signature is checked over the raw body before
/// anything is parsed (missing: 401; wrong: 403); then every entry and every event is read, and each
/// text, quick reply, attachment or postback takes one conversation step through <see cref="ChatInbox"/>,
/// which de-duplicates on the mid and queues the replies for <see cref="MessengerSender"/>. Meta gets
/// its 200 as soon as the replies are queued; a repeated delivery of the same mid gets no second step.
/// </summary>
public sealed partial class MessengerWebhook(IOptions<MessengerOptions> options, ChatInbox inbox, TimeProvider time, ILogger<MessengerWebhook> logger)
{
    /// <summary>Meta batches events, each text at most 2000 characters; this is also the server-wide cap.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>What Meta's own examples answer; any 200 will do.</summary>
    public const string Received = "EVENT_RECEIVED";

    private readonly HubSignature _signature = new(options.Value.AppSecret);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var signature = context.Request.Headers[HubSignature.Header].ToString();
        if (signature.Length == 0)
        {
            LogRefused(logger, "no X-Hub-Signature-256");
            return Refuse(StatusCodes.Status401Unauthorized, "X-Hub-Signature-256 is missing");
        }
        if (await ReadBodyAsync(context) is not { } body)
        {
            LogRefused(logger, "body over the limit");
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"body is larger than {MaxBodyBytes / 1024} KiB");
        }
        if (!_signature.IsValid(body, signature))
        {
            // The body is not logged: it is unauthenticated and may hold a resident's words.
            LogRefused(logger, "X-Hub-Signature-256 does not match");
            return Refuse(StatusCodes.Status403Forbidden, "X-Hub-Signature-256 does not match");
        }
        if (!MessengerEnvelope.TryParse(body, out var envelope, out var error))
        {
            LogRefused(logger, error);
            return Refuse(StatusCodes.Status400BadRequest, error);
        }
        if (!string.Equals(envelope.ObjectType, MessengerEnvelope.PageObject, StringComparison.Ordinal))
        {
            // An Instagram or user subscription on the same app: not ours to answer (Meta's sample answers 404 too).
            var kind = envelope.ObjectType.Length <= 40 ? envelope.ObjectType : envelope.ObjectType[..40];
            LogRefused(logger, $"object '{kind}' is not a Page subscription");
            return Refuse(StatusCodes.Status404NotFound, $"object '{kind}' is not handled here; subscribe the Page");
        }
        return await ReceiveAsync(context, envelope);
    }

    /// <summary>A problem+json answer with the reason, the same shape for every refusal.</summary>
    public static IResult Refuse(int status, string detail) => Results.Problem(statusCode: status, detail: detail);

    private async Task<IResult> ReceiveAsync(HttpContext context, MessengerEnvelope envelope)
    {
        var now = time.GetUtcNow();
        var inProgress = false;
        foreach (var ev in envelope.Events)
        {
            if (!ev.IsInbound)
            {
                LogSkipped(logger, ev.Skipped!);
                continue;
            }
            // When the resident wrote (Meta's clock, never later than ours): the start of the 24 h window.
            var sentAt = ev.Timestamp is { } at && at < now ? at : now;
            try
            {
                // Not the request's token: once started, the step finishes and is remembered even if Meta hangs up.
                var result = await inbox.ReceiveAsync(new InboundMessage(Channel.Messenger, ev.Psid!, ev.Text, sentAt, ev.MessageId), CancellationToken.None);
                inProgress |= result.Disposition == InboundDisposition.InProgress;
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                // Events before this one are remembered as handled; Meta's retry of the batch repeats only the rest.
                var masked = PhoneMask.MaskAddress(Channel.Messenger.Key(), ev.Psid);
                LogRedisDown(logger, ex, masked);
                return TryLater(context, "storage unavailable; try again");
            }
        }
        if (inProgress)
        {
            return TryLater(context, "a message in this batch is being handled; try again");
        }
        return Results.Text(Received, "text/plain");
    }

    /// <summary>503 with Retry-After: nothing more was done, and Meta delivers the batch again.</summary>
    private static IResult TryLater(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "5";
        return Refuse(StatusCodes.Status503ServiceUnavailable, detail);
    }

    private static Task<byte[]?> ReadBodyAsync(HttpContext context) => CappedBody.ReadAsync(context, MaxBodyBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messenger webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Messenger event skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Messenger message from {Psid} not handled: Redis unavailable")]
    private static partial void LogRedisDown(ILogger logger, Exception exception, string psid);
}
