using Campaign.Core.Faq;
using Campaign.Core.Text;

namespace Campaign.Core.Inbox;

/// <summary>
/// A question reduced to its topic words, for grouping: marks folded before tokenizing (so "thư
/// viện" and "thu vien" give the very same words and stop-word decisions), SMS shorthand expanded,
/// stop words dropped (an unaccented stop word such as "cua" stays a topic word when the content
/// uses a word that folds to it, "cửa"; hence the FAQ's tokenizer). The signature is those words sorted, so two spellings of one question share it.
/// </summary>
public static class QuestionWords
{
    public static IReadOnlySet<string> Of(string text, FaqTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var tokens = tokenizer.Tokenize(Diacritics.Fold(Diacritics.ToNfc(text ?? "")));
        var topic = tokens.Where(t => !t.IsStopWord).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
        // "ạ ơi" alone is all stop words; keep them rather than lumping every such greeting together.
        return topic.Count > 0 ? topic : tokens.Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
    }

    public static string Signature(IReadOnlySet<string> words) => string.Join(' ', words.Order(StringComparer.Ordinal));

    public static string SignatureOf(string text, FaqTokenizer tokenizer) => Signature(Of(text, tokenizer));

    /// <summary>Shared words over all words: 1 for the same words, 0 for none in common.</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
