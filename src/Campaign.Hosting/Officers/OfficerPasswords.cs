using System.Security.Cryptography;
using System.Text;
using Campaign.Core.Officers;
using Microsoft.AspNetCore.Identity;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Hashes and checks console passwords with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2, salted, its format versioned so stronger settings can come later), and generates
/// passwords for the first admin.
/// </summary>
public sealed class OfficerPasswords
{
    private const string GeneratedAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int GeneratedLength = 16;

    private readonly PasswordHasher<Officer> _hasher = new();
    private readonly Lazy<string> _decoy;

    public OfficerPasswords()
    {
        _decoy = new Lazy<string>(() => _hasher.HashPassword(null!, Generate()));
    }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _hasher.HashPassword(null!, password);
    }

    /// <summary>Whether the password matches; <paramref name="rehash"/> is set when the hash should be stored again in the current format.</summary>
    public bool Verify(string? hash, string password, out bool rehash)
    {
        ArgumentNullException.ThrowIfNull(password);
        rehash = false;
        if (string.IsNullOrEmpty(hash))
        {
            // Spend the same time as a real check, so the answer time does not tell who exists.
            _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
            return false;
        }
        var result = _hasher.VerifyHashedPassword(null!, hash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>
    /// A short fingerprint of the stored hash, kept in the session cookie: a new password changes it,
    /// which ends every session signed in with the old one.
    /// </summary>
    public static string Stamp(string? hash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash ?? "")))[..16];

    /// <summary>A random password without look-alike characters (0/O, 1/l/I), easy to copy from a terminal.</summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString(GeneratedAlphabet, GeneratedLength);
}
