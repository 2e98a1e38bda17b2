using System.Globalization;
using Campaign.Core.Campaigns;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/campaigns</c>: create, read, edit and move campaigns through their lifecycle. The
/// lifecycle decides who may do what (four-eyes included); these endpoints add the area scope
/// (404 outside it), the version check on edits, and an audit entry for every change, allowed or not.
/// </summary>
internal static class CampaignEndpoints
{
    private const int ListScanBatch = 200;
    private const int MaxListTake = 200;

    private static readonly Dictionary<string, CampaignAction> Actions = new(StringComparer.Ordinal)
    {
        ["submit"] = CampaignAction.Submit,
        ["approve"] = CampaignAction.Approve,
        ["reject"] = CampaignAction.Reject,
        ["pause"] = CampaignAction.Pause,
        ["resume"] = CampaignAction.Resume,
        ["cancel"] = CampaignAction.Cancel,
    };

    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", CreateAsync).WithAuditAction("campaign.create")
            .Accepts<CampaignDefinition>("application/json").Produces<CampaignRecord>(StatusCodes.Status201Created).ProducesValidationProblem();
        campaigns.MapGet("/", ListAsync).WithAuditAction("campaign.list").Produces<IReadOnlyList<CampaignRecord>>()
            .Produces(StatusCodes.Status200OK, contentType: CsvExport.ContentType).WithDescription("?format=csv answers the same page as a CSV file.");
        campaigns.MapGet("/{id}", GetAsync).WithAuditAction("campaign.read").Produces<CampaignRecord>().ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPut("/{id}", EditAsync).WithAuditAction("campaign.edit")
            .Accepts<CampaignEdit>("application/json").Produces<CampaignRecord>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        campaigns.MapGet("/{id}/next-fires", NextFiresAsync).WithAuditAction("campaign.next-fires").Produces<NextFires>();
        campaigns.MapPost("/{id}/{action}", ActAsync).WithAuditAction("campaign.action")
            .Accepts<ActionRequest>("application/json").Produces<CampaignRecord>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CampaignStore store, CampaignLifecycle lifecycle, CampaignChecks checks, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var (definition, unreadable) = await AdminJson.ReadAsync<CampaignDefinition>(context.Request);
        if (definition is null)
        {
            await audit.RecordAsync(officer.Audit("campaign.create", "campaign:new", AuditOutcome.Failed, Reason("unreadable")));
            return unreadable!;
        }
        var problems = checks.Validate(definition, CampaignAccess.ScopeOf(officer));
        if (problems.Count > 0)
        {
            // Targeting outside one's areas is a refusal; any other problem is a request to fix.
            var outside = problems.Any(p => p.Field.StartsWith("audience.areaCodes[", StringComparison.Ordinal) && p.Message.Contains("outside your areas", StringComparison.Ordinal));
            await audit.RecordAsync(officer.Audit("campaign.create", "campaign:new", outside ? AuditOutcome.Denied : AuditOutcome.Failed,
                Reason(outside ? "outside_scope" : "invalid", problems)));
            return AdminProblems.Invalid(problems);
        }

        var id = await store.NextIdAsync();
        var created = lifecycle.Create(id, definition, CampaignAccess.ActorOf(officer));
        if (!created.Succeeded)
        {
            await audit.RecordAsync(officer.Audit("campaign.create", "campaign:" + id, AuditOutcome.Denied, Reason(created.Error.Kind.ToString())));
            return AdminProblems.Refused(created.Error);
        }
        var save = await store.CreateAsync(created.Campaign);
        if (!save.Saved)
        {
            await audit.RecordAsync(officer.Audit("campaign.create", "campaign:" + id, AuditOutcome.Failed, Reason("id_taken")));
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Campaign id taken", detail: $"The new id '{id}' was already in use; send the request again.");
        }
        await audit.RecordAsync(officer.Audit("campaign.create", "campaign:" + id, AuditOutcome.Allowed));
        return Campaign(context, save.Campaign!, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, CampaignStore store, string? status, int? skip, int? take, string? format)
    {
        var officer = OfficerContext.Require(context);
        if (CsvExport.CheckFormat(format) is { } badFormat)
        {
            return badFormat;
        }
        CampaignStatus? only = null;
        if (status is not null)
        {
            var match = Enum.GetValues<CampaignStatus>().Where(s => s.Key() == status).ToArray();
            if (match.Length == 0)
            {
                return AdminProblems.Invalid("status", $"'{status}' is not a status; use {string.Join(", ", Enum.GetValues<CampaignStatus>().Select(s => s.Key()))}");
            }
            only = match[0];
        }
        var from = skip ?? 0;
        var count = take ?? 50;
        if (from < 0)
        {
            return AdminProblems.Invalid("skip", "must be 0 or more");
        }
        if (count is < 1 or > MaxListTake)
        {
            return AdminProblems.Invalid("take", $"must be between 1 and {MaxListTake}");
        }

        // Most recent first, filtered by scope (and status); scanned in batches so a page holds only what the officer may see.
        var visible = new List<CampaignRecord>();
        for (var offset = 0; visible.Count < from + count; offset += ListScanBatch)
        {
            var batch = await store.ListRecentAsync(offset, ListScanBatch);
            visible.AddRange(batch.Where(c => CampaignAccess.CanSee(officer, c) && (only is null || c.Status == only)));
            if (batch.Count < ListScanBatch)
            {
                break;
            }
        }
        var page = visible.Skip(from).Take(count).ToArray();
        return CsvExport.Wanted(format) ? CsvRows.Campaigns(page) : Results.Json(page, CampaignJson.Options);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, CampaignStore store, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var campaign = await FindVisibleAsync(id, officer, store, audit, "campaign.read");
        return campaign is null ? AdminProblems.NotFound(id) : Campaign(context, campaign);
    }

