using Campaign.Core.Officers;
using Campaign.Hosting.Officers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CampaignBot.Console.SignIn;

/// <summary>
/// <c>/console/login</c> (the form, and signing in with it) and <c>/console/logout</c>. Both posts
/// carry the antiforgery token; the session itself is the "Console" cookie scheme.
/// </summary>
internal static class SignInEndpoints
{
    private const string SignedOutFlag = "signedOut";

    public static WebApplication MapConsoleSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ConsoleDefaults.LoginPath, ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(ConsoleDefaults.LoginPath, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(ConsoleDefaults.LogoutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, string? returnUrl)
    {
        var target = SafeReturnUrl(returnUrl);
        if ((await context.AuthenticateAsync(ConsoleDefaults.Scheme)).Succeeded)
        {
            return Results.Redirect(target);
        }
        var tokens = antiforgery.GetAndStoreTokens(context);
        var signedOut = context.Request.Query.ContainsKey(SignedOutFlag);
        return LoginPage.Render(StatusCodes.Status200OK, tokens.RequestToken!, tokens.FormFieldName, target,
            message: signedOut ? LoginPageText.SignedOut : null, tone: LoginPage.Tone.Info);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, ConsoleSignIn signIn, TimeProvider time)
    {
        if (!context.Request.HasFormContentType)
        {
            return Again(context, antiforgery, StatusCodes.Status400BadRequest, "/console", "", LoginPageText.Missing);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var username = form["username"].ToString();
        var password = form["password"].ToString();
        var target = SafeReturnUrl(form[ConsoleDefaults.ReturnUrlParameter].ToString());
        var shownName = username.Length <= OfficerUsername.MaxLength ? username.Trim() : "";

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Again(context, antiforgery, StatusCodes.Status400BadRequest, target, shownName, LoginPageText.Expired);
        }
        if (string.IsNullOrWhiteSpace(username) || password.Length == 0)
        {
            return Again(context, antiforgery, StatusCodes.Status400BadRequest, target, shownName, LoginPageText.Missing);
        }

        var result = await signIn.AttemptAsync(username, password, ClientAddress(context));
        switch (result)
        {
            case { Outcome: SignInOutcome.SignedIn, Officer: { } officer, PasswordStamp: { } stamp }:
                await context.SignInAsync(ConsoleDefaults.Scheme, OfficerClaims.ConsolePrincipal(officer, stamp),
                    new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
                return Results.Redirect(target);
            case { Outcome: SignInOutcome.LockedOut, LockedUntil: { } until }:
                return Again(context, antiforgery, StatusCodes.Status429TooManyRequests, target, shownName, LoginPageText.LockedOut(until - time.GetUtcNow()));
            case { Outcome: SignInOutcome.Disabled }:
                return Again(context, antiforgery, StatusCodes.Status403Forbidden, target, shownName, LoginPageText.Disabled);
            default:
                return Again(context, antiforgery, StatusCodes.Status400BadRequest, target, shownName, LoginPageText.WrongCredentials);
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, IAuditLog audit)
    {
        var session = await context.AuthenticateAsync(ConsoleDefaults.Scheme);
        if (session.Succeeded)
        {
            // Token bound to the signed-in officer: another site cannot sign them out.
            context.User = session.Principal;
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "CSRF token missing or invalid",
                    detail: $"Send the csrfToken of GET /api/admin/me in the {ConsoleDefaults.CsrfHeaderName} header or the {ConsoleDefaults.CsrfFormFieldName} form field.");
            }
            await context.SignOutAsync(ConsoleDefaults.Scheme);
            if (OfficerContext.From(context) is { } officer)
            {
                await audit.RecordAsync(officer.Audit("auth.signout", "username:" + officer.Username, AuditOutcome.Allowed));
            }
        }
        return Results.Redirect($"{ConsoleDefaults.LoginPath}?{SignedOutFlag}=1");
    }

    private static IResult Again(HttpContext context, IAntiforgery antiforgery, int status, string returnUrl, string username, string message)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return LoginPage.Render(status, tokens.RequestToken!, tokens.FormFieldName, returnUrl, username, message);
    }

    /// <summary>
    /// Where to go after signing in: a console path on this site, or the console's home. Anything
    /// else ("//evil.example", "https://…", "/\evil") would let a link send officers elsewhere.
    /// </summary>
    internal static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl)
            || !returnUrl.StartsWith(ConsoleDefaults.PathBase, StringComparison.Ordinal)
            || returnUrl.Contains('\\', StringComparison.Ordinal)
            || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.Any(char.IsControl)
            || returnUrl.StartsWith(ConsoleDefaults.LoginPath, StringComparison.Ordinal)
            || returnUrl.StartsWith(ConsoleDefaults.LogoutPath, StringComparison.Ordinal))
        {
            return ConsoleDefaults.PathBase;
        }
        var rest = returnUrl[ConsoleDefaults.PathBase.Length..];
        return rest.Length == 0 || rest[0] is '/' or '?' or '#' ? returnUrl : ConsoleDefaults.PathBase;
    }

    private static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }
        return address?.ToString() ?? "unknown";
    }
}
