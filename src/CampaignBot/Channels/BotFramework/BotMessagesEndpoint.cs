using Campaign.Hosting.Http;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// POST /api/messages: the Bot Framework messaging endpoint. The token is checked first (with an app
/// id), then the body is read and tied to the token (endorsements, serviceUrl); only then is anything
/// stored. A message becomes one conversation step through <see cref="ChatInbox"/>, whose replies go
/// out through the outbox and <see cref="BotConnectorSender"/>; a conversationUpdate that adds a
/// resident greets them. The answer is an empty 200 at once, for every type, known or not.
/// </summary>
public sealed partial class BotMessagesEndpoint(
    ChannelTokenValidator tokens,
    ConversationReferenceStore references,
    SubscriberStore subscribers,
    ChatInbox inbox,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<BotMessagesEndpoint> logger)
{
    public const string Route = "/api/messages";

    /// <summary>An activity is a few KiB; the server-wide cap is the same.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ChannelIdentity? identity = null;
        if (!options.Value.IsEmulatorMode)
        {
            try
            {
                (identity, var refusal) = await tokens.ValidateAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted);
                if (identity is null)
                {
                    return Unauthorized(context, refusal!);
                }
            }
            catch (OpenIdMetadataUnavailableException ex)
            {
                LogNoKeys(logger, ex.Message);
                return TryLater(context, "the channel's signing keys cannot be fetched now; try again");
            }
        }
        else if (context.Request.Headers.Authorization.Count > 0)
        {
            // As the SDKs do: with no app id, only token-less requests (the local Emulator) are let in.
            return Unauthorized(context, "a token was sent but Bot:MicrosoftAppId is not set (local emulator mode takes requests without a token)");
        }

        if (await ReadBodyAsync(context) is not { } body)
        {
            return Problem(HttpStatusCode.RequestEntityTooLarge, $"body is larger than {MaxBodyBytes / 1024} KiB");
        }
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return Problem(HttpStatusCode.BadRequest, $"body is not a JSON Activity: {ex.Message}");
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Problem(HttpStatusCode.BadRequest, "body is not a JSON Activity: type is missing");
        }

        if (identity is not null && ChannelTokenValidator.Authorize(identity, activity) is { } mismatch)
        {
            return Unauthorized(context, mismatch);
        }
        if (identity is null && activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate && !IsLoopback(activity.ServiceUrl))
        {
            // Nothing vouches for an unauthenticated serviceUrl: in emulator mode we only ever call this machine.
            return Unauthorized(context, "in local emulator mode the serviceUrl must be on this machine (localhost)");
        }

        try
        {
            return activity.Type switch
            {
                ActivityTypes.Message => await MessageAsync(context, activity, body),
                ActivityTypes.ConversationUpdate => await ConversationUpdateAsync(context, activity, body),
                _ => Ignored(activity),
            };
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogRedisDown(logger, ex, activity.Type);
            return TryLater(context, "storage unavailable; try again");
        }
    }

    private async Task<IResult> MessageAsync(HttpContext context, Activity activity, byte[] body)
    {
        if (Missing(activity, activity.From?.Id, "from.id") is { } missing)
        {
            return missing;
        }
        var address = Address(activity.ChannelId!, activity.From!.Id!);
        await references.SaveAsync(address, ConversationReference.From(activity, activity.From));
        // Not the request's token: once started, the step finishes and is remembered even if the channel hangs up.
        var result = await inbox.ReceiveAsync(
            new InboundMessage(Channel.BotFramework, address, MessageText(activity), time.GetUtcNow(), MessageId(activity, body)), CancellationToken.None);
        return result.Disposition == InboundDisposition.InProgress
            ? TryLater(context, "this activity is being handled; try again")
            : Results.Ok();
    }

    /// <summary>Greets each resident added to the conversation (never the bot itself) whom we do not know yet.</summary>
    private async Task<IResult> ConversationUpdateAsync(HttpContext context, Activity activity, byte[] body)
    {
        var added = (activity.MembersAdded ?? [])
            .Where(m => !string.IsNullOrEmpty(m.Id) && !string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal))
            .ToArray();
        if (added.Length == 0)
        {
            return Ignored(activity);
        }
        if (Missing(activity, added[0].Id, "membersAdded.id") is { } missing)
        {
            return missing;
        }
        foreach (var member in added)
        {
            var address = Address(activity.ChannelId!, member.Id!);
            await references.SaveAsync(address, ConversationReference.From(activity, member));
            if (await subscribers.FindAsync(Channel.BotFramework, address) is not null)
            {
                continue; // they have talked to us before: no second welcome (the engine would say "empty message")
            }
            // An empty first message is what the engine answers with the welcome.
            var result = await inbox.ReceiveAsync(
                new InboundMessage(Channel.BotFramework, address, "", time.GetUtcNow(), $"{MessageId(activity, body)}:added:{member.Id}"), CancellationToken.None);
            if (result.Disposition == InboundDisposition.InProgress)
            {
                return TryLater(context, "this activity is being handled; try again");
            }
        }
        return Results.Ok();
    }

    /// <summary>Typing, event, invoke, endOfConversation, types yet to come: acknowledged, nothing done.</summary>
    private IResult Ignored(Activity activity)
    {
        LogIgnored(logger, activity.Type!);
        return Results.Ok();
    }

    /// <summary>A 400 when the activity lacks what a reply needs; null when it has it all.</summary>
    private IResult? Missing(Activity activity, string? userId, string userField)
    {
        var field = string.IsNullOrWhiteSpace(activity.ChannelId) ? "channelId"
            : string.IsNullOrWhiteSpace(userId) ? userField
            : string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "conversation.id"
            : !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) ? "serviceUrl"
            : null;
        if (field is null)
        {
            return null;
        }
        LogMalformed(logger, $"{activity.Type} activity without {field}");
        return Problem(HttpStatusCode.BadRequest, $"a {activity.Type} activity needs {field}");
    }

    /// <summary>The resident's address: their id on that channel. Ids are opaque (Teams' contain ':'), kept whole.</summary>
    public static string Address(string channelId, string userId) => $"{channelId}:{userId}";

    /// <summary>
    /// The text to hand the engine: <c>text</c>, or for a postBack/messageBack button that sent none,
    /// its <c>value</c> when that is a string or a number.
    /// </summary>
    private static string MessageText(Activity activity) =>
        !string.IsNullOrEmpty(activity.Text) ? activity.Text
        : activity.Value is { ValueKind: JsonValueKind.String } s ? s.GetString() ?? ""
        : activity.Value is { ValueKind: JsonValueKind.Number } n ? n.GetRawText()
        : "";

    /// <summary>
    /// The de-duplication key: activity ids are unique within a conversation, so the conversation is
    /// part of it. An activity without an id is keyed by its body's hash, which a retry repeats.
    /// </summary>
    private static string MessageId(Activity activity, byte[] body) =>
        $"{activity.ChannelId}:{activity.Conversation?.Id}:" + (string.IsNullOrEmpty(activity.Id) ? "sha256-" + Convert.ToHexStringLower(SHA256.HashData(body)) : activity.Id);

    private static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) && url.IsLoopback;

    private IResult Unauthorized(HttpContext context, string reason)
    {
        // The body is not logged: it is unauthenticated and may hold a resident's words.
        LogRefused(logger, reason);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problem(HttpStatusCode.Unauthorized, reason);
    }

    private static IResult TryLater(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problem(HttpStatusCode.ServiceUnavailable, detail);
    }

    private static IResult Problem(HttpStatusCode status, string detail) => Results.Problem(statusCode: (int)status, detail: detail);

    private static Task<byte[]?> ReadBodyAsync(HttpContext context) => CappedBody.ReadAsync(context, MaxBodyBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework activity refused (401): {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework activity malformed (400): {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot Framework activity of type {Type} acknowledged and ignored")]
    private static partial void LogIgnored(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework signing keys unavailable; activity answered 503: {Reason}")]
    private static partial void LogNoKeys(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework {Type} activity not handled: Redis unavailable")]
    private static partial void LogRedisDown(ILogger logger, Exception exception, string type);
}
