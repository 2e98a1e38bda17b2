using System.Collections.Frozen;

namespace Campaign.Core.Phones;

/// <summary>
/// The 11-digit mobile prefixes Vietnam retired in 2018 and the 10-digit prefixes that replaced
/// them. Residents' contact lists, paper forms and spreadsheets still hold the old numbers.
/// </summary>
internal static class LegacyMobilePrefixes
{
    /// <summary>The digits of an old mobile number after the trunk 0 ("1621234567").</summary>
    public const int NationalLength = 10;

    /// <summary>The length of an old prefix after the trunk 0 ("162").</summary>
    public const int PrefixLength = 3;

    // Keys and values leave out the trunk 0: 0162 became 032.
    private static readonly FrozenDictionary<string, string> s_currentPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Viettel
        ["162"] = "32", ["163"] = "33", ["164"] = "34", ["165"] = "35",
        ["166"] = "36", ["167"] = "37", ["168"] = "38", ["169"] = "39",
        // MobiFone
        ["120"] = "70", ["121"] = "79", ["122"] = "77", ["126"] = "76", ["128"] = "78",
        // VinaPhone
        ["123"] = "83", ["124"] = "84", ["125"] = "85", ["127"] = "81", ["129"] = "82",
        // Vietnamobile
        ["186"] = "56", ["188"] = "58",
        // Gmobile
        ["199"] = "59",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_currentPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Rewrites an old 10-digit national number (11 digits with the trunk 0) to today's 9 digits.
    /// </summary>
    /// <param name="national">The national digits without the trunk 0.</param>
    /// <param name="current">The rewritten national digits.</param>
    /// <returns><see langword="true"/> when <paramref name="national"/> uses a retired prefix.</returns>
    public static bool TryConvert(ReadOnlySpan<char> national, out string current)
    {
        if (national.Length == NationalLength && s_lookup.TryGetValue(national[..PrefixLength], out var prefix))
        {
            current = string.Concat(prefix, national[PrefixLength..]);
            return true;
        }

        current = string.Empty;
        return false;
    }
}
