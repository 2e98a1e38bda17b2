using Campaign.Hosting.Http;

namespace SmsGateway.Android;

/// <summary>
/// Reads a webhook's raw bytes (the signature covers them exactly), but never more than the limit:
/// one SMS event is a few hundred bytes, so anything near the limit is not from the phone.
/// </summary>
public static class AndroidWebhookBody
{
    /// <summary>Far above any real event, far below the server-wide cap.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body, or null when it is longer than <see cref="MaxBytes"/> (declared or actually sent).</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CappedBody.ReadAsync(request.HttpContext, MaxBytes);
    }
}
