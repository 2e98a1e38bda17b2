using Campaign.Core.Areas;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/areas</c>, <c>/topics</c> and <c>/series</c>: what <c>content/</c> offers the campaign
/// editor's pickers. Areas are those the officer may target (their scope and below); topics and
/// series are the same for everyone, being published content.
/// </summary>
internal static class ContentEndpoints
{
    public static RouteGroupBuilder MapContent(this RouteGroupBuilder api)
    {
        api.MapGet("/areas", Areas).WithTags("Content").WithAuditAction("content.areas")
            .WithSummary("The areas you may target, each with its level and parent, in tree order").Produces<IReadOnlyList<AreaItem>>();
        api.MapGet("/topics", Topics).WithTags("Content").WithAuditAction("content.topics")
            .WithSummary("Subscription topics (themes.yaml)").Produces<IReadOnlyList<TopicItem>>();
        api.MapGet("/series", Series).WithTags("Content").WithAuditAction("content.series")
            .WithSummary("Drip series in content/series, with their steps").Produces<IReadOnlyList<SeriesItem>>();
        return api;
    }

    private static IResult Areas(HttpContext context, ContentStore content)
    {
        var officer = OfficerContext.Require(context);
        var areas = content.Current.Areas;
        var visible = new List<AreaItem>();
        // Depth first from the roots, so a picker can indent children under their parent.
        void Walk(Area area)
        {
            if (officer.Covers(area.Code))
            {
                visible.Add(new AreaItem(area.Code, area.Name, area.Level.ToString().ToLowerInvariant(), area.ParentCode, area.IsDemo));
            }
            foreach (var child in areas.Children(area.Code))
            {
                Walk(child);
            }
        }
        foreach (var root in areas.Roots)
        {
            Walk(root);
        }
        return Results.Json(visible, CampaignJson.Options);
    }

    private static IResult Topics(ContentStore content) =>
        Results.Json(content.Current.Themes.Select(t => new TopicItem(t.Id, t.Name)).ToArray(), CampaignJson.Options);

    private static IResult Series(ContentStore content) =>
        Results.Json(content.Current.Series.Select(s => new SeriesItem(
            s.Id,
            s.Title,
            s.Description,
            [.. s.Steps.Select(step => new SeriesStepItem(step.OffsetDays, step.Topic, step.Chat.Source, step.Sms.Source))])).ToArray(), CampaignJson.Options);

    /// <param name="Level">province, commune or hamlet.</param>
    internal sealed record AreaItem(string Code, string Name, string Level, string? ParentCode, bool Demo);

    internal sealed record TopicItem(string Id, string Name);

    internal sealed record SeriesItem(string Id, string Title, string Description, IReadOnlyList<SeriesStepItem> Steps);

    internal sealed record SeriesStepItem(int OffsetDays, string Topic, string Chat, string Sms);
}
