using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using Campaign.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Officers;

/// <summary>
/// CampaignBot in-process with officer access added and a few stand-in endpoints, one per policy,
/// until the admin API exists. Each officer the tests need is added through the real store.
/// </summary>
public sealed class OfficerApiHost : InProcessApp
{
    public const string Me = "test/officers/me";
    public const string Approve = "test/officers/approve";
    public const string ManageOfficers = "test/officers/manage";
    public const string AreaPrefix = "test/officers/areas/";
    public const string Open = "test/officers/open";

    private OfficerApiHost(WebApplication app, Uri baseAddress, string keyPrefix) : base(app, baseAddress, keyPrefix)
    {
    }

    public OfficerStore Officers => Get<OfficerStore>();

    public IAuditLog Audit => Get<IAuditLog>();

    public static async Task<OfficerApiHost> StartAsync(RedisServer redis, int failedKeyAttemptsPerMinute = 10_000)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Officers:FailedKeyAttemptsPerMinute"] = failedKeyAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var (app, baseAddress, prefix) = await LaunchAsync(Create, redis, settings, null);
        return new OfficerApiHost(app, baseAddress, prefix);
    }

    /// <summary>Adds an officer and returns them with their key.</summary>
    public Task<(Officer Officer, NewApiKey Key)> AddAsync(OfficerRole role, string areas, string name = "Cán bộ thử") =>
        Officers.AddAsync(new NewOfficer(name, role, AreaScope.Parse(areas)));

    private static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var app = CampaignBotApp.Create(args, builder =>
        {
            builder.Services.AddOfficerAccess(builder.Configuration);
            configure?.Invoke(builder);
        });
        // After the exception handler and status pages, as CampaignBot will place them.
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/" + Open, () => "open to anyone");
        app.MapGet("/" + Me, (HttpContext context) =>
        {
            var officer = OfficerContext.Require(context);
            return Results.Json(new { id = officer.Id, role = officer.Role.Key(), areas = officer.Scope.Codes, keyId = officer.KeyId });
        }).RequireAuthorization(OfficerPolicies.Officer);
        app.MapPost("/" + Approve, () => Results.NoContent())
            .RequireAuthorization(OfficerPolicies.Approver)
            .WithAuditAction("campaign.approve");
        app.MapPost("/" + ManageOfficers, () => Results.NoContent())
            .RequireAuthorization(OfficerPolicies.Admin);
        // What a campaign endpoint will do with an area: check the scope, audit either way.
        app.MapGet("/" + AreaPrefix + "{code}", async (string code, HttpContext context, IAuditLog audit) =>
        {
            var officer = OfficerContext.Require(context);
            var covered = officer.Covers(code);
            await audit.RecordAsync(officer.Audit("area.read", "area:" + code, covered ? AuditOutcome.Allowed : AuditOutcome.Denied));
            return covered
                ? Results.Ok(new { area = code })
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your areas", detail: $"{code} is not in your areas ({officer.Scope}).");
        }).RequireAuthorization(OfficerPolicies.Officer);
        return app;
    }
}
