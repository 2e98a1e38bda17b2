namespace Campaign.Core.Content;

/// <summary>
/// Fills a template's placeholders for a resident's area: a runtime value when given, else the
/// area's setting (looked up through its parents, <c>content/areas.yaml</c>), else the content default
/// (<c>content/placeholders.yaml</c>). Replies and campaign messages fill the same way.
/// </summary>
public static class AreaPlaceholders
{
    public static string Fill(CampaignContent content, TextTemplate template, string? areaCode, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(template);
        return template.Render(name =>
            values is not null && values.TryGetValue(name, out var runtime) ? runtime
            : content.Areas.Setting(areaCode, name)
              ?? (content.Placeholders.TryGetValue(name, out var placeholder) ? placeholder.Default : ""));
    }
}
