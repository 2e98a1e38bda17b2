using System.Globalization;
using Campaign.Core.Areas;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Occurrences;
using Campaign.Core.Officers;
using Campaign.Core.Subscribers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/reports/areas?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>: one row per area in the officer's
/// areas (and below them) for a range of local days: subscribers, opt-outs, and what the campaigns
/// fired in the range did there. <c>&amp;format=csv</c> for a spreadsheet. Counts only, no resident.
/// </summary>
internal static class AreaReportEndpoints
{
    private const int CampaignScanBatch = 200;
    private const int MaxOccurrencesPerCampaign = 500;

    public static RouteGroupBuilder MapAreaReport(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/areas", GetAsync).WithTags("Reports").WithAuditAction("report.areas")
            .WithSummary("Per-area report for a date range (local days, both included): subscribers, opt-outs, campaign sends; ?format=csv")
            .Produces<IReadOnlyList<AreaReportRow>>().Produces(StatusCodes.Status200OK, contentType: CsvExport.ContentType)
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext context, string? from, string? to, string? format, SubscriberStore subscribers, OptOutCounts optOuts,
        CampaignStore campaigns, OccurrenceStore occurrences, ContentStore content, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var errors = new List<FieldError>();
        var first = ParseDay("from", from, errors);
        var last = ParseDay("to", to, errors);
        if (CsvExport.CheckFormat(format) is { } badFormat)
        {
            return badFormat;
        }
        if (errors.Count == 0 && last < first)
        {
            errors.Add(new FieldError("to", $"{to} is before from {from}"));
        }
        if (errors.Count == 0 && last.DayNumber - first.DayNumber + 1 > OptOutCounts.MaxDays)
        {
            errors.Add(new FieldError("to", $"the range is {last.DayNumber - first.DayNumber + 1} days; a report covers at most {OptOutCounts.MaxDays}"));
        }
        if (errors.Count > 0)
        {
            return AdminProblems.Invalid(errors, "The report's dates have problems");
        }

        var areas = content.Current.Areas;
        var rows = ReportAreas(officer, areas);
        var subscribed = await subscribers.CountSubscribedByAreaAsync();
        var stopped = await optOuts.ReadAsync(first, last);
        var fired = await FiredAsync(officer, campaigns, occurrences, CampaignSchedule.StartOf(first), CampaignSchedule.StartOf(last.AddDays(1)));

        bool Under(string? code, Area area) => !string.IsNullOrEmpty(code) && areas.Find(code) is not null && areas.IsWithin(code, area.Code);
        var report = rows.Select(area =>
        {
            var here = fired.Where(f => f.Campaign.Audience.AreaCodes.Count > 0 && f.Campaign.Audience.AreaCodes.All(c => Under(c, area))).Select(f => f.Occurrence.Stats).ToArray();
            return new AreaReportRow(
                area.Code, area.Name, area.Level.ToString().ToLowerInvariant(), area.ParentCode,
                subscribed.Where(c => Under(c.AreaCode, area)).Sum(c => c.Count),
                stopped.Where(o => Under(o.AreaCode, area)).Sum(o => o.Count),
                here.Length,
                here.Sum(s => s.Targeted),
                here.Sum(s => s.Sent),
                here.Sum(s => s.Delivered),
                here.Sum(s => s.FailedTotal),
                here.Sum(s => s.SkippedTotal),
                here.Sum(s => s.Replies));
        }).ToArray();

        await audit.RecordAsync(officer.Audit("report.areas", $"report:{from}..{to}", AuditOutcome.Allowed, new Dictionary<string, string>
        {
            ["rows"] = report.Length.ToString(CultureInfo.InvariantCulture),
            ["format"] = CsvExport.Wanted(format) ? "csv" : "json",
        }));
        return CsvExport.Wanted(format)
            ? CsvExport.File($"areas-{from}-{to}", report,
                ("code", r => r.Code), ("name", r => r.Name), ("level", r => r.Level), ("parentCode", r => r.ParentCode),
                ("subscribers", r => r.Subscribers), ("optOuts", r => r.OptOuts), ("occurrences", r => r.Occurrences),
                ("targeted", r => r.Targeted), ("sent", r => r.Sent), ("delivered", r => r.Delivered), ("failed", r => r.Failed),
                ("skipped", r => r.Skipped), ("replies", r => r.Replies))
            : Results.Json(report, CampaignJson.Options);
    }

    private static DateOnly ParseDay(string field, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, "missing; give a day as yyyy-MM-dd"));
            return default;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(new FieldError(field, $"'{text}' is not a day; use yyyy-MM-dd, such as 2026-03-02"));
        }
        return day;
    }

    /// <summary>The officer's areas and every area below them, in tree order (admins and "*": all).</summary>
    private static List<Area> ReportAreas(OfficerContext officer, AreaDirectory areas)
    {
        var tops = officer.Role == OfficerRole.Admin || officer.Scope.IsEverywhere
            ? areas.Roots
            : DashboardEndpoints.ViewAreas(officer, areas);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<Area>();
        void Walk(Area area)
        {
            if (!seen.Add(area.Code))
            {
                return;
            }
            list.Add(area);
            foreach (var child in areas.Children(area.Code))
            {
                Walk(child);
            }
        }
        foreach (var top in tops)
        {
            Walk(top);
        }
        return list;
    }

    /// <summary>Occurrences of the campaigns the officer may see, scheduled in [start, end).</summary>
    private static async Task<List<(CampaignRecord Campaign, Occurrence Occurrence)>> FiredAsync(OfficerContext officer, CampaignStore campaigns, OccurrenceStore occurrences,
        DateTimeOffset start, DateTimeOffset end)
    {
        var fired = new List<(CampaignRecord, Occurrence)>();
        for (var offset = 0; ; offset += CampaignScanBatch)
        {
            var batch = await campaigns.ListRecentAsync(offset, CampaignScanBatch);
            foreach (var campaign in batch.Where(c => CampaignAccess.CanSee(officer, c) && c.CreatedAt < end))
            {
                foreach (var occurrence in await occurrences.ListAsync(campaign.Id, MaxOccurrencesPerCampaign))
                {
                    if (occurrence.FireAt >= start && occurrence.FireAt < end)
                    {
                        fired.Add((campaign, occurrence));
                    }
                }
            }
            if (batch.Count < CampaignScanBatch)
            {
                return fired;
            }
        }
    }
}
