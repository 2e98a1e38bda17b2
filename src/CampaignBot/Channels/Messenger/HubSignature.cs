using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// <c>X-Hub-Signature-256</c>: "sha256=" and the hex HMAC-SHA256 of the raw body bytes keyed with the
/// app secret. Meta signs the bytes it sends (non-ASCII escaped as \uXXXX), so the body is checked
/// exactly as received, before it is parsed, and never re-serialized.
/// </summary>
public sealed class HubSignature(string appSecret)
{
    public const string Header = "X-Hub-Signature-256";
    public const string Scheme = "sha256=";

    private const int HashBytes = 32;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(appSecret);

    /// <summary>The header value Meta would send for <paramref name="body"/>.</summary>
    public string Compute(ReadOnlySpan<byte> body) => Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body));

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/>; compared in constant time, hex case ignored.</summary>
    public bool IsValid(ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var hex = header.AsSpan(Scheme.Length).Trim();
        Span<byte> claimed = stackalloc byte[HashBytes];
        if (hex.Length != HashBytes * 2
            || Convert.FromHexString(hex, claimed, out _, out var written) != OperationStatus.Done
            || written != HashBytes)
        {
            return false;
        }
        Span<byte> actual = stackalloc byte[HashBytes];
        HMACSHA256.HashData(_key, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }
}
