using System.Globalization;
using Campaign.Core.Campaigns;
using Campaign.Core.Delivery;
using Campaign.Core.Officers;
using Campaign.Core.Phones;
using Campaign.Hosting;
using Campaign.Hosting.Officers;
using Microsoft.Extensions.Options;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/do-not-contact</c>: numbers that get no campaign message whatever their
/// subscription says. Any officer may add numbers (the list only ever protects residents) and check
/// one; taking a number off the list needs an approver or an admin. Numbers are stored as E.164
/// and are masked in answers and in the audit log.
/// </summary>
internal static class DoNotContactEndpoints
{
    private const int AddBatch = 500;

    private static readonly CsvColumns Columns = new(["phone"], []);

    public static RouteGroupBuilder MapDoNotContact(this RouteGroupBuilder api, long maxImportBytes)
    {
        var list = api.MapGroup("/do-not-contact").WithTags("Do not contact");
        list.MapPost("/import", ImportAsync).WithAuditAction("dnc.import")
            .WithMaxBodySize(maxImportBytes)
            .WithSummary("Add phone numbers from CSV (column: phone)")
            .WithDescription("Invalid rows are reported by line (the header is line 1); the valid numbers are added. A malformed file is refused whole.")
            .Accepts<string>("text/csv").Produces<DoNotContactImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        list.MapGet("/{phone}", CheckAsync).WithAuditAction("dnc.check")
            .WithSummary("Whether a number is on the list (any Vietnamese format)")
            .Produces<DoNotContactStatus>().ProducesProblem(StatusCodes.Status400BadRequest);
        list.MapDelete("/{phone}", RemoveAsync).WithAuditAction("dnc.remove")
            .RequireAuthorization(OfficerPolicies.Approver)
            .WithSummary("Take a number off the list (approvers and admins)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> ImportAsync(HttpContext context, DoNotContactList dnc, IAuditLog audit, IOptions<AdminApiOptions> options)
    {
        var officer = OfficerContext.Require(context);
        var receipt = await CsvUpload.ReceiveAsync(context, options.Value.MaxImportBytes, Columns);
        if (receipt.Upload is not { } upload)
        {
            await audit.RecordAsync(officer.Audit("dnc.import", "dnc", AuditOutcome.Failed, SubscriberEndpoints.Refusal(receipt)));
            return receipt.Refusal!;
        }

        var invalid = new InvalidLines();
        var firstLine = new Dictionary<long, long>();
        var batch = new List<string>(AddBatch);
        long rows = 0, valid = 0, added = 0;
        await foreach (var line in upload.ReadAsync(context.RequestAborted))
        {
            rows++;
            var error = Check(line, upload, firstLine, out var e164);
            if (error is not null)
            {
                invalid.Add(line.Line, error);
                continue;
            }
            valid++;
            batch.Add(e164!);
            if (batch.Count == AddBatch)
            {
                added += await dnc.AddAsync(batch);
                batch.Clear();
            }
        }
        added += await dnc.AddAsync(batch);

        var report = new DoNotContactImportReport(rows, added, valid - added, invalid.Listed, invalid.Count, invalid.NotListed, await dnc.CountAsync(), upload.IgnoredColumns);
        await audit.RecordAsync(officer.Audit("dnc.import", "dnc", AuditOutcome.Allowed, new Dictionary<string, string>
        {
            ["rows"] = Text(report.Rows),
            ["added"] = Text(report.Added),
            ["alreadyListed"] = Text(report.AlreadyListed),
            ["invalid"] = Text(report.InvalidCount),
        }));
        return Results.Json(report, CampaignJson.Options);
    }

    private static async Task<IResult> CheckAsync(string phone, HttpContext context, DoNotContactList dnc, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var number = VietnamPhoneNumber.Normalize(phone);
        if (!number.IsValid)
        {
            return AdminProblems.Invalid("phone", number.Error, "Not a phone number");
        }
        var listed = await dnc.ContainsAsync(number.E164);
        var masked = PhoneMask.Mask(number.E164);
        await audit.RecordAsync(officer.Audit("dnc.check", "phone:" + masked, AuditOutcome.Allowed,
            new Dictionary<string, string> { ["listed"] = listed ? "true" : "false" }));
        return Results.Json(new DoNotContactStatus(masked, listed), CampaignJson.Options);
    }

    private static async Task<IResult> RemoveAsync(string phone, HttpContext context, DoNotContactList dnc, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var number = VietnamPhoneNumber.Normalize(phone);
        if (!number.IsValid)
        {
            return AdminProblems.Invalid("phone", number.Error, "Not a phone number");
        }
        var masked = PhoneMask.Mask(number.E164);
        var removed = await dnc.RemoveAsync(number.E164);
        await audit.RecordAsync(officer.Audit("dnc.remove", "phone:" + masked, removed ? AuditOutcome.Allowed : AuditOutcome.Failed,
            removed ? null : new Dictionary<string, string> { ["reason"] = "not_listed" }));
        return removed
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not on the list", detail: $"{masked} is not on the do-not-contact list.");
    }

    /// <returns>Why the row is refused, or null with the number in E.164.</returns>
    /// <param name="firstLine">E.164 digits → the line that listed the number (a long per number keeps a 20 MiB file's worth small).</param>
    private static string? Check(CsvLine line, CsvUpload upload, Dictionary<long, long> firstLine, out string? e164)
    {
        e164 = null;
        var problems = new List<string>();
        if (line.FieldCount > upload.HeaderFieldCount)
        {
            problems.Add($"{line.FieldCount} values where the header has {upload.HeaderFieldCount}; put a value containing '{upload.Separator}' in quotes");
        }
        var text = line.Values[0];
        if (text.Length == 0)
        {
            problems.Add("phone: empty");
        }
        else
        {
            var phone = VietnamPhoneNumber.Normalize(text);
            if (!phone.IsValid)
            {
                problems.Add("phone: " + phone.Error);
            }
            else if (firstLine.TryGetValue(Digits(phone.E164), out var first))
            {
                problems.Add($"duplicate: the same phone number as line {Text(first)}");
            }
            else if (problems.Count == 0)
            {
                // Only a listed row claims its number, as in the subscriber import.
                firstLine[Digits(phone.E164)] = line.Line;
                e164 = phone.E164;
            }
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static long Digits(string e164) => long.Parse(e164.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
