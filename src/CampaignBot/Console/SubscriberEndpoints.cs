using System.Globalization;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Officers;
using Campaign.Core.Phones;
using Campaign.Core.Subscribers;
using Campaign.Hosting;
using Campaign.Hosting.Officers;
using Microsoft.Extensions.Options;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/subscribers</c>: import residents from a CSV file (consent recorded as the import),
/// find a resident by phone, list an area's subscribers, read one. Officers import into and see only
/// their own areas; phone numbers leave the API masked and never reach the audit log.
/// </summary>
internal static class SubscriberEndpoints
{
    /// <summary>Rows handed to the store at once.</summary>
    public const int ImportBatch = 500;

    private const int MaxListTake = 200;

    /// <summary>A CSV download may hold a bigger page than the screen shows.</summary>
    private const int MaxCsvTake = 10_000;

    public static RouteGroupBuilder MapSubscribers(this RouteGroupBuilder api, long maxImportBytes)
    {
        var subscribers = api.MapGroup("/subscribers").WithTags("Subscribers");
        subscribers.MapPost("/import", ImportAsync).WithAuditAction("subscriber.import")
            .WithMaxBodySize(maxImportBytes)
            .WithSummary("Import residents from CSV: phone, area (required), name, topics")
            .WithDescription("Header line, then one resident a line. Invalid rows are reported by line (the header is line 1) and the valid ones imported; a malformed file is refused whole.")
            .Accepts<string>("text/csv").Produces<SubscriberImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        subscribers.MapGet("/", SearchAsync).WithAuditAction("subscriber.search")
            .WithSummary("Find a resident by phone, or list the subscribed residents of an area (and the areas below it)")
            .WithDescription("?format=csv answers the page as a CSV file (take up to 10000); addresses stay masked.")
            .Produces<SubscriberPage>().Produces(StatusCodes.Status200OK, contentType: CsvExport.ContentType).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        subscribers.MapGet("/{id}", GetAsync).WithAuditAction("subscriber.read")
            .Produces<SubscriberView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ImportAsync(HttpContext context, SubscriberStore store, ContentStore content, IAuditLog audit, TimeProvider time, IOptions<AdminApiOptions> options)
    {
        var officer = OfficerContext.Require(context);
        var importId = AuditSafeId.New("imp_", 5);
        var target = "import:" + importId;
        var receipt = await CsvUpload.ReceiveAsync(context, options.Value.MaxImportBytes, SubscriberRowCheck.Columns);
        if (receipt.Upload is not { } upload)
        {
            await audit.RecordAsync(officer.Audit("subscriber.import", target, AuditOutcome.Failed, Refusal(receipt)));
            return receipt.Refusal!;
        }

        var current = content.Current;
        var check = new SubscriberRowCheck(current.Areas, current.Themes, officer, upload.Separator, upload.HeaderFieldCount);
        // Short evidence: the import and who ran it; the audit entry below has the rest.
        var consent = new Consent(time.GetUtcNow(), "import", $"{importId} by {officer.Id}");
        var invalid = new InvalidLines();
        var tally = new Dictionary<ImportOutcome, long>();
        var batch = new List<SubscriberImportRow>(ImportBatch);
        long rows = 0;
        await foreach (var line in upload.ReadAsync(context.RequestAborted))
        {
            rows++;
            if (check.Check(line, out var error) is { } row)
            {
                batch.Add(row);
                if (batch.Count == ImportBatch)
                {
                    await ImportBatchAsync(store, batch, consent, tally);
                }
            }
            else
            {
                invalid.Add(line.Line, error!);
            }
        }
        await ImportBatchAsync(store, batch, consent, tally);

        var report = new SubscriberImportReport(
            importId,
            rows,
            tally.GetValueOrDefault(ImportOutcome.Created),
            tally.GetValueOrDefault(ImportOutcome.Subscribed),
            tally.GetValueOrDefault(ImportOutcome.Updated),
            tally.GetValueOrDefault(ImportOutcome.KeptOptedOut),
            invalid.Listed,
            invalid.Count,
            invalid.NotListed,
            upload.IgnoredColumns);
        await audit.RecordAsync(officer.Audit("subscriber.import", target, AuditOutcome.Allowed, new Dictionary<string, string>
        {
            ["rows"] = Text(report.Rows),
            ["created"] = Text(report.Created),
            ["subscribed"] = Text(report.Subscribed),
            ["updated"] = Text(report.Updated),
            ["keptOptedOut"] = Text(report.KeptOptedOut),
            ["invalid"] = Text(report.InvalidCount),
        }));
        return Results.Json(report, CampaignJson.Options);
    }

    private static async Task ImportBatchAsync(SubscriberStore store, List<SubscriberImportRow> batch, Consent consent, Dictionary<ImportOutcome, long> tally)
    {
        if (batch.Count == 0)
        {
            return;
        }
        foreach (var outcome in await store.ImportAsync(batch, consent))
        {
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
        }
        batch.Clear();
    }

    private static async Task<IResult> SearchAsync(HttpContext context, SubscriberStore store, SubscriberListing listing, ContentStore content, IAuditLog audit,
        string? phone, string? area, int? skip, int? take, string? format)
    {
        var officer = OfficerContext.Require(context);
        if (CsvExport.CheckFormat(format) is { } badFormat)
        {
            return badFormat;
        }
        var csv = CsvExport.Wanted(format);
        var areas = content.Current.Areas;
        var from = skip ?? 0;
        var count = take ?? 50;
        var maxTake = csv ? MaxCsvTake : MaxListTake;
        if (from < 0)
        {
            return AdminProblems.Invalid("skip", "must be 0 or more");
        }
        if (count < 1 || count > maxTake)
        {
            return AdminProblems.Invalid("take", $"must be between 1 and {maxTake}");
        }
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(area))
        {
            return AdminProblems.Invalid("phone", "give a phone number to find, or an area to list", "Say what to look for");
        }

        string? areaCode = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            if (areas.Find(area) is not { } known)
            {
                return AdminProblems.Invalid("area", $"'{area.Trim()}' is not a known area code (content/areas.yaml)");
            }
            areaCode = known.Code;
            if (!SubscriberAccess.CanSeeArea(officer, areaCode))
            {
                await audit.RecordAsync(officer.Audit("subscriber.search", "area:" + areaCode, AuditOutcome.Denied, new Dictionary<string, string> { ["reason"] = "outside_scope" }));
                return AdminProblems.OutsideScope([new FieldError("area", $"'{areaCode}' is outside your areas ({officer.Scope})")]);
            }
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            var number = VietnamPhoneNumber.Normalize(phone);
            if (!number.IsValid)
            {
                return AdminProblems.Invalid("phone", number.Error, "Not a phone number");
            }
            var found = await store.FindAsync(Channel.Sms, number.E164);
            var visible = found is not null && SubscriberAccess.CanSee(officer, found)
                && (areaCode is null || (found.AreaCode is { } at && areas.IsWithin(at, areaCode)));
            await audit.RecordAsync(officer.Audit("subscriber.search", "phone:" + PhoneMask.Mask(number.E164), AuditOutcome.Allowed,
                Details(csv, ("found", visible ? "1" : "0"))));
            SubscriberView[] items = visible && from == 0 ? [SubscriberView.Of(found!, areas)] : [];
            return csv ? CsvRows.Subscribers(items) : Results.Json(new SubscriberPage(visible ? 1 : 0, items), CampaignJson.Options);
        }

