using Campaign.Hosting.Http;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Campaign.Core.Delivery;
using Campaign.Core.Phones;
using SmsGateway.Sending;

namespace SmsGateway.Android;

/// <summary>
/// Sends one SMS through the phone: <c>POST {BaseUrl}/messages</c> with Basic auth and our delivery
/// id as the message id. Every answer, and every transport failure, becomes a <see cref="SendResult"/>.
/// </summary>
public sealed partial class AndroidGatewayClient(
    IHttpClientFactory httpClients,
    AndroidGatewayOptions options,
    TimeProvider time,
    ILogger<AndroidGatewayClient> logger) : ISmsProvider
{
    public const string ProviderName = SmsProviderOptions.Android;

    /// <summary>The named <see cref="HttpClient"/> registered for the phone's API.</summary>
    public const string HttpClientName = "android-gateway";

    public string Name => ProviderName;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(new AndroidSendRequest(
            message.DeliveryId,
            new AndroidTextMessage(message.Text),
            [message.Address],
            WithDeliveryReport: true,
            options.SimNumber));
        using var content = new WireTrackingContent(new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        using var request = new HttpRequestMessage(HttpMethod.Post, options.MessagesUri) { Content = content };
        request.Headers.Authorization = BasicAuth(options.Username, options.Password);

        var http = httpClients.CreateClient(HttpClientName);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return Interpret(response, text, message.DeliveryId);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            var address = PhoneMask.Mask(message.Address);
            var what = ex switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => "was cancelled",
                OperationCanceledException => "timed out",
                _ => "failed",
            };
            if (!content.Started)
            {
                LogNotSent(logger, message.DeliveryId, address, what, ex.Message);
                return new SendResult(SendOutcome.RetryLater, ErrorCode: "unreachable", Error: $"phone API {what} before the message was sent: {ex.Message}");
            }
            LogMaybeSent(logger, message.DeliveryId, address, what, ex.Message);
            return new SendResult(SendOutcome.Unknown, ErrorCode: "no-answer", Error: $"phone API {what} after the message was sent: {ex.Message}");
        }
    }

    private SendResult Interpret(HttpResponseMessage response, string text, string deliveryId)
    {
        var status = (int)response.StatusCode;
        var code = status.ToString(CultureInfo.InvariantCulture);
        var (providerId, error, errorName) = ReadBody(text);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted:
                // The app answers with the id we sent; receipts carry it as messageId.
                return SendResult.Accepted(providerId ?? deliveryId);
            case HttpStatusCode.Conflict:
                // The phone already holds a message with this id: an earlier attempt of ours reached it
                // even though we never saw the answer. Sending again would text the resident twice; its
                // receipts will arrive under this same id.
                return SendResult.Accepted(deliveryId);
            case HttpStatusCode.BadRequest:
                return new SendResult(SendOutcome.Rejected, ErrorCode: code, Error: error ?? "the phone refused the message");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return new SendResult(SendOutcome.Unauthorized, ErrorCode: code, Error: "the phone refused AndroidGateway:Username/Password");
            case HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed:
                // No messages route at that address: a wrong AndroidGateway:BaseUrl. Pausing the provider
                // (as for bad credentials) keeps every delivery queued and shows the problem in /readyz.
                return new SendResult(SendOutcome.Unauthorized, ErrorCode: code, Error: "no /messages route: check AndroidGateway:BaseUrl");
            case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                // 503 is the app's QueueLimitExceeded: its own queue or send limits are full; nothing was taken.
                return new SendResult(SendOutcome.RetryLater, ErrorCode: errorName ?? code, Error: error ?? response.ReasonPhrase, RetryAfter: RetryAfter(response));
            case var _ when status >= 500:
                return new SendResult(SendOutcome.RetryLater, ErrorCode: code, Error: error ?? response.ReasonPhrase, RetryAfter: RetryAfter(response));
            case var _ when status >= 400:
                return new SendResult(SendOutcome.Rejected, ErrorCode: code, Error: error ?? response.ReasonPhrase);
            default:
                return new SendResult(SendOutcome.Unknown, ErrorCode: code, Error: $"unexpected answer {code} from the phone");
        }
    }

    /// <summary>The accepted message's <c>id</c>, or an error's <c>message</c> and <c>error</c>; whatever is there.</summary>
    private static (string? Id, string? Message, string? ErrorName) ReadBody(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }
            return (String(json.RootElement, "id"), String(json.RootElement, "message"), String(json.RootElement, "error"));
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: the status code still says what happened.
            return (null, null, null);
        }

        static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private static AuthenticationHeaderValue BasicAuth(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Android phone API {What} before delivery {Delivery} to {Address} went out; will retry: {Error}")]
    private static partial void LogNotSent(ILogger logger, string delivery, string address, string what, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Android phone API {What} after delivery {Delivery} to {Address} went out; it may have been sent: {Error}")]
    private static partial void LogMaybeSent(ILogger logger, string delivery, string address, string what, string error);
}
