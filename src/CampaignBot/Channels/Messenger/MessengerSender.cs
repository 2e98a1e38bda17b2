using Campaign.Hosting.Http;
using System.Globalization;
using System.Net.Http.Headers;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// Sends one reply through the Send API (<c>POST /{version}/{page}/messages</c>) and maps every answer,
/// and every failure to get one, to a <see cref="SendResult"/>. The Page token goes in the
/// Authorization header, never in the URL, so no request log or trace can show it.
/// </summary>
public sealed partial class MessengerSender(
    IHttpClientFactory httpClients,
    IOptions<MessengerOptions> options,
    StandardWindow window,
    TimeProvider time,
    ILogger<MessengerSender> logger) : IChannelSender
{
    /// <summary>The named HttpClient; its timeout is <see cref="MessengerOptions.RequestTimeout"/>.</summary>
    public const string HttpClientName = "messenger";

    public const string ProviderName = "messenger";

    public string Name => ProviderName;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await OutsideWindowAsync(message) is { } skipped)
        {
            return skipped;
        }

        using var content = new WireTrackingContent(new ByteArrayContent(SendApiMessage.Build(message))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.MessagesUrl) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.PageAccessToken);

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return SendApiAnswer.Read(response.StatusCode, body, response.Headers.RetryAfter, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // our caller gave up; that is not Meta's answer
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var timedOut = ex is OperationCanceledException;
            var psid = Masked(message);
            var reason = ex.Message;
            if (!content.Started)
            {
                LogNotSent(logger, message.DeliveryId, psid, reason);
                return new SendResult(SendOutcome.RetryLater, ErrorCode: timedOut ? "connect_timeout" : "connect_failed", Error: reason);
            }
            LogNoAnswer(logger, message.DeliveryId, psid, reason);
            return new SendResult(SendOutcome.Unknown, ErrorCode: timedOut ? "timeout" : "no_answer", Error: reason);
        }
    }

    /// <summary>
    /// Skipped without calling Meta when the resident last wrote longer ago than the standard window
    /// (Meta would refuse with 10/2018278). If Redis cannot say, Meta decides.
    /// </summary>
    private async Task<SendResult?> OutsideWindowAsync(OutgoingMessage message)
    {
        DateTimeOffset? last;
        try
        {
            last = await window.LastInboundAtAsync(message.Address);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogWindowUnknown(logger, ex, message.DeliveryId);
            return null;
        }
        if (window.IsOpen(last))
        {
            return null;
        }
        var since = last is { } at ? $"last wrote at {at.ToString("O", CultureInfo.InvariantCulture)}" : "has never written to the Page";
        return new SendResult(SendOutcome.OutsideWindow, ErrorCode: "outside_window",
            Error: $"the resident {since}; Messenger allows messages only within {window.Length} of that");
    }

    private static string Masked(OutgoingMessage message) => PhoneMask.MaskAddress(Channel.Messenger.Key(), message.Address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send API not reached for delivery {Delivery} to {Psid}: {Reason}; safe to retry")]
    private static partial void LogNotSent(ILogger logger, string delivery, string psid, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send API did not answer for delivery {Delivery} to {Psid}: {Reason}; it may have been sent")]
    private static partial void LogNoAnswer(ILogger logger, string delivery, string psid, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "standard window of delivery {Delivery} unknown (Redis unavailable); sending, Meta decides")]
    private static partial void LogWindowUnknown(ILogger logger, Exception exception, string delivery);
}
