namespace Campaign.Core.Faq;

/// <summary>
/// The features a text contributes to the index and a query looks up: its informative words, the
/// pairs of informative words that stand next to each other, and the words typed with marks.
/// A stop word breaks a pair, so "chuyển đổi số là gì" gives "chuyen doi" and "doi so", nothing with "la".
/// </summary>
internal static class QueryFeatures
{
    public static IEnumerable<string> WordsOf(List<FaqToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!token.IsStopWord)
            {
                yield return token.Folded;
            }
        }
    }

    public static IEnumerable<string> PairsOf(List<FaqToken> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!tokens[i - 1].IsStopWord && !tokens[i].IsStopWord)
            {
                yield return string.Concat(tokens[i - 1].Folded, " ", tokens[i].Folded);
            }
        }
    }

    public static IEnumerable<string> AccentedOf(List<FaqToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!token.IsStopWord && token.Accented is { } accented)
            {
                yield return accented;
            }
        }
    }
}
