namespace Campaign.Core.Faq;

/// <summary>
/// Scoring weights and the calibrated decision thresholds. The defaults were calibrated with
/// <c>./campaign faq eval</c> on the shipped content (see bench/RESULTS.md); change them only with a
/// new evaluation.
/// </summary>
public sealed record FaqMatcherOptions
{
    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation.</summary>
    public float B { get; init; } = 0.75f;

    /// <summary>Weight of adjacent word pairs ("dich vu", "vu cong") relative to single words.</summary>
    public float PairWeight { get; init; } = 1.5f;

    /// <summary>Weight of words that match with their marks too, when the resident typed marks.</summary>
    public float AccentWeight { get; init; } = 0.3f;

    /// <summary>Weight, as a share of the largest idf, given to a word the FAQ never uses.</summary>
    public float UnknownWordWeight { get; init; } = 0.35f;

    /// <summary>Least share of the question's informative words the best entry must contain.</summary>
    public float MinCoverage { get; init; } = 0.45f;

    /// <summary>Least score the best entry must reach.</summary>
    public float MinScore { get; init; } = 8f;

    /// <summary>Least lead of the best entry over the second, as a share of the best score.</summary>
    public float MinMargin { get; init; } = 0.03f;

    /// <summary>
    /// A clear winner may answer with less coverage: long questions carry context words no FAQ uses
    /// ("my son is in grade 9 and his teacher asked ..."), yet point at one entry only.
    /// </summary>
    public float StrongMargin { get; init; } = 0.4f;

    /// <summary>Least coverage for an answer that leads by <see cref="StrongMargin"/>.</summary>
    public float MinCoverageWithStrongMargin { get; init; } = 0.3f;

    /// <summary>How many entries to suggest when not sure.</summary>
    public int SuggestionCount { get; init; } = 3;
}
