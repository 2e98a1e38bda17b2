using System.Globalization;
using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Officers;
using Campaign.Core.Subscribers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/audience/estimate</c>: how many residents an audience (a campaign's, same JSON)
/// would reach, by channel and by area, before the campaign is written. Areas follow the campaign
/// rules: each covers the areas below it in the tree, and targeting outside one's areas is refused.
/// </summary>
internal static class AudienceEndpoints
{
    public static RouteGroupBuilder MapAudience(this RouteGroupBuilder api)
    {
        api.MapGroup("/audience").WithTags("Audience")
            .MapPost("/estimate", EstimateAsync).WithAuditAction("audience.estimate")
            .WithSummary("How many subscribed residents an audience reaches at most (topics not applied)")
            .Accepts<Audience>("application/json").Produces<AudienceEstimateResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> EstimateAsync(HttpContext context, CampaignChecks checks, SubscriberStore store, ContentStore content, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var (audience, unreadable) = await AdminJson.ReadAsync<Audience>(context.Request);
        if (audience is null)
        {
            await audit.RecordAsync(officer.Audit("audience.estimate", "audience", AuditOutcome.Failed, new Dictionary<string, string> { ["reason"] = "unreadable" }));
            return unreadable!;
        }

        // Outside one's areas is a refusal (403), as it is for a campaign's audience; other problems are 400s.
        var areas = content.Current.Areas;
        var outside = audience.AreaCodes
            .Select((code, i) => (Code: code?.Trim() ?? "", Index: i))
            .Where(a => areas.Find(a.Code) is not null && !officer.Covers(areas.Find(a.Code)!.Code))
            .Select(a => new FieldError($"areaCodes[{a.Index}]", $"'{a.Code}' is outside your areas ({officer.Scope})"))
            .ToArray();
        if (outside.Length > 0)
        {
            await audit.RecordAsync(officer.Audit("audience.estimate", "audience", AuditOutcome.Denied, new Dictionary<string, string>
            {
                ["reason"] = "outside_scope",
                ["areas"] = string.Join(",", outside.Select(e => e.Field)),
            }));
            return AdminProblems.OutsideScope(outside);
        }
        var problems = checks.ValidateAudience(audience, CampaignAccess.ScopeOf(officer));
        if (problems.Count > 0)
        {
            await audit.RecordAsync(officer.Audit("audience.estimate", "audience", AuditOutcome.Failed, new Dictionary<string, string>
            {
                ["reason"] = "invalid",
                ["fields"] = string.Join(",", problems.Select(p => p.Field).Distinct()),
            }));
            return AdminProblems.Invalid(problems.Select(p => new FieldError(ToBodyPath(p.Field), p.Message)), "The audience has problems");
        }

        var estimate = AudienceEstimator.Estimate(audience, await store.CountSubscribedByAreaAsync(), areas);
        await audit.RecordAsync(officer.Audit("audience.estimate", "audience", AuditOutcome.Allowed, new Dictionary<string, string>
        {
            ["areas"] = string.Join(",", estimate.ByArea.Select(a => a.Code)),
            ["channels"] = string.Join(",", estimate.ByChannel.Keys.Select(c => c.Key())),
            ["total"] = estimate.Total.ToString(CultureInfo.InvariantCulture),
        }));
        return Results.Json(AudienceEstimateResponse.Of(estimate), CampaignJson.Options);
    }

    /// <summary>The body is the audience itself, so "audience.areaCodes[0]" is "areaCodes[0]" in it.</summary>
    private static string ToBodyPath(string field) =>
        field.StartsWith("audience.", StringComparison.Ordinal) ? field["audience.".Length..] : field == "audience" ? "$" : field;
}
