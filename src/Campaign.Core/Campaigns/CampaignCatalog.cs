using Campaign.Core.Content;

namespace Campaign.Core.Campaigns;

/// <summary>
/// What a campaign may refer to, as <see cref="CampaignValidator"/> sees it. Areas come as delegates
/// because the area tree lives elsewhere (<c>AreaDirectory</c>); build one from the current content:
/// <code>
/// new CampaignCatalog(
///     areaExists: code => content.Areas.Find(code) is not null,
///     isWithin: (code, ancestor) => content.Areas.IsWithin(code, ancestor),
///     topicIds: content.Themes.Select(t => t.Id),
///     placeholders: content.Placeholders,
///     seriesExists: id => ...)
/// </code>
/// </summary>
/// <param name="areaExists">Whether an area code is known.</param>
/// <param name="isWithin">(code, ancestor): whether an area is the ancestor or lies inside it.</param>
/// <param name="topicIds">Theme ids from <c>content/themes.yaml</c>.</param>
/// <param name="placeholders">Placeholders from <c>content/placeholders.yaml</c>, by name.</param>
/// <param name="seriesExists">Whether a drip series id is in <c>content/</c>.</param>
public sealed class CampaignCatalog(
    Func<string, bool> areaExists,
    Func<string, string, bool> isWithin,
    IEnumerable<string> topicIds,
    IReadOnlyDictionary<string, Placeholder> placeholders,
    Func<string, bool> seriesExists)
{
    public Func<string, bool> AreaExists { get; } = areaExists;
    public Func<string, string, bool> IsWithin { get; } = isWithin;
    public IReadOnlyList<string> TopicIds { get; } = [.. topicIds];
    public IReadOnlyDictionary<string, Placeholder> Placeholders { get; } = placeholders;
    public Func<string, bool> SeriesExists { get; } = seriesExists;
}
