using Campaign.Hosting.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SmsGateway.Twilio;

/// <summary>
/// What every Twilio webhook goes through before anything is processed: a signature must be present,
/// the body must fit, parse strictly as a form and be signed by our auth token for the public URL
/// Twilio called.
/// </summary>
public sealed partial class TwilioWebhook(IOptions<TwilioOptions> options, ILogger<TwilioWebhook> logger)
{
    /// <summary>Twilio's largest webhook (1600 characters of body plus its fixed fields) is far below this; the global cap is 256 KiB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly TwilioSignature _signature = new(options.Value.AuthToken);
    private readonly string _publicBaseUrl = options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The authenticated form, or the answer refusing the request (403, 413, 415, 400).</summary>
    public async Task<(TwilioForm? Form, IResult? Refusal)> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var signature = request.Headers[TwilioSignature.Header].ToString();
        if (signature.Length == 0)
        {
            LogRefused(logger, path, "no X-Twilio-Signature");
            return (null, Refuse(StatusCodes.Status403Forbidden, "X-Twilio-Signature is missing"));
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refuse(StatusCodes.Status415UnsupportedMediaType, "expected application/x-www-form-urlencoded"));
        }
        if (await ReadBodyAsync(context) is not { } body)
        {
            LogRefused(logger, path, "body over the limit");
            return (null, Refuse(StatusCodes.Status413PayloadTooLarge, $"body is larger than {MaxBodyBytes / 1024} KiB"));
        }
        if (!TwilioForm.TryParse(body, out var form, out var error))
        {
            LogRefused(logger, path, error);
            return (null, Refuse(StatusCodes.Status400BadRequest, error));
        }
        if (!_signature.IsValid(SignedUrl(context), form.Fields, signature))
        {
            // The body is not logged: it is unauthenticated and may hold a resident's number and words.
            LogRefused(logger, path, "X-Twilio-Signature does not match");
            return (null, Refuse(StatusCodes.Status403Forbidden, "X-Twilio-Signature does not match"));
        }
        return (form, null);
    }

    /// <summary>A 400 naming the field Twilio should have sent.</summary>
    public static IResult MissingField(string name) => Refuse(StatusCodes.Status400BadRequest, $"{name} is required");

    /// <summary>503 with Retry-After: nothing was done, the same request later will work.</summary>
    public static IResult TryLater(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "5";
        return Refuse(StatusCodes.Status503ServiceUnavailable, detail);
    }

    public static IResult Refuse(int status, string detail) => Results.Problem(statusCode: status, detail: detail);

    /// <summary>
    /// The URL Twilio requested: our public base (we are behind a proxy, so not the Host header) and
    /// the request target exactly as it arrived, its query not decoded.
    /// </summary>
    private string SignedUrl(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = rawTarget is not null && rawTarget.StartsWith('/')
            ? rawTarget
            : context.Request.PathBase.ToUriComponent() + context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        return _publicBaseUrl + target;
    }

    private static Task<byte[]?> ReadBodyAsync(HttpContext context) => CappedBody.ReadAsync(context, MaxBodyBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio webhook {Path} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}
