namespace Campaign.Core.Content;

/// <summary>
/// Data the FAQ matcher needs besides the FAQ itself: SMS shorthand and words that carry no topic.
/// Keys are folded lower case (no marks); abbreviation values are written with marks.
/// </summary>
/// <param name="Abbreviations">Folded shorthand ("ko") to its expansion ("không").</param>
/// <param name="StopWords">Stop words exactly as written (with marks), lower case.</param>
public sealed record MatchingVocabulary(
    IReadOnlyDictionary<string, string> Abbreviations,
    IReadOnlySet<string> StopWords)
{
    public static MatchingVocabulary Empty { get; } =
        new(new Dictionary<string, string>(), new HashSet<string>());
}
