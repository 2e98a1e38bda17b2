using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Hosting.Officers;

/// <summary>
/// The two checks console sessions add to the pipeline: console pages need a signed-in session
/// (else a redirect to the login form), and state-changing API requests made with the session
/// cookie need the antiforgery token in <c>X-CSRF-Token</c>. API keys need no CSRF token: a browser
/// never adds them to a request by itself, as it does cookies.
/// </summary>
public static class ConsoleRequestGuards
{
    /// <summary>After <c>UseAuthentication</c>, before anything that serves console pages (static files included).</summary>
    public static IApplicationBuilder UseConsolePageGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (NeedsSession(context.Request.Path))
        {
            var result = await context.AuthenticateAsync(ConsoleDefaults.Scheme);
            if (!result.Succeeded)
            {
                await context.ChallengeAsync(ConsoleDefaults.Scheme);
                return;
            }
            context.User = result.Principal;
        }
        await next(context);
    });

    /// <summary>After <c>UseAuthorization</c> (so the request's officer is known), before the endpoints.</summary>
    public static IApplicationBuilder UseConsoleCsrf(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsUnsafe(context.Request.Method)
            && RequiresAuthorization(context.GetEndpoint())
            && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ConsoleDefaults.Scheme))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await OfficerProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "CSRF token missing or invalid",
                    $"Requests signed in with the console session must send the {ConsoleDefaults.CsrfHeaderName} header with the csrfToken of GET /api/admin/me; reload the page and try again.");
                return;
            }
        }
        await next(context);
    });

    /// <summary>Console paths other than the login form, logout and public assets.</summary>
    public static bool NeedsSession(PathString path) =>
        path.StartsWithSegments(ConsoleDefaults.PathBase, StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments(ConsoleDefaults.LoginPath, StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments(ConsoleDefaults.LogoutPath, StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments(ConsoleDefaults.AssetsPath, StringComparison.OrdinalIgnoreCase);

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool RequiresAuthorization(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
