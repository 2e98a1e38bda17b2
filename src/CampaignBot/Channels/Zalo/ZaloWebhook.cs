using Campaign.Hosting.Http;
using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// POST /zalo/webhook: every OA event. Nothing is acted on before the signature checks out. A
/// resident's message goes to the conversation engine (replies are queued, so Zalo gets its 200 at
/// once); follow subscribes, unfollow opts out; anything else is acknowledged and ignored.
/// <para>
/// Refusals: 401 for a missing or wrong signature or another app's event, 400 for a body that is not
/// an event, 413 over <see cref="MaxBodyBytes"/>, 503 when Redis is down (Zalo retries).
/// </para>
/// </summary>
public sealed partial class ZaloWebhook(
    IOptions<ZaloOptions> options,
    ChatInbox inbox,
    ZaloFollowers followers,
    TimeProvider time,
    ILogger<ZaloWebhook> logger)
{
    /// <summary>Zalo's events are a few hundred bytes (a text message is at most 2000 characters); the global cap is 256 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly string ChannelKey = Channel.Zalo.Key();

    private readonly string _appId = options.Value.AppId;
    private readonly ZaloSignature _signature = new(options.Value.AppId, options.Value.OaSecretKey);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var signature = context.Request.Headers[ZaloSignature.Header].ToString();
        if (signature.Length == 0)
        {
            return Refuse(StatusCodes.Status401Unauthorized, $"{ZaloSignature.Header} is missing");
        }
        if (await ReadBodyAsync(context) is not { } body)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"body is larger than {MaxBodyBytes / 1024} KiB");
        }
        if (!ZaloEvent.TryParse(body, out var parsed, out var error))
        {
            return Refuse(StatusCodes.Status400BadRequest, error);
        }
        var e = parsed!;
        if (!_signature.IsValid(body, e.Timestamp, signature))
        {
            // The body is not logged: it is unauthenticated and may hold a resident's id and words.
            return Refuse(StatusCodes.Status401Unauthorized, $"{ZaloSignature.Header} does not match");
        }
        if (e.AppId is { } appId && appId != _appId)
        {
            return Refuse(StatusCodes.Status401Unauthorized, "app_id is not this app's");
        }

        try
        {
            return await DispatchAsync(context, e);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogRedisDown(logger, ex, e.EventName);
            return TryLater(context, "storage unavailable; try again");
        }
    }

    private async Task<IResult> DispatchAsync(HttpContext context, ZaloEvent e)
    {
        var at = ReceivedAt(e);
        InboundResult result;
        if (e.EventName == ZaloEvent.Follow || e.EventName == ZaloEvent.Unfollow)
        {
            if (e.FollowerId is not { Length: > 0 } followerId)
            {
                return Refuse(StatusCodes.Status400BadRequest, "follower.id is required");
            }
            result = e.EventName == ZaloEvent.Follow
                ? await followers.FollowAsync(e, followerId, at)
                : await followers.UnfollowAsync(e, followerId, at);
            var follower = PhoneMask.MaskAddress(ChannelKey, followerId);
            LogFollow(logger, e.EventName, follower, result.Disposition);
        }
        else if (e.EventName.StartsWith(ZaloEvent.UserSendPrefix, StringComparison.Ordinal))
        {
            if (e.SenderId is not { Length: > 0 } senderId)
            {
                return Refuse(StatusCodes.Status400BadRequest, "sender.id is required");
            }
            if (e.MessageId is not { Length: > 0 } messageId)
            {
                return Refuse(StatusCodes.Status400BadRequest, "message.msg_id is required");
            }
            // An image or sticker reaches the engine with no text, which answers it with how to ask in words.
            var text = e.EventName == ZaloEvent.UserSendText ? e.Text ?? "" : "";
            // Not the request's token: once started, the step finishes and is remembered even if Zalo hangs up.
            result = await inbox.ReceiveAsync(new InboundMessage(Channel.Zalo, senderId, text, at, messageId), CancellationToken.None);
            var sender = PhoneMask.MaskAddress(ChannelKey, senderId);
            LogMessage(logger, e.EventName, sender, result.Disposition);
        }
        else
        {
            LogIgnored(logger, e.EventName);
            return Results.Ok();
        }

        return result.Disposition == InboundDisposition.InProgress
            ? TryLater(context, "this event is being handled; try again")
            : Results.Ok();
    }

    /// <summary>Zalo's time for the event (a retry hours later must not move the resident's window), never later than now.</summary>
    private DateTimeOffset ReceivedAt(ZaloEvent e)
    {
        var now = time.GetUtcNow();
        return e.OccurredAt is { } occurred && occurred < now ? occurred : now;
    }

    private IResult Refuse(int status, string detail)
    {
        LogRefused(logger, status, detail);
        return Results.Problem(statusCode: status, detail: detail);
    }

    private static IResult TryLater(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "5";
        return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: detail);
    }

    private static Task<byte[]?> ReadBodyAsync(HttpContext context) => CappedBody.ReadAsync(context, MaxBodyBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo webhook refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo {Event} from {Sender}: {Disposition}")]
    private static partial void LogMessage(ILogger logger, string @event, string sender, InboundDisposition disposition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo {Event} by {Follower}: {Disposition}")]
    private static partial void LogFollow(ILogger logger, string @event, string follower, InboundDisposition disposition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zalo {Event} acknowledged and ignored")]
    private static partial void LogIgnored(ILogger logger, string @event);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo {Event} not handled: Redis unavailable")]
    private static partial void LogRedisDown(ILogger logger, Exception exception, string @event);
}
