namespace Campaign.Core.Content;

/// <summary>
/// Data the FAQ matcher needs besides the FAQ itself: SMS shorthand and words that carry no topic.
/// Keys and values are lower case NFC as written in content.
/// </summary>
/// <param name="Abbreviations">
/// Shorthand or regional word to its expansion: "ko" → "không", "xài" → "dùng". A key written without
/// marks matches a word typed without marks; a key with marks matches only that exact word, so "má"
/// (mother) never swallows "ma" from "mã QR".
/// </param>
/// <param name="StopWords">Stop words exactly as written (with marks), lower case.</param>
public sealed record MatchingVocabulary(
    IReadOnlyDictionary<string, string> Abbreviations,
    IReadOnlySet<string> StopWords)
{
    public static MatchingVocabulary Empty { get; } =
        new(new Dictionary<string, string>(), new HashSet<string>());
}
