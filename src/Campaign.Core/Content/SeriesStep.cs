namespace Campaign.Core.Content;

/// <summary>One message of a <see cref="DripSeries"/>, due <see cref="OffsetDays"/> days after subscription.</summary>
public sealed record SeriesStep
{
    /// <summary>Days after the subscriber's subscription; 0 is the day they subscribed.</summary>
    public required int OffsetDays { get; init; }

    /// <summary>A theme id from <c>themes.yaml</c>; what the step is about.</summary>
    public required string Topic { get; init; }

    /// <summary>An FAQ the resident can ask for next, or null.</summary>
    public string? RelatedFaq { get; init; }

    /// <summary>Text for chat channels, at most <see cref="ContentLimits.ChatAnswerMaxCharacters"/> characters.</summary>
    public required TextTemplate Chat { get; init; }

    /// <summary>Text for SMS, written with marks; fits <see cref="ContentLimits.SeriesSmsMaxSegments"/> GSM-7 segments once unaccented.</summary>
    public required TextTemplate Sms { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Where the step was read from, for error messages.</summary>
    public required ContentLocation Location { get; init; }
}