        var codes = areas.Descendants(areaCode!).Select(a => a.Code);
        var (total, page) = await listing.SubscribedInAsync(codes, from, count);
        await audit.RecordAsync(officer.Audit("subscriber.search", "area:" + areaCode, AuditOutcome.Allowed,
            Details(csv, ("total", Text(total)), ("returned", Text(page.Count)))));
        SubscriberView[] views = [.. page.Select(s => SubscriberView.Of(s, areas))];
        return csv ? CsvRows.Subscribers(views) : Results.Json(new SubscriberPage(total, views), CampaignJson.Options);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, SubscriberStore store, ContentStore content, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var subscriber = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? await store.GetAsync(number)
            : null;
        var target = "subscriber:" + id;
        if (subscriber is null || !SubscriberAccess.CanSee(officer, subscriber))
        {
            // Outside one's areas answers like a missing id, so ids reveal nothing.
            await audit.RecordAsync(officer.Audit("subscriber.read", target, AuditOutcome.Denied,
                new Dictionary<string, string> { ["reason"] = subscriber is null ? "not_found" : "outside_scope" }));
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such subscriber",
                detail: $"There is no subscriber '{id}' in your areas.");
        }
        await audit.RecordAsync(officer.Audit("subscriber.read", target, AuditOutcome.Allowed));
        return Results.Json(SubscriberView.Of(subscriber, content.Current.Areas), CampaignJson.Options);
    }

    /// <summary>The audit details of an upload refused whole.</summary>
    internal static Dictionary<string, string> Refusal(CsvReceipt receipt)
    {
        var details = new Dictionary<string, string> { ["reason"] = receipt.Reason ?? "refused" };
        if (receipt.Problem is { } problem)
        {
            details["line"] = Text(problem.Line);
            if (problem.ColumnName is { } column)
            {
                details["column"] = column;
            }
        }
        return details;
    }

    /// <summary>Audit details, saying when the answer was a CSV download (addresses leave the API masked either way).</summary>
    private static Dictionary<string, string> Details(bool csv, params (string Key, string Value)[] facts)
    {
        var details = facts.ToDictionary(f => f.Key, f => f.Value);
        if (csv)
        {
            details["format"] = "csv";
        }
        return details;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
