using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using Microsoft.AspNetCore.Antiforgery;

namespace CampaignBot.Console.SignIn;

/// <summary>
/// <c>GET /api/admin/me</c>: who is signed in, and the CSRF token console pages send back in
/// <c>X-CSRF-Token</c> on every POST, PUT, PATCH or DELETE.
/// </summary>
internal static class MeEndpoint
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetAsync).WithTags("Officers").WithAuditAction("officer.me").Produces<MeView>();
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext context, OfficerStore officers, IAntiforgery antiforgery)
    {
        var officer = OfficerContext.Require(context);
        var stored = await officers.GetAsync(officer.Id);
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new MeView(officer.Id, officer.Name, stored?.Username, officer.Role.Key(), officer.Scope.ToString(), tokens.RequestToken!));
    }
}

/// <summary>The signed-in officer; <c>areas</c> is "D01,08" or "*".</summary>
internal sealed record MeView(string Id, string Name, string? Username, string Role, string Areas, string CsrfToken);
