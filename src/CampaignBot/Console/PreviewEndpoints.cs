using System.Globalization;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Officers;
using Campaign.Core.Text;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/preview/message</c> and <c>/api/admin/schedule/preview</c>: what a campaign being
/// written will look like and when it will go out, computed by the same code that sends it
/// (<see cref="SmsRenderer"/>, <see cref="CampaignSchedule"/>, the validator), so the preview is the truth.
/// Nothing is stored; an area to fill placeholders for must be one of the officer's.
/// </summary>
internal static class PreviewEndpoints
{
    /// <summary>Longer texts are refused: far past any SMS limit, and previews run on every keystroke.</summary>
    public const int MaxTextLength = 5000;

    public const int ScheduleFires = 5;

    public static RouteGroupBuilder MapPreviews(this RouteGroupBuilder api)
    {
        api.MapPost("/preview/message", PreviewMessageAsync).WithTags("Previews").WithAuditAction("preview.message")
            .WithSummary("A campaign's chat and SMS texts as residents get them: placeholders filled, SMS encoding, segments, price, and what stripping marks would save")
            .Accepts<MessagePreviewRequest>("application/json").Produces<MessagePreviewResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/schedule/preview", PreviewScheduleAsync).WithTags("Previews").WithAuditAction("preview.schedule")
            .WithSummary("The next 5 fire times of a schedule (same JSON as a campaign's), in Vietnam's time and in plain Vietnamese")
            .Accepts<SchedulePreviewRequest>("application/json").Produces<SchedulePreviewResponse>()
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> PreviewMessageAsync(HttpContext context, ContentStore content, SmsRenderer renderer, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var (body, unreadable) = await AdminJson.ReadAsync<MessagePreviewRequest>(context.Request);
        if (body is null)
        {
            return unreadable!;
        }
        var errors = new List<FieldError>();
        if (body.Chat?.Length > MaxTextLength)
        {
            errors.Add(new FieldError("chat", $"{body.Chat.Length} characters; a preview takes at most {MaxTextLength}"));
        }
        if (body.Sms?.Length > MaxTextLength)
        {
            errors.Add(new FieldError("sms", $"{body.Sms.Length} characters; a preview takes at most {MaxTextLength}"));
        }
        var current = content.Current;
        string? areaCode = null;
        if (!string.IsNullOrWhiteSpace(body.AreaCode))
        {
            if (current.Areas.Find(body.AreaCode) is not { } area)
            {
                errors.Add(new FieldError("areaCode", $"'{body.AreaCode.Trim()}' is not a known area code (content/areas.yaml)"));
            }
            else if (!SubscriberAccess.CanSeeArea(officer, area.Code))
            {
                await audit.RecordAsync(officer.Audit("preview.message", "area:" + area.Code, AuditOutcome.Denied, new Dictionary<string, string> { ["reason"] = "outside_scope" }));
                return AdminProblems.OutsideScope([new FieldError("areaCode", $"'{area.Code}' is outside your areas ({officer.Scope})")]);
            }
            else
            {
                areaCode = area.Code;
            }
        }
        if (errors.Count > 0)
        {
            return AdminProblems.Invalid(errors, "The preview request has problems");
        }

        var chat = Diacritics.ToNfc(AreaPlaceholders.Fill(current, TextTemplate.Parse(body.Chat ?? ""), areaCode)).Trim();
        var smsWritten = Diacritics.ToNfc(AreaPlaceholders.Fill(current, TextTemplate.Parse(body.Sms ?? ""), areaCode)).Trim();
        var sms = renderer.Render(smsWritten);
        var forms = SmsPreview.For(smsWritten);
        var options = renderer.Options;
        var response = new MessagePreviewResponse(
            new ChatPreview(chat, new StringInfo(chat).LengthInTextElements),
            new SmsMessagePreview(
                sms.Text,
                sms.Encoding.ToDisplayName(),
                sms.Characters,
                sms.Segments,
                sms.Shortened,
                options.Diacritics.ToString().ToLowerInvariant(),
                options.PricePerSegment,
                options.Currency,
                sms.Segments * options.PricePerSegment,
                new SmsForm(forms.AsWritten.Segments, forms.AsWritten.Encoding.ToDisplayName()),
                new SmsForm(forms.Unaccented.Segments, forms.Unaccented.Encoding.ToDisplayName()),
                Math.Max(0, forms.AsWritten.Segments - forms.Unaccented.Segments)));
        return Results.Json(response, CampaignJson.Options);
    }

    private static async Task<IResult> PreviewScheduleAsync(HttpContext context, CampaignChecks checks, TimeProvider time)
    {
        OfficerContext.Require(context);
        var (body, unreadable) = await AdminJson.ReadAsync<SchedulePreviewRequest>(context.Request);
        if (body is null)
        {
            return unreadable!;
        }
        var problems = checks.ValidateSchedule(body.Schedule);
        if (problems.Count > 0)
        {
            return AdminProblems.Invalid(problems.Select(p => new FieldError(p.Field, p.Message)), "The schedule has problems");
        }
        var fires = CampaignSchedule.Next(body.Schedule!, time.GetUtcNow(), ScheduleFires);
        return Results.Json(new SchedulePreviewResponse(
            [.. fires.Select(f => new FirePreview(f.Utc, VietnamTime.Iso(f.Utc), VietnamTime.Text(f.Local)))],
            ScheduleSummary.Describe(body.Schedule!, fires)), CampaignJson.Options);
    }
}
