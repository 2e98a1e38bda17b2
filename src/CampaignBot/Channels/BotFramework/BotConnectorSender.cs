using Campaign.Hosting.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// Posts a reply or campaign message into a resident's conversation through the Bot Connector of its
/// channel (the serviceUrl stored in their <see cref="ConversationReference"/>), with a bearer token
/// unless in local emulator mode, and maps every answer (and every failure to get one) to a
/// <see cref="SendResult"/>.
/// </summary>
public sealed partial class BotConnectorSender(
    ConversationReferenceStore references,
    MicrosoftAppCredentials credentials,
    IHttpClientFactory httpClients,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<BotConnectorSender> logger) : IChannelSender
{
    /// <summary>The named HttpClient for the connector, the token endpoint and the metadata; its timeout is <see cref="BotFrameworkOptions.RequestTimeout"/>.</summary>
    public const string HttpClientName = "botframework";

    public string Name => "botframework";

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var masked = PhoneMask.MaskAddress(Channel.BotFramework.Key(), message.Address);
        ConversationReference? reference;
        try
        {
            reference = await references.FindAsync(message.Address);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return new SendResult(SendOutcome.RetryLater, ErrorCode: "storage_unavailable", Error: ex.Message);
        }
        if (reference is null)
        {
            LogNoReference(logger, message.DeliveryId, masked);
            return new SendResult(SendOutcome.Rejected, ErrorCode: "no_reference", Error: "no conversation reference");
        }

        string? token = null;
        if (!options.Value.IsEmulatorMode)
        {
            (token, var failure) = await credentials.GetTokenAsync(cancellationToken);
            if (failure is not null)
            {
                return failure;
            }
        }

        using var content = new WireTrackingContent(new StringContent(
            JsonSerializer.Serialize(ActivityFor(reference, message), BotFrameworkJson.Options), Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, ActivitiesUrl(reference)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var result = BotConnectorAnswer.Read(response.StatusCode, body, response.Headers.RetryAfter, time.GetUtcNow());
            if (result.Outcome == SendOutcome.Unauthorized)
            {
                credentials.Invalidate(); // the next attempt after the pause asks for a fresh token
            }
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // our caller gave up; that is not the connector's answer
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var timedOut = ex is OperationCanceledException;
            var reason = ex.Message;
            if (!content.Started)
            {
                LogNotSent(logger, message.DeliveryId, masked, reason);
                return new SendResult(SendOutcome.RetryLater, ErrorCode: timedOut ? "connect_timeout" : "connect_failed", Error: reason);
            }
            LogNoAnswer(logger, message.DeliveryId, masked, reason);
            return new SendResult(SendOutcome.Unknown, ErrorCode: timedOut ? "timeout" : "no_answer", Error: reason);
        }
    }

    /// <summary>
    /// <c>{serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c> ("reply to activity")
    /// when we know the resident's last activity, else <c>.../activities</c> ("send to conversation").
    /// Replying is what the SDKs do for a turn's answers and keeps threads where a channel has them
    /// (Teams); in a one-to-one conversation, where campaigns go too, both read the same.
    /// </summary>
    public static Uri ActivitiesUrl(ConversationReference reference)
    {
        var url = $"{reference.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(reference.Conversation.Id ?? "")}/activities";
        return new Uri(string.IsNullOrEmpty(reference.ActivityId) ? url : $"{url}/{Uri.EscapeDataString(reference.ActivityId)}");
    }

    /// <summary>The message activity: from the bot to the user, in their conversation; choices as imBack buttons.</summary>
    public static Activity ActivityFor(ConversationReference reference, OutgoingMessage message) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = reference.ChannelId,
        From = reference.Bot,
        Recipient = reference.User,
        Conversation = reference.Conversation,
        Locale = reference.Locale,
        ReplyToId = string.IsNullOrEmpty(reference.ActivityId) ? null : reference.ActivityId,
        Text = message.Text,
        TextFormat = "plain",
        SuggestedActions = message.Choices is { Count: > 0 } choices
            ? new SuggestedActions
            {
                To = reference.User.Id is { } userId ? [userId] : null,
                Actions = [.. choices.Select(c => new CardAction { Type = CardAction.ImBack, Title = c.Label, Value = c.Value })],
            }
            : null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework delivery {Delivery} to {Address}: no conversation reference stored")]
    private static partial void LogNoReference(ILogger logger, string delivery, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector not reached for delivery {Delivery} to {Address}: {Reason}; safe to retry")]
    private static partial void LogNotSent(ILogger logger, string delivery, string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector did not answer for delivery {Delivery} to {Address}: {Reason}; it may have been posted")]
    private static partial void LogNoAnswer(ILogger logger, string delivery, string address, string reason);
}
