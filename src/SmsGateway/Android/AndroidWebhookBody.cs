using System.Buffers;

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
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }
            if (read.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }
            // Nothing consumed yet: wait for more, keeping what has arrived.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
