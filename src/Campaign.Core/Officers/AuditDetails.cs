using System.Globalization;
using System.Text.RegularExpressions;
using Campaign.Core.Phones;

namespace Campaign.Core.Officers;

/// <summary>
/// Keeps audit entries small and free of what must not be kept: phone numbers are masked, API keys
/// cut to their public key id, long values cut. Callers should not pass such things at all; this
/// is the safety net for when they do (a target path with a number in it, an echoed request field).
/// </summary>
public static partial class AuditDetails
{
    public const int MaxEntries = 16;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 200;

    /// <summary>The key under which the number of dropped entries is noted.</summary>
    public const string OmittedKey = "omitted";

    public static IReadOnlyDictionary<string, string> Clean(IReadOnlyDictionary<string, string>? details)
    {
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        if (details is null)
        {
            return clean;
        }
        foreach (var (key, value) in details.Take(MaxEntries))
        {
            clean[Text(key, MaxKeyLength)] = Text(value, MaxValueLength);
        }
        if (details.Count > MaxEntries)
        {
            clean[OmittedKey] = (details.Count - MaxEntries).ToString(CultureInfo.InvariantCulture);
        }
        return clean;
    }

    /// <summary>Masks phone numbers and API keys in <paramref name="text"/>, then cuts it to <paramref name="maxLength"/>.</summary>
    public static string Text(string? text, int maxLength = MaxValueLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var clean = ApiKeyPattern().Replace(text, m => m.Value[..ApiKeys.KeyIdLength] + "…");
        clean = PhoneCandidate().Replace(clean, MaskPhone);
        clean = string.Concat(clean.Where(c => !char.IsControl(c)));
        return clean.Length <= maxLength ? clean : clean[..(maxLength - 1)] + "…";
    }

    private static string MaskPhone(Match candidate)
    {
        if (IsPhone(candidate.Value))
        {
            return PhoneMask.Mask(candidate.Value);
        }
        // "0912345678 5" is no number as a whole, but holds one.
        return DigitRun().Replace(candidate.Value, run => IsPhone(run.Value) ? PhoneMask.Mask(run.Value) : run.Value);
    }

    private static bool IsPhone(string text) =>
        VietnamPhoneNumber.Normalize(text).IsValid
        || (text.StartsWith('+') && text.Count(char.IsAsciiDigit) >= 9);

    // Longer than a key id ("cmp_" + 8): a key id is public, anything longer may be a whole key.
    [GeneratedRegex(@"cmp_[A-Za-z0-9_-]{9,}")]
    private static partial Regex ApiKeyPattern();

    // Nine or more digits, perhaps with the separators people write numbers with.
    [GeneratedRegex(@"\+?\d(?:[ ().-]?\d){8,18}")]
    private static partial Regex PhoneCandidate();

    [GeneratedRegex(@"\+?\d{9,15}")]
    private static partial Regex DigitRun();
}
