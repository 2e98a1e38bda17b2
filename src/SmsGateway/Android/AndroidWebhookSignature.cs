using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmsGateway.Android;

/// <summary>
/// Checks that a webhook really comes from our phone: the app signs every request with the signing
/// key from its settings, <c>X-Signature</c> = lowercase hex HMAC-SHA256(key, raw body + X-Timestamp),
/// where <c>X-Timestamp</c> is Unix seconds. A request from further than the tolerance away in time is
/// refused too, so a captured request cannot be replayed later.
/// </summary>
public sealed class AndroidWebhookSignature(AndroidGatewayOptions options, TimeProvider time)
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Timestamp";

    private const int HashBytes = 32;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.SigningKey);

    /// <summary>Null when the request is genuine and fresh; otherwise what is wrong with it (never its content).</summary>
    public string? Problem(ReadOnlySpan<byte> body, string? signature, string? timestamp)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return $"missing {SignatureHeader} header";
        }
        if (string.IsNullOrWhiteSpace(timestamp))
        {
            return $"missing {TimestampHeader} header";
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"{TimestampHeader} is not Unix seconds";
        }
        if (!SignatureMatches(body, signature.Trim(), timestamp))
        {
            return $"{SignatureHeader} does not match the body (check AndroidGateway:SigningKey)";
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (age.Duration() <= options.WebhookTolerance)
        {
            return null;
        }
        var tolerance = (long)options.WebhookTolerance.TotalSeconds;
        return age > TimeSpan.Zero
            ? $"{TimestampHeader} is {(long)age.TotalSeconds} s old, beyond the {tolerance} s tolerance"
            : $"{TimestampHeader} is {(long)-age.TotalSeconds} s ahead of our clock, beyond the {tolerance} s tolerance";
    }

    private bool SignatureMatches(ReadOnlySpan<byte> body, string signature, string timestamp)
    {
        Span<byte> given = stackalloc byte[HashBytes];
        if (signature.Length != HashBytes * 2
            || Convert.FromHexString(signature, given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != HashBytes)
        {
            return false;
        }

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(body);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp));
        Span<byte> expected = stackalloc byte[HashBytes];
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
