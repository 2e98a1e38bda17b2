using System.Diagnostics.CodeAnalysis;

namespace Campaign.Core.Officers;

/// <summary>
/// Usernames officers sign in to the console with: kept lower-case, so "Lan.Nguyen" and "lan.nguyen"
/// are one account; letters, digits and . _ - @ only, so they are easy to type on a phone and
/// safe in URLs, logs and Redis keys.
/// </summary>
public static class OfficerUsername
{
    public const int MinLength = 3;
    public const int MaxLength = 64;

    public static string Normalize(string? text) => (text ?? "").Trim().ToLowerInvariant();

    /// <summary>Normalises <paramref name="text"/> and says what is wrong with it, if anything.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? username, [NotNullWhen(false)] out string? error)
    {
        var normalized = Normalize(text);
        username = null;
        if (normalized.Length is < MinLength or > MaxLength)
        {
            error = $"username: {MinLength} to {MaxLength} characters";
            return false;
        }
        if (!normalized.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            error = "username: only letters a-z, digits and . _ - @ (no spaces or accents)";
            return false;
        }
        username = normalized;
        error = null;
        return true;
    }
}
