using Campaign.Hosting.Officers;
using CampaignBot.Console.Officers;
using CampaignBot.Console.SignIn;
using Microsoft.Extensions.Options;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin</c>: the officers' API, every endpoint behind an officer API key or console
/// session (401 without one), plus the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class AdminApi
{
    public const string Prefix = "/api/admin";

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var maxImportBytes = app.Services.GetRequiredService<IOptions<AdminApiOptions>>().Value.MaxImportBytes;
        app.MapGroup(Prefix)
            .RequireAuthorization(OfficerPolicies.Officer)
            .MapCampaigns()
            .MapOccurrences()
            .MapSubscribers(maxImportBytes)
            .MapDoNotContact(maxImportBytes)
            .MapAudience()
            .MapMe()
            .MapOfficers()
            .MapPreviews()
            .MapDashboard()
            .MapTimeline()
            .MapAreaReport()
            .MapAudit()
            .MapInbox()
            .MapAnswers()
            .MapContent();
        return app;
    }
}
