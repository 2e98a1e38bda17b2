using Campaign.Core.Content;
using Campaign.Core.Officers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Campaign.Hosting.Officers;

/// <summary>
/// Registers officer authentication (API keys), the role policies, the audit log and 403 auditing.
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

        // The officer policies name the scheme. While it is the only scheme, ASP.NET Core also makes
        // it the default, run on every request: it then ignores Authorization headers that are not
        // cmp_ keys (Bot Framework JWTs), so other endpoints are unaffected.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, "Officer API key", _ => { });
        services.AddAuthorization(OfficerPolicies.Add);
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>());
        return services;
    }

    /// <summary>Marks a service collection that already has officer access.</summary>
    private sealed class OfficerAccessMarker;
}
