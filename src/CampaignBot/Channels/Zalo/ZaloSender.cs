using Campaign.Hosting.Http;
using System.Text;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// Sends a text (and its choices as buttons) to a resident as an OA consultation message:
/// <c>POST {ApiBaseUrl}/v3.0/oa/message/cs</c> with the OA token in an <c>access_token</c> header.
/// An expired-token answer gets one refresh and one retry. Every answer, and every failure to get
/// one, becomes a <see cref="SendResult"/>; nothing is thrown for Zalo's errors.
/// </summary>
public sealed partial class ZaloSender(
    IHttpClientFactory httpClients,
    IOptions<ZaloOptions> options,
    ZaloTokens tokens,
    ZaloErrorCodes codes,
    ILogger<ZaloSender> logger) : IChannelSender
{
    public const string ProviderName = "zalo";

    private static readonly string ChannelKey = Channel.Zalo.Key();

    public string Name => ProviderName;

    public static Uri MessageUrl(ZaloOptions settings) => new($"{settings.ApiBaseUrl.TrimEnd('/')}/v3.0/oa/message/cs");

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var buttons = options.Value.ChoiceButtons && ZaloConsultationMessage.FitsButtons(message.Choices) ? message.Choices : null;
        try
        {
            var token = await tokens.AccessTokenAsync(cancellationToken);
            var (answer, failure) = await PostAsync(token, message, buttons, cancellationToken);
            if (answer is not null && answer.IsTokenError(codes))
            {
                var rejected = answer;
                var renewal = await tokens.RenewAsync(token, cancellationToken);
                if (renewal.Tokens is null)
                {
                    return RefreshFailed(rejected, renewal);
                }
                token = renewal.Tokens.AccessToken;
                (answer, failure) = await PostAsync(token, message, buttons, cancellationToken);
            }
            if (answer is not null && buttons is not null && answer.Error == ZaloSendAnswer.InvalidParameter)
            {
                // The buttons' shape is not confirmed by Zalo's own docs: if they are what is refused,
                // the numbered text alone still answers the resident. Safe: the refused message was not sent.
                LogButtonsRefused(logger, message.DeliveryId, answer.Message ?? "");
                (answer, failure) = await PostAsync(token, message, null, cancellationToken);
            }
            return answer?.ToResult(codes) ?? failure!;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // The token could not be read or renewed, so nothing was sent.
            return new SendResult(SendOutcome.RetryLater, ErrorCode: "token_store_unavailable", Error: ex.Message);
        }
    }

    private static SendResult RefreshFailed(ZaloSendAnswer rejected, ZaloRefreshResult renewal)
    {
        var error = $"access token refused ({rejected.Error}: {rejected.Message}); refresh: {renewal.ErrorCode} {renewal.Error}";
        return renewal.Outcome == ZaloRefreshOutcome.Refused
            ? new SendResult(SendOutcome.Unauthorized, ErrorCode: renewal.ErrorCode, Error: error)
            : new SendResult(SendOutcome.RetryLater, ErrorCode: renewal.ErrorCode, Error: error);
    }

    /// <summary>One POST: Zalo's answer, or (when none came) what that means for the delivery.</summary>
    private async Task<(ZaloSendAnswer? Answer, SendResult? Failure)> PostAsync(
        string accessToken, OutgoingMessage message, IReadOnlyList<ReplyChoice>? buttons, CancellationToken cancellationToken)
    {
        var json = ZaloConsultationMessage.Body(message.Address, message.Text, buttons);
        using var content = new WireTrackingContent(new StringContent(json, Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, MessageUrl(options.Value)) { Content = content };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        try
        {
            using var response = await httpClients.CreateClient(ZaloChannel.HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (ZaloSendAnswer.Read((int)response.StatusCode, body), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // our caller gave up; that is not Zalo's answer
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var timedOut = ex is OperationCanceledException;
            var masked = PhoneMask.MaskAddress(ChannelKey, message.Address);
            var reason = ex.Message;
            if (!content.Started)
            {
                LogNotSent(logger, message.DeliveryId, masked, reason);
                return (null, new SendResult(SendOutcome.RetryLater, ErrorCode: timedOut ? "connect_timeout" : "connect_failed", Error: reason));
            }
            LogNoAnswer(logger, message.DeliveryId, masked, reason);
            return (null, new SendResult(SendOutcome.Unknown, ErrorCode: timedOut ? "timeout" : "no_answer", Error: reason));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo refused the buttons of delivery {Delivery} ({Reason}); sent as numbered text. Set Zalo:ChoiceButtons=false if this repeats")]
    private static partial void LogButtonsRefused(ILogger logger, string delivery, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo not reached for delivery {Delivery} to {To}: {Reason}; safe to retry")]
    private static partial void LogNotSent(ILogger logger, string delivery, string to, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo did not answer for delivery {Delivery} to {To}: {Reason}; it may have been sent")]
    private static partial void LogNoAnswer(ILogger logger, string delivery, string to, string reason);
}
