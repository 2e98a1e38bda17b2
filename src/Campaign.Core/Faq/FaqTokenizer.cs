using Campaign.Core.Content;
using Campaign.Core.Text;

namespace Campaign.Core.Faq;

/// <summary>
/// Turns free text into <see cref="FaqToken"/>s: NFC, lower case, words split on anything that is not
/// a letter or digit, runs of a repeated letter collapsed, Telex leftovers repaired, SMS shorthand
/// expanded, stop words flagged. Questions in content and residents' queries go through the same
/// steps, so "ko dc", "không được" and "khoong dduowcj" meet in the index.
/// </summary>
public sealed class FaqTokenizer
{
    private readonly Dictionary<string, string[]> _expansionsFolded;   // keys typed without marks ("ko", "đc" as "dc")
    private readonly Dictionary<string, string[]> _expansionsAccented; // keys with marks ("xài"), matched exactly
    private readonly IReadOnlySet<string> _stopAccented;
    private readonly HashSet<string> _stopFolded;

    /// <param name="vocabulary">Abbreviations and stop words from content.</param>
    /// <param name="contentWords">
    /// Every accented word the content uses. An unaccented word counts as a stop word only when no
    /// content word folds to it too: "hoi" may be "hỏi" (a stop word) or "hội" in "xã hội", so it stays.
    /// </param>
    public FaqTokenizer(MatchingVocabulary vocabulary, IEnumerable<string> contentWords)
    {
        _expansionsFolded = new Dictionary<string, string[]>(StringComparer.Ordinal);
        _expansionsAccented = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, value) in vocabulary.Abbreviations)
        {
            var words = SplitWords(Diacritics.ToNfc(value).ToLowerInvariant()).ToArray();
            if (Diacritics.HasMarks(key.Replace('đ', 'd')))
            {
                _expansionsAccented[key] = words;
            }
            else
            {
                _expansionsFolded[Diacritics.Fold(key)] = words;
            }
        }
        _stopAccented = vocabulary.StopWords;
        _stopFolded = vocabulary.StopWords.Select(Diacritics.Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var word in contentWords)
        {
            if (!_stopAccented.Contains(word))
            {
                _stopFolded.Remove(Diacritics.Fold(word));
            }
        }
    }

    public List<FaqToken> Tokenize(string text)
    {
        var tokens = new List<FaqToken>(16);
        foreach (var word in SplitWords(Diacritics.ToNfc(text).ToLowerInvariant()))
        {
            var hasMarks = Diacritics.HasMarks(word);
            var folded = RepeatedLetters.Collapse(Diacritics.Fold(word));
            if (!hasMarks)
            {
                folded = TelexRepair.RepairFoldedWord(folded);
            }
            // Unaccented shorthand also matches when typed with only đ ("đc", "đt").
            var expansion = hasMarks && word.Replace('đ', 'd') != folded
                ? _expansionsAccented.GetValueOrDefault(word)
                : _expansionsFolded.GetValueOrDefault(folded);
            if (expansion is not null)
            {
                foreach (var part in expansion)
                {
                    tokens.Add(new FaqToken(Diacritics.Fold(part), part, _stopAccented.Contains(part)));
                }
                continue;
            }
            var isStop = hasMarks ? _stopAccented.Contains(word) : _stopFolded.Contains(folded);
            tokens.Add(new FaqToken(folded, hasMarks ? word : null, isStop));
        }
        return tokens;
    }

    /// <summary>Splits on every character that is neither a letter, a digit nor a combining mark.</summary>
    public static IEnumerable<string> SplitWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
