namespace CampaignBot.Console;

/// <summary>The columns an import reads, by header name (matched ignoring case and surrounding spaces); the others are ignored and reported.</summary>
internal sealed record CsvColumns(IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    /// <summary>Required then optional: the order of <see cref="CsvLine.Values"/>.</summary>
    public IReadOnlyList<string> All { get; } = [.. Required, .. Optional];

    /// <summary>A header line that would do, for error messages.</summary>
    public string Example => string.Join(',', All);
}