    private static async Task<IResult> EditAsync(string id, HttpContext context, CampaignStore store, CampaignLifecycle lifecycle, CampaignChecks checks, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var target = "campaign:" + id;
        var stored = await FindVisibleAsync(id, officer, store, audit, "campaign.edit");
        if (stored is null)
        {
            return AdminProblems.NotFound(id);
        }
        var (edit, unreadable) = await AdminJson.ReadAsync<CampaignEdit>(context.Request);
        if (edit is null)
        {
            await audit.RecordAsync(officer.Audit("campaign.edit", target, AuditOutcome.Failed, Reason("unreadable")));
            return unreadable!;
        }
        if (!TryReadIfMatch(context.Request, out var ifMatch))
        {
            return AdminProblems.Invalid("If-Match", "not a version; send the ETag you read, such as \"3\"");
        }
        if ((ifMatch ?? edit.Version) is not { } expected)
        {
            await audit.RecordAsync(officer.Audit("campaign.edit", target, AuditOutcome.Failed, Reason("version_missing")));
            return AdminProblems.VersionRequired();
        }
        if (stored.Version != expected)
        {
            await audit.RecordAsync(officer.Audit("campaign.edit", target, AuditOutcome.Failed, Reason("version_conflict")));
            return AdminProblems.VersionConflict(stored, expected);
        }

        var actor = CampaignAccess.ActorOf(officer);
        if (CampaignLifecycle.Check(stored, CampaignAction.Edit, actor) is { } refused)
        {
            return await RefusedAsync(audit, officer, "campaign.edit", target, refused);
        }
        var problems = checks.Validate(edit.Definition, CampaignAccess.ScopeOf(officer));
        if (problems.Count > 0)
        {
            await audit.RecordAsync(officer.Audit("campaign.edit", target, AuditOutcome.Failed, Reason("invalid", problems)));
            return AdminProblems.Invalid(problems);
        }
        var edited = lifecycle.Edit(stored, edit.Definition, actor);
        if (!edited.Succeeded)
        {
            return await RefusedAsync(audit, officer, "campaign.edit", target, edited.Error);
        }
        var save = await store.UpdateAsync(edited.Campaign with { Version = expected });
        switch (save.Outcome)
        {
            case SaveOutcome.Saved:
                await audit.RecordAsync(officer.Audit("campaign.edit", target, AuditOutcome.Allowed));
                return Campaign(context, save.Campaign!);
            case SaveOutcome.Conflict:
                await audit.RecordAsync(officer.Audit("campaign.edit", target, AuditOutcome.Failed, Reason("version_conflict")));
                return AdminProblems.VersionConflict(save.Campaign, expected);
            default:
                return AdminProblems.NotFound(id);
        }
    }

