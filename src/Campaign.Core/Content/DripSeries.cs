namespace Campaign.Core.Content;

/// <summary>
/// A series of messages (<c>series/&lt;id&gt;.yaml</c>) sent to each subscriber at day offsets after
/// they subscribed; a drip campaign names the series and the local hour it is delivered at.
/// </summary>
public sealed record DripSeries
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>What the series is for, written for officers choosing it.</summary>
    public required string Description { get; init; }

    /// <summary>In order of <see cref="SeriesStep.OffsetDays"/>: the first at 0, each later than the one before.</summary>
    public required IReadOnlyList<SeriesStep> Steps { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Where the series was read from, for error messages.</summary>
    public required ContentLocation Location { get; init; }
}
