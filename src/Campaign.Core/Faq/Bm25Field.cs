namespace Campaign.Core.Faq;

/// <summary>
/// One field of the FAQ index (folded words, word pairs, or accented words): an inverted index whose
/// postings carry the BM25 contribution of the term to the document, computed once at build time,
/// so a query only adds numbers.
/// </summary>
internal sealed class Bm25Field
{
    private readonly Dictionary<string, int> _termIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int[][] _docs;       // per term: document ids, ascending
    private readonly float[][] _impacts;  // per term: idf * saturated tf for that document
    private readonly float[] _idf;

    private Bm25Field(Dictionary<string, int> termIds, int[][] docs, float[][] impacts, float[] idf, float maxIdf)
    {
        _termIds = termIds;
        _bySpan = termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _docs = docs;
        _impacts = impacts;
        _idf = idf;
        MaxIdf = maxIdf;
    }

    /// <summary>The idf a term found in exactly one document would have.</summary>
    public float MaxIdf { get; }

    public int TermCount => _idf.Length;

    /// <param name="termFrequencies">Per document, how often each term occurs.</param>
    public static Bm25Field Build(IReadOnlyList<Dictionary<string, int>> termFrequencies, float k1, float b)
    {
        var n = termFrequencies.Count;
        var lengths = termFrequencies.Select(d => d.Values.Sum()).ToArray();
        var averageLength = Math.Max(1f, (float)lengths.Average());

        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<(int Doc, int Tf)>>();
        for (var doc = 0; doc < n; doc++)
        {
            foreach (var (term, tf) in termFrequencies[doc])
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    id = termIds.Count;
                    termIds[term] = id;
                    postings.Add([]);
                }
                postings[id].Add((doc, tf));
            }
        }

        var docs = new int[postings.Count][];
        var impacts = new float[postings.Count][];
        var idf = new float[postings.Count];
        for (var t = 0; t < postings.Count; t++)
        {
            var list = postings[t];
            idf[t] = Idf(n, list.Count);
            docs[t] = new int[list.Count];
            impacts[t] = new float[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                var (doc, tf) = list[i];
                var norm = k1 * (1 - b + b * lengths[doc] / averageLength);
                docs[t][i] = doc;
                impacts[t][i] = idf[t] * tf * (k1 + 1) / (tf + norm);
            }
        }
        return new Bm25Field(termIds, docs, impacts, idf, Idf(n, 1));
    }

    public bool TryGetTerm(ReadOnlySpan<char> term, out int id) => _bySpan.TryGetValue(term, out id);

    public float IdfOf(int termId) => _idf[termId];

    /// <summary>Adds <paramref name="weight"/> times the term's contribution to every document that has it.</summary>
    public void Accumulate(int termId, float weight, float[] scores)
    {
        var docs = _docs[termId];
        var impacts = _impacts[termId];
        for (var i = 0; i < docs.Length; i++)
        {
            scores[docs[i]] += weight * impacts[i];
        }
    }

    public bool DocumentHas(int termId, int doc) => Array.BinarySearch(_docs[termId], doc) >= 0;

    // BM25's idf, kept positive for terms in more than half the documents.
    private static float Idf(int documents, int withTerm) =>
        (float)Math.Log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}
