using Campaign.Core.Content;

namespace Campaign.Core.Faq;

/// <summary>
/// The searchable form of the FAQ: one document per entry, made of its title, question, phrasings
/// and keywords, indexed three ways (folded words, folded word pairs, accented words). Built once per
/// content version; immutable and safe to share between threads.
/// </summary>
public sealed class FaqIndex
{
    private FaqIndex(IReadOnlyList<FaqEntry> entries, IReadOnlyList<OutOfScopeGroup> decoys, FaqTokenizer tokenizer, Bm25Field words, Bm25Field pairs, Bm25Field accented)
    {
        Entries = entries;
        Decoys = decoys;
        Tokenizer = tokenizer;
        Words = words;
        Pairs = pairs;
        Accented = accented;
    }

    /// <summary>The answerable entries: documents 0 .. Entries.Count - 1.</summary>
    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>Out-of-scope groups: the documents after the entries.</summary>
    public IReadOnlyList<OutOfScopeGroup> Decoys { get; }

    public int DocumentCount => Entries.Count + Decoys.Count;
    public FaqTokenizer Tokenizer { get; }
    internal Bm25Field Words { get; }
    internal Bm25Field Pairs { get; }
    internal Bm25Field Accented { get; }

    public static FaqIndex Build(CampaignContent content, FaqMatcherOptions? options = null) =>
        Build(content.Faq, content.Vocabulary, options, content.OutOfScope);

    public static FaqIndex Build(IReadOnlyList<FaqEntry> entries, MatchingVocabulary vocabulary, FaqMatcherOptions? options = null, IReadOnlyList<OutOfScopeGroup>? decoys = null)
    {
        options ??= new FaqMatcherOptions();
        decoys ??= [];
        var documents = entries.Select(Texts).Concat(decoys.Select(d => d.Phrasings.Prepend(d.Label))).ToArray();
        var contentWords = documents
            .SelectMany(t => t)
            .SelectMany(t => FaqTokenizer.SplitWords(t.ToLowerInvariant()))
            .Where(Text.Diacritics.HasMarks)
            .ToHashSet(StringComparer.Ordinal);
        var tokenizer = new FaqTokenizer(vocabulary, contentWords);

        var words = new List<Dictionary<string, int>>(entries.Count);
        var pairs = new List<Dictionary<string, int>>(entries.Count);
        var accented = new List<Dictionary<string, int>>(entries.Count);
        foreach (var document in documents)
        {
            var w = new Dictionary<string, int>(StringComparer.Ordinal);
            var p = new Dictionary<string, int>(StringComparer.Ordinal);
            var a = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var text in document)
            {
                var tokens = tokenizer.Tokenize(text);
                foreach (var feature in QueryFeatures.WordsOf(tokens))
                {
                    Increment(w, feature);
                }
                foreach (var feature in QueryFeatures.PairsOf(tokens))
                {
                    Increment(p, feature);
                }
                foreach (var feature in QueryFeatures.AccentedOf(tokens))
                {
                    Increment(a, feature);
                }
            }
            words.Add(w);
            pairs.Add(p);
            accented.Add(a);
        }
        return new FaqIndex(
            entries,
            decoys,
            tokenizer,
            Bm25Field.Build(words, options.K1, options.B),
            Bm25Field.Build(pairs, options.K1, options.B),
            Bm25Field.Build(accented, options.K1, options.B));
    }

    private static IEnumerable<string> Texts(FaqEntry entry) =>
        [entry.Title, entry.Question, .. entry.Phrasings, .. entry.Keywords];

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
