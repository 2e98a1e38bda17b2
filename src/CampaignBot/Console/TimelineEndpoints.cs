using Campaign.Core.Campaigns;
using Campaign.Core.Occurrences;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>One minute of an occurrence's chart: totals sent, failed and skipped by the end of it.</summary>
public sealed record TimelineRow(string At, long Sent, long Failed, long Skipped);

/// <summary>
/// <c>/api/admin/occurrences/{occurrenceId}/timeline</c>: an occurrence over time for its chart, one
/// point per minute with activity, cumulative, from the counts the fan-out writes. Readable by whoever may see the campaign.
/// </summary>
internal static class TimelineEndpoints
{
    public static RouteGroupBuilder MapTimeline(this RouteGroupBuilder api)
    {
        api.MapGet("/occurrences/{occurrenceId}/timeline", GetAsync).WithTags("Occurrences").WithAuditAction("occurrence.timeline")
            .WithSummary("Sent, failed and skipped so far, minute by minute (Vietnam's time), for a chart")
            .Produces<IReadOnlyList<TimelineRow>>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync(string occurrenceId, HttpContext context, CampaignStore campaigns, OccurrenceStore occurrences,
        OccurrenceTimeline timeline, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        if (!OccurrenceId.TryParse(occurrenceId, out var campaignId, out _)
            || await CampaignEndpoints.FindVisibleAsync(campaignId, officer, campaigns, audit, "occurrence.timeline") is null
            || await occurrences.GetAsync(occurrenceId) is null)
        {
            return AdminProblems.NotFound(occurrenceId);
        }
        var points = await timeline.ReadAsync(occurrenceId);
        return Results.Json(points.Select(p => new TimelineRow(VietnamTime.Iso(p.At), p.Sent, p.Failed, p.Skipped)).ToArray(), CampaignJson.Options);
    }
}
