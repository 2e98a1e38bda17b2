using Campaign.Core.Text;

namespace Campaign.Core.Inbox;

/// <summary>
/// The phrasings an answer brings: what residents typed, plus the unaccented spelling of each one
/// typed with marks (the content guide asks for both), without repeats or what the entry already has.
/// </summary>
public static class Phrasings
{
    public const int MaxCount = 60;
    public const int MaxLength = 300;

    public static IReadOnlyList<string> Collect(IEnumerable<string> texts, IEnumerable<string> alreadyThere)
    {
        var seen = alreadyThere.Select(Key).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var raw in texts)
        {
            var text = Clean(raw);
            if (text.Length == 0 || text.Length > MaxLength)
            {
                continue;
            }
            foreach (var spelling in Diacritics.HasMarks(text) ? new[] { text, Diacritics.Fold(text) } : [text])
            {
                if (seen.Add(Key(spelling)) && result.Count < MaxCount)
                {
                    result.Add(spelling);
                }
            }
        }
        return result;
    }

    /// <summary>One line, single spaces, NFC.</summary>
    public static string Clean(string? text) =>
        string.Join(' ', Diacritics.ToNfc(text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Key(string text) => Clean(text).ToLowerInvariant().TrimEnd('?', '.', '!', ' ');
}
