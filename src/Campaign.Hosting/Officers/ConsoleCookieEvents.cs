using Campaign.Core.Officers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Keeps console sessions honest: every request re-reads the officer from Redis (a new role or
/// new areas apply at once; a disabled officer or a changed password ends the session), and API
/// paths get 401/403 problems instead of a redirect to the login page.
/// </summary>
public sealed class ConsoleCookieEvents(OfficerStore officers) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Principal?.FindFirst(OfficerClaims.Id)?.Value;
        var stamp = context.Principal?.FindFirst(OfficerClaims.PasswordStamp)?.Value;
        var officer = id is null ? null : await officers.GetAsync(id);
        var hash = officer is null ? null : await officers.GetPasswordHashAsync(officer.Id);
        if (officer is not { Disabled: false, Username: not null } || hash is null || OfficerPasswords.Stamp(hash) != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleDefaults.Scheme);
            return;
        }
        context.ReplacePrincipal(OfficerClaims.ConsolePrincipal(officer, stamp));
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsPage(context.Request))
        {
            return base.RedirectToLogin(context);
        }
        return OfficerProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in required",
            "Your console session has ended or is missing; sign in again at " + ConsoleDefaults.LoginPath + ", or send an API key as 'Authorization: Bearer cmp_…'.");
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = OfficerContext.From(context.HttpContext)?.Role.Key() ?? "none";
        return OfficerProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed for your role",
            $"Your role ({role}) may not do this; ask an officer with a higher role, or an admin.");
    }

    /// <summary>Console pages are redirected to the login form; everything else (the API) gets a status code.</summary>
    private static bool IsPage(HttpRequest request) =>
        request.Path.StartsWithSegments(ConsoleDefaults.PathBase, StringComparison.OrdinalIgnoreCase);
}
