using System.Globalization;
using Campaign.Core.Campaigns;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/audit</c>: the audit log, newest first, filtered by time, actor, action and target;
/// paged with <c>before</c> (the last id of the previous page); <c>&amp;format=csv</c> for a spreadsheet.
/// Entries carry no area, so scope is by person: admins read everyone's, other officers only their own.
/// Reading the log is itself audited.
/// </summary>
internal static class AuditEndpoints
{
    public const int DefaultTake = 100;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", QueryAsync).WithTags("Audit").WithAuditAction("audit.query")
            .WithSummary("Audit entries, newest first: from/to (ISO time or yyyy-MM-dd), actor, action, target, before, take; ?format=csv. Admins see all, others their own.")
            .Produces<IReadOnlyList<AuditRow>>().Produces(StatusCodes.Status200OK, contentType: CsvExport.ContentType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> QueryAsync(HttpContext context, IAuditLog audit, string? from, string? to, string? actor, string? action, string? target,
        string? before, int? take, string? format)
    {
        var officer = OfficerContext.Require(context);
        if (CsvExport.CheckFormat(format) is { } badFormat)
        {
            return badFormat;
        }
        var errors = new List<FieldError>();
        var start = ParseTime("from", from, endOfDay: false, errors);
        var end = ParseTime("to", to, endOfDay: true, errors);
        var count = take ?? DefaultTake;
        if (count is < 1 or > AuditQuery.MaxLimit)
        {
            errors.Add(new FieldError("take", $"must be between 1 and {AuditQuery.MaxLimit}"));
        }
        if (before is not null && !IsEntryId(before))
        {
            errors.Add(new FieldError("before", $"'{before}' is not an audit entry id (such as 1767225600000-0)"));
        }
        if (errors.Count > 0)
        {
            return AdminProblems.Invalid(errors, "The audit query has problems");
        }

        var actorId = string.IsNullOrWhiteSpace(actor) ? null : actor.Trim();
        if (officer.Role != OfficerRole.Admin)
        {
            if (actorId is not null && actorId != officer.Id)
            {
                await audit.RecordAsync(officer.Audit("audit.query", "actor:" + actorId, AuditOutcome.Denied, new Dictionary<string, string> { ["reason"] = "not_admin" }));
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only admins read others' entries",
                    detail: "You may read your own entries in the audit log; leave out actor, or give your own id.");
            }
            actorId = officer.Id;
        }

        var records = await audit.QueryAsync(new AuditQuery(start, end, actorId,
            string.IsNullOrWhiteSpace(target) ? null : target.Trim(),
            string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
            count, before), context.RequestAborted);
        await audit.RecordAsync(officer.Audit("audit.query", actorId is null ? "audit" : "actor:" + actorId, AuditOutcome.Allowed, new Dictionary<string, string>
        {
            ["returned"] = records.Count.ToString(CultureInfo.InvariantCulture),
            ["format"] = CsvExport.Wanted(format) ? "csv" : "json",
        }));

        var rows = records.Select(r => new AuditRow(r.Id, VietnamTime.Iso(r.At), r.Entry.ActorId, r.Entry.Role, r.Entry.Action, r.Entry.Target,
            r.Entry.Outcome.Key(), r.Entry.Details ?? new Dictionary<string, string>())).ToArray();
        return CsvExport.Wanted(format)
            ? CsvExport.File("audit", rows,
                ("id", r => r.Id), ("at", r => r.At), ("actorId", r => r.ActorId), ("role", r => r.Role), ("action", r => r.Action),
                ("target", r => r.Target), ("outcome", r => r.Outcome),
                ("details", r => CsvExport.Join(r.Details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"))))
            : Results.Json(rows, CampaignJson.Options);
    }

    /// <summary>An ISO date-time, or a local day (yyyy-MM-dd) meaning its start (from) or its end (to).</summary>
    private static DateTimeOffset? ParseTime(string field, string? text, bool endOfDay, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return endOfDay ? CampaignSchedule.StartOf(day.AddDays(1)).AddMilliseconds(-1) : CampaignSchedule.StartOf(day);
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }
        errors.Add(new FieldError(field, $"'{text}' is not a time; use yyyy-MM-dd or an ISO 8601 time such as 2026-03-02T08:00:00+07:00"));
        return null;
    }

    private static bool IsEntryId(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && long.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && long.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
