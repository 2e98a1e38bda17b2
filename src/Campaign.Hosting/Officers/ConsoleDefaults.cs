namespace Campaign.Hosting.Officers;

/// <summary>Names of the officer console's sign-in: its cookie scheme, cookies, paths and CSRF header.</summary>
public static class ConsoleDefaults
{
    /// <summary>The cookie authentication scheme officers get by signing in with their password.</summary>
    public const string Scheme = "Console";

    /// <summary>
    /// The scheme the officer policies name: the API key when the request carries one (an
    /// Authorization or X-Api-Key header), otherwise the console cookie.
    /// </summary>
    public const string ApiKeyOrCookieScheme = "ApiKeyOrConsole";

    public const string CookieName = "campaign.console";

    /// <summary>The antiforgery cookie; the request token goes in <see cref="CsrfHeaderName"/> or the form field <see cref="CsrfFormFieldName"/>.</summary>
    public const string CsrfCookieName = "campaign.csrf";

    public const string CsrfHeaderName = "X-CSRF-Token";

    public const string CsrfFormFieldName = "__RequestVerificationToken";

    public const string PathBase = "/console";
    public const string LoginPath = "/console/login";
    public const string LogoutPath = "/console/logout";

    /// <summary>Stylesheets, scripts and images: public, so the login page can use them.</summary>
    public const string AssetsPath = "/console/assets";

    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>Signed-in sessions end after this long without a request (sliding).</summary>
    public static TimeSpan SessionLifetime { get; } = TimeSpan.FromHours(8);
}
