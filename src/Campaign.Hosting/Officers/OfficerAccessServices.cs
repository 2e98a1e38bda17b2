using Campaign.Core.Content;
using Campaign.Core.Officers;
using Campaign.Core.Redis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Registers officer authentication (API keys and console sessions), the role policies, the audit
/// log and 403 auditing.
/// Needs Redis (<c>IConnectionMultiplexer</c>, <c>RedisKeys</c>) from <see cref="CampaignCoreServices"/>.
/// </summary>
public static class OfficerAccessServices
{
    /// <remarks>Safe to call more than once: the ApiKey scheme can be registered only once, so later calls do nothing.</remarks>
    public static IServiceCollection AddOfficerAccess(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(OfficerAccessMarker)))
        {
            return services;
        }
        services.AddSingleton<OfficerAccessMarker>();
        services.AddOptions<OfficerAccessOptions>()
            .Bind(configuration.GetSection(OfficerAccessOptions.Section))
            .Validate(o => o.FailedKeyAttemptsPerMinute is >= 1 and <= 100_000, "Officers:FailedKeyAttemptsPerMinute must be between 1 and 100000")
            .ValidateOnStart();
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.MaxLength >= 1, "Audit:MaxLength must be at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AuditOptions>>().Value);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => AreaContainment.ByTree(sp.GetRequiredService<ContentStore>()));
        services.TryAddSingleton<OfficerStore>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.TryAddSingleton<FailedKeyAttempts>();
        AddConsoleSignIn(services, configuration);

        // The officer policies name the API-key-or-cookie scheme, also the default run on every
        // request: the API key handler ignores Authorization headers that are not cmp_ keys (Bot
        // Framework JWTs), and the cookie handler does nothing without the console cookie, so other
        // endpoints are unaffected.
        services.AddAuthentication(o => o.DefaultScheme = ConsoleDefaults.ApiKeyOrCookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, "Officer API key", _ => { })
            .AddCookie(ConsoleDefaults.Scheme, "Officer console", o =>
            {
                o.Cookie.Name = ConsoleDefaults.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.IsEssential = true;
                o.ExpireTimeSpan = ConsoleDefaults.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = ConsoleDefaults.LoginPath;
                o.LogoutPath = ConsoleDefaults.LogoutPath;
                o.ReturnUrlParameter = ConsoleDefaults.ReturnUrlParameter;
                o.EventsType = typeof(ConsoleCookieEvents);
            })
            .AddPolicyScheme(ConsoleDefaults.ApiKeyOrCookieScheme, "Officer API key or console session", o =>
                o.ForwardDefaultSelector = context => CarriesApiKey(context.Request) || !HasConsoleCookieOrPage(context.Request)
                    ? ApiKeyDefaults.Scheme
                    : ConsoleDefaults.Scheme);
        services.AddAuthorization(OfficerPolicies.Add);
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>());
        return services;
    }

    private static void AddConsoleSignIn(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLockoutOptions>()
            .Bind(configuration.GetSection(SignInLockoutOptions.Section))
            .Validate(o => o.MaxFailures is >= 1 and <= 1000, "Console:Lockout:MaxFailures must be between 1 and 1000")
            .Validate(o => o.Duration > TimeSpan.Zero && o.Duration <= TimeSpan.FromDays(1), "Console:Lockout:Duration must be more than 0 and at most a day")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SignInLockoutOptions>>().Value);
        services.TryAddSingleton<SignInLockout>();
        services.TryAddSingleton<OfficerPasswords>();
        services.TryAddSingleton<ConsoleSignIn>();
        services.TryAddSingleton<ConsoleCookieEvents>();

        // One key ring for every instance, in Redis: a cookie made by one instance is read by all.
        services.AddDataProtection().SetApplicationName("campaign-console");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer, RedisKeys>((o, redis, keys) => o.XmlRepository = new RedisXmlRepository(redis, keys));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = ConsoleDefaults.CsrfHeaderName;
            o.FormFieldName = ConsoleDefaults.CsrfFormFieldName;
            o.Cookie.Name = ConsoleDefaults.CsrfCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    /// <summary>An Authorization or X-Api-Key header: the request is the API key handler's, whatever cookies it has.</summary>
    private static bool CarriesApiKey(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ApiKeyDefaults.HeaderName);

    /// <summary>
    /// Without the cookie, API requests stay with the API key scheme (its 401 says how to send a
    /// key); console pages go to the cookie scheme, whose challenge is the login form.
    /// </summary>
    private static bool HasConsoleCookieOrPage(HttpRequest request) =>
        request.Cookies.ContainsKey(ConsoleDefaults.CookieName)
        || request.Path.StartsWithSegments(ConsoleDefaults.PathBase, StringComparison.OrdinalIgnoreCase);

    /// <summary>Marks a service collection that already has officer access.</summary>
    private sealed class OfficerAccessMarker;
}
