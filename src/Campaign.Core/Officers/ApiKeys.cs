using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Campaign.Core.Officers;

/// <summary>
/// API keys: "cmp_" and 32 random bytes in base64url, shown once and stored only as their SHA-256.
/// </summary>
/// <remarks>
/// A fast hash is right here, unlike for passwords. Slow, salted password hashes (PBKDF2, Argon2)
/// exist because people choose guessable passwords, so each guess must be made expensive. A key
/// carries 256 random bits: no amount of hashing speed makes guessing it feasible, and an unsalted
/// SHA-256 lets a request find its key with one lookup by hash instead of a slow hash per request.
/// </remarks>
public static class ApiKeys
{
    public const string Prefix = "cmp_";
    public const int SecretBytes = 32;

    /// <summary>The key's first characters, shown in listings and used to revoke it; the rest stays secret.</summary>
    public const int KeyIdLength = 12;

    /// <summary>"cmp_" (4) and 43 characters: base64url of 32 bytes, without padding.</summary>
    public const int Length = 47;

    public static NewApiKey Generate()
    {
        var secret = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new NewApiKey(secret, KeyIdOf(secret), Hash(secret));
    }

    /// <summary>True for text shaped like a key (prefix, length, base64url alphabet); says nothing about validity.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? candidate) =>
        candidate is { Length: Length }
        && candidate.StartsWith(Prefix, StringComparison.Ordinal)
        && candidate.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlAlphabet) is false;

    public static string KeyIdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key[..KeyIdLength];
    }

    /// <summary>Lower-case hex SHA-256 of the whole key, what Redis stores.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
