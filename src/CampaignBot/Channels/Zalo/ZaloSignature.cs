using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// The <c>X-ZEvent-Signature</c> of an OA webhook: lowercase hex SHA-256 (a plain hash, not an HMAC)
/// of app id + raw body + the body's <c>timestamp</c> + OA secret key. Zalo writes it as
/// <c>mac=&lt;hex&gt;</c>; the bare hex is accepted too.
/// </summary>
public sealed class ZaloSignature(string appId, string oaSecretKey)
{
    public const string Header = "X-ZEvent-Signature";

    private const string MacPrefix = "mac=";

    /// <summary>The 64 lowercase hex characters for one webhook.</summary>
    public static string Compute(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey) =>
        Convert.ToHexStringLower(Hash(appId, rawBody, timestamp, oaSecretKey));

    /// <summary>True when <paramref name="header"/> is this webhook's signature; compared in constant time.</summary>
    public bool IsValid(ReadOnlySpan<byte> rawBody, string timestamp, string? header)
    {
        var hex = (header ?? "").Trim();
        if (hex.StartsWith(MacPrefix, StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[MacPrefix.Length..].Trim();
        }
        if (hex.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Hash(appId, rawBody, timestamp, oaSecretKey));
    }

    private static byte[] Hash(string appId, ReadOnlySpan<byte> rawBody, string timestamp, string oaSecretKey)
    {
        // The body goes in as the bytes Zalo sent: re-encoding parsed JSON would change them.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(appId));
        sha.AppendData(rawBody);
        sha.AppendData(Encoding.UTF8.GetBytes(timestamp));
        sha.AppendData(Encoding.UTF8.GetBytes(oaSecretKey));
        return sha.GetHashAndReset();
    }
}
