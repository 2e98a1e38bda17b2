using System.Buffers;
using Campaign.Core.Content;

namespace Campaign.Core.Faq;

/// <summary>
/// Answers a resident's question from the FAQ, locally and in microseconds: BM25 over folded words
/// and word pairs, a bonus when the marks match too, then a calibrated decision. It answers only when
/// the best entry scores high enough, covers enough of the question's informative words, and leads
/// the runner-up (or leads it by far with less coverage); otherwise it returns no answer and the closest entries as suggestions.
/// </summary>
public sealed class FaqMatcher(FaqIndex index, FaqMatcherOptions? options = null)
{
    private readonly FaqMatcherOptions _options = options ?? new FaqMatcherOptions();

    public FaqIndex Index { get; } = index;

    public FaqMatch Match(string question)
    {
        var tokens = Index.Tokenizer.Tokenize(question);
        var entries = Index.Entries;
        var documents = Index.DocumentCount;
        var scores = ArrayPool<float>.Shared.Rent(documents);
        try
        {
            Array.Clear(scores, 0, documents);
            var words = Distinct(QueryFeatures.WordsOf(tokens));
            Accumulate(Index.Words, words, 1f, scores);
            Accumulate(Index.Pairs, Distinct(QueryFeatures.PairsOf(tokens)), _options.PairWeight, scores);
            Accumulate(Index.Accented, Distinct(QueryFeatures.AccentedOf(tokens)), _options.AccentWeight, scores);

            // A few more than suggested, so decoys among the best still leave enough real entries.
            Span<int> top = stackalloc int[_options.SuggestionCount + 3];
            var found = TopDocuments(scores, documents, top);
            if (found == 0)
            {
                return new FaqMatch(null, 0, 0, []);
            }
            var best = top[0];
            var bestScore = scores[best];
            var secondScore = found > 1 ? scores[top[1]] : 0f;
            var coverage = Coverage(words, best);
            var margin = (bestScore - secondScore) / bestScore;

            if (best >= entries.Count)
            {
                return new FaqMatch(null, bestScore, coverage, [], Index.Decoys[best - entries.Count]);
            }
            var suggestions = new List<FaqEntry>(_options.SuggestionCount);
            for (var i = 0; i < found && suggestions.Count < _options.SuggestionCount; i++)
            {
                if (top[i] < entries.Count)
                {
                    suggestions.Add(entries[top[i]]);
                }
            }
            var confident = bestScore >= _options.MinScore
                && ((coverage >= _options.MinCoverage && margin >= _options.MinMargin)
                    || (coverage >= _options.MinCoverageWithStrongMargin && margin >= _options.StrongMargin));
            return new FaqMatch(confident ? entries[best] : null, bestScore, coverage, suggestions);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    private static void Accumulate(Bm25Field field, List<string> features, float weight, float[] scores)
    {
        if (weight == 0)
        {
            return;
        }
        foreach (var feature in features)
        {
            if (field.TryGetTerm(feature, out var id))
            {
                field.Accumulate(id, weight, scores);
            }
        }
    }

    /// <summary>Share of the question's informative weight that the entry contains; unknown words weigh in too.</summary>
    private float Coverage(List<string> words, int doc)
    {
        float total = 0, matched = 0;
        var unknownWeight = _options.UnknownWordWeight * Index.Words.MaxIdf;
        foreach (var word in words)
        {
            if (Index.Words.TryGetTerm(word, out var id))
            {
                var idf = Index.Words.IdfOf(id);
                total += idf;
                if (Index.Words.DocumentHas(id, doc))
                {
                    matched += idf;
                }
            }
            else
            {
                total += unknownWeight;
            }
        }
        return total == 0 ? 0 : matched / total;
    }

    /// <summary>Fills <paramref name="top"/> with the best documents, best first; returns how many scored above zero.</summary>
    private static int TopDocuments(float[] scores, int count, Span<int> top)
    {
        var found = 0;
        for (var doc = 0; doc < count; doc++)
        {
            var score = scores[doc];
            if (score <= 0)
            {
                continue;
            }
            var position = found < top.Length ? found : top.Length;
            while (position > 0 && scores[top[position - 1]] < score)
            {
                position--;
            }
            if (position >= top.Length)
            {
                continue;
            }
            var last = Math.Min(found, top.Length - 1);
            for (var i = last; i > position; i--)
            {
                top[i] = top[i - 1];
            }
            top[position] = doc;
            found = Math.Min(found + 1, top.Length);
        }
        return found;
    }

    private static List<string> Distinct(IEnumerable<string> features)
    {
        var list = new List<string>(16);
        foreach (var feature in features)
        {
            if (!list.Contains(feature))
            {
                list.Add(feature);
            }
        }
        return list;
    }
}
