using Campaign.Core.Content;

namespace Campaign.Core.Faq;

/// <summary>
/// The matcher's verdict on one question: the entry to answer with (null when not sure), the score
/// behind it, and the closest entries to offer as a numbered menu either way.
/// </summary>
/// <param name="Answer">The entry to answer with, or null when below the threshold.</param>
/// <param name="Score">BM25-style score of the best entry (0 when nothing matched).</param>
/// <param name="Coverage">Share (0..1) of the question's informative words the best entry contains.</param>
/// <param name="Suggestions">Up to three closest entries, best first (includes the answer when there is one).</param>
/// <param name="OutOfScope">Set when the question is closest to something the service does not answer.</param>
public sealed record FaqMatch(FaqEntry? Answer, float Score, float Coverage, IReadOnlyList<FaqEntry> Suggestions, OutOfScopeGroup? OutOfScope = null)
{
    public bool IsConfident => Answer is not null;
}
