using Campaign.Core.Text;

namespace Campaign.Core.Areas;

/// <summary>
/// The forms an area name is compared in: marks folded, upper case, and also without the unit word
/// in front ("Xã An Hòa" is also "An Hòa"), since residents often leave it out or use the old one.
/// </summary>
internal static class AreaNameKey
{
    // Multi-word phrases first, so "TO DAN PHO" is removed whole rather than just its "TO".
    private static readonly string[] UnitPhrases =
    [
        "THANH PHO", "THI XA", "THI TRAN", "DAC KHU", "TO DAN PHO", "KHU PHO", "TP",
        "TINH", "XA", "PHUONG", "THON", "AP", "BAN", "BUON", "XOM", "LANG", "TO", "KHU", "KHOM", "PHUM", "SOC",
    ];

    /// <summary>The keys an area is found by: its whole name, and its name without the unit word.</summary>
    public static IEnumerable<string> Of(string name)
    {
        var full = KeywordForm.Of(name);
        yield return full;
        if (WithoutUnit(full) is { } bare)
        {
            yield return bare;
        }
    }

    /// <summary>The typed text in key form.</summary>
    public static string Typed(string input) => KeywordForm.Of(input);

    /// <summary>The key without its leading unit word, or null when it has none (or nothing would be left).</summary>
    public static string? WithoutUnit(string key)
    {
        foreach (var phrase in UnitPhrases)
        {
            if (key.Length > phrase.Length + 1 && key.StartsWith(phrase, StringComparison.Ordinal) && key[phrase.Length] == ' ')
            {
                return key[(phrase.Length + 1)..];
            }
        }
        return null;
    }
}
