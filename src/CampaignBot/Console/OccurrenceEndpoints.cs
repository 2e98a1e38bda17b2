using Campaign.Core.Campaigns;
using Campaign.Core.Occurrences;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/campaigns/{id}/occurrences</c> and <c>/api/admin/occurrences/{occurrenceId}</c>: each
/// firing of a campaign and its live counters (targeted, skipped and failed by reason, deferred,
/// sent, delivered, unknown, replies). Readable by whoever may see the campaign.
/// </summary>
internal static class OccurrenceEndpoints
{
    private const int MaxTake = 200;

    public static RouteGroupBuilder MapOccurrences(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{id}/occurrences", ListAsync).WithTags("Occurrences").WithAuditAction("occurrence.list")
            .Produces<IReadOnlyList<Occurrence>>().Produces(StatusCodes.Status200OK, contentType: CsvExport.ContentType)
            .WithDescription("?format=csv answers the same list as a CSV file.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/occurrences/{occurrenceId}", GetAsync).WithTags("Occurrences").WithAuditAction("occurrence.read")
            .Produces<Occurrence>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(string id, int? take, string? format, HttpContext context, CampaignStore campaigns, OccurrenceStore occurrences, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        if (CsvExport.CheckFormat(format) is { } badFormat)
        {
            return badFormat;
        }
        if (take is < 1 or > MaxTake)
        {
            return AdminProblems.Invalid("take", $"must be between 1 and {MaxTake}");
        }
        if (await CampaignEndpoints.FindVisibleAsync(id, officer, campaigns, audit, "occurrence.list") is null)
        {
            return AdminProblems.NotFound(id);
        }
        var list = await occurrences.ListAsync(id, take ?? 50);
        return CsvExport.Wanted(format) ? CsvRows.Occurrences(id, list) : Results.Json(list, CampaignJson.Options);
    }

    private static async Task<IResult> GetAsync(string occurrenceId, HttpContext context, CampaignStore campaigns, OccurrenceStore occurrences, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        if (!OccurrenceId.TryParse(occurrenceId, out var campaignId, out _)
            || await CampaignEndpoints.FindVisibleAsync(campaignId, officer, campaigns, audit, "occurrence.read") is null
            || await occurrences.GetAsync(occurrenceId) is not { } occurrence)
        {
            return AdminProblems.NotFound(occurrenceId);
        }
        return Results.Json(occurrence, CampaignJson.Options);
    }
}
