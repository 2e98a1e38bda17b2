using Campaign.Hosting.Http;
using System.Net.Http.Headers;
using System.Text;
using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using Microsoft.Extensions.Options;
using SmsGateway.Sending;

namespace SmsGateway.Twilio;

/// <summary>
/// Sends one SMS through Twilio's REST API (Create Message), asking for status callbacks at our
/// public URL, and maps every answer (and every failure to get one) to a <see cref="SendResult"/>.
/// </summary>
public sealed partial class TwilioClient(
    IHttpClientFactory httpClients,
    IOptions<TwilioOptions> options,
    TimeProvider time,
    ILogger<TwilioClient> logger) : ISmsProvider
{
    /// <summary>The named HttpClient; its timeout is <see cref="TwilioOptions.RequestTimeout"/>.</summary>
    public const string HttpClientName = "twilio";

    public string Name => SmsProviderOptions.Twilio;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var content = new WireTrackingContent(new FormUrlEncodedContent(Fields(settings, message)));
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl(settings)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return TwilioSendAnswer.Read(response.StatusCode, body, response.Headers.RetryAfter, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // our caller gave up; that is not Twilio's answer
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var timedOut = ex is OperationCanceledException;
            var masked = PhoneMask.Mask(message.Address);
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

    /// <summary>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json: the .json suffix gets JSON instead of XML.</summary>
    public static Uri MessagesUrl(TwilioOptions settings) =>
        new($"{settings.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json");

    private static List<KeyValuePair<string, string>> Fields(TwilioOptions settings, OutgoingMessage message)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", message.Address) };
        fields.Add(string.IsNullOrWhiteSpace(settings.MessagingServiceSid)
            ? new("From", settings.From!)
            : new("MessagingServiceSid", settings.MessagingServiceSid));
        fields.Add(new("Body", message.Text));
        fields.Add(new("StatusCallback", settings.StatusCallbackFor(message.DeliveryId)));
        return fields;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio not reached for delivery {Delivery} to {To}: {Reason}; safe to retry")]
    private static partial void LogNotSent(ILogger logger, string delivery, string to, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio did not answer for delivery {Delivery} to {To}: {Reason}; it may have been sent")]
    private static partial void LogNoAnswer(ILogger logger, string delivery, string to, string reason);
}