    private static async Task<IResult> ActAsync(string id, string action, HttpContext context, CampaignStore store, CampaignLifecycle lifecycle, CampaignChecks checks, IAuditLog audit)
    {
        if (!Actions.TryGetValue(action, out var move))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such action",
                detail: $"'{action}' is not a campaign action; use {string.Join(", ", Actions.Keys)}.");
        }
        var officer = OfficerContext.Require(context);
        var name = "campaign." + action;
        var target = "campaign:" + id;
        var stored = await FindVisibleAsync(id, officer, store, audit, name);
        if (stored is null)
        {
            return AdminProblems.NotFound(id);
        }
        var (body, unreadable) = await AdminJson.ReadAsync<ActionRequest>(context.Request, optional: true);
        if (unreadable is not null)
        {
            await audit.RecordAsync(officer.Audit(name, target, AuditOutcome.Failed, Reason("unreadable")));
            return unreadable;
        }

        var actor = CampaignAccess.ActorOf(officer);
        if (move is CampaignAction.Submit or CampaignAction.Approve)
        {
            // Time passes between writing and approving (a one-off may have slipped into the past): check again.
            // Permission first, so a refused approver learns why they may not, not what is wrong with the text.
            if (CampaignLifecycle.Check(stored, move, actor) is { } refused)
            {
                return await RefusedAsync(audit, officer, name, target, refused);
            }
            var problems = checks.Validate(stored.Definition, CampaignAccess.ScopeOf(officer));
            if (problems.Count > 0)
            {
                await audit.RecordAsync(officer.Audit(name, target, AuditOutcome.Failed, Reason("invalid", problems)));
                return AdminProblems.Invalid(problems);
            }
        }

        var result = await store.TransitionAsync(id, c => lifecycle.Apply(c, move, actor, body?.Reason));
        if (result is null)
        {
            return AdminProblems.NotFound(id);
        }
        if (!result.Succeeded)
        {
            return await RefusedAsync(audit, officer, name, target, result.Error);
        }
        var details = move == CampaignAction.Reject ? new Dictionary<string, string> { ["reason"] = body?.Reason ?? "" } : null;
        await audit.RecordAsync(officer.Audit(name, target, AuditOutcome.Allowed, details));
        return Campaign(context, result.Campaign);
    }

    private static async Task<IResult> NextFiresAsync(string id, int? count, HttpContext context, CampaignStore store, IAuditLog audit, TimeProvider time)
    {
        var officer = OfficerContext.Require(context);
        var wanted = count ?? 5;
        if (wanted is < 1 or > CampaignSchedule.MaxPreview)
        {
            return AdminProblems.Invalid("count", $"must be between 1 and {CampaignSchedule.MaxPreview}");
        }
        var campaign = await FindVisibleAsync(id, officer, store, audit, "campaign.next-fires");
        if (campaign is null)
        {
            return AdminProblems.NotFound(id);
        }
        var fires = CampaignSchedule.Next(campaign.Schedule, time.GetUtcNow(), wanted);
        return Results.Json(new NextFires(campaign.Id, CampaignSchedule.ZoneId, fires), CampaignJson.Options);
    }

    /// <summary>The campaign if it exists and the officer may see it; otherwise null, with the refusal audited.</summary>
    internal static async Task<CampaignRecord?> FindVisibleAsync(string id, OfficerContext officer, CampaignStore store, IAuditLog audit, string action)
    {
        CampaignRecord? campaign;
        try
        {
            campaign = await store.GetAsync(id);
        }
        catch (ArgumentException)
        {
            campaign = null;   // not even a valid id
        }
        if (campaign is not null && CampaignAccess.CanSee(officer, campaign))
        {
            return campaign;
        }
        await audit.RecordAsync(officer.Audit(action, "campaign:" + id, AuditOutcome.Denied, Reason(campaign is null ? "not_found" : "outside_scope")));
        return null;
    }

    private static async Task<IResult> RefusedAsync(IAuditLog audit, OfficerContext officer, string action, string target, LifecycleError error)
    {
        var outcome = error.Kind is LifecycleErrorKind.WrongState or LifecycleErrorKind.ReasonRequired ? AuditOutcome.Failed : AuditOutcome.Denied;
        await audit.RecordAsync(officer.Audit(action, target, outcome, new Dictionary<string, string>
        {
            ["reason"] = error.Kind.ToString(),
            ["status"] = error.Status.Key(),
        }));
        return AdminProblems.Refused(error);
    }

    private static Dictionary<string, string> Reason(string reason, IReadOnlyList<CampaignProblem>? problems = null)
    {
        var details = new Dictionary<string, string> { ["reason"] = reason };
        if (problems is { Count: > 0 })
        {
            details["fields"] = string.Join(",", problems.Select(p => p.Field).Distinct());
        }
        return details;
    }

    /// <summary>Reads <c>If-Match: "3"</c> (or W/"3", or 3); false when the header is there but is not a version.</summary>
    private static bool TryReadIfMatch(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return true;
        }
        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }
        if (long.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }

    private static IResult Campaign(HttpContext context, CampaignRecord campaign, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.ETag = $"\"{campaign.Version.ToString(CultureInfo.InvariantCulture)}\"";
        if (status == StatusCodes.Status201Created)
        {
            context.Response.Headers.Location = $"/api/admin/campaigns/{campaign.Id}";
        }
        return Results.Json(campaign, CampaignJson.Options, statusCode: status);
    }
}
