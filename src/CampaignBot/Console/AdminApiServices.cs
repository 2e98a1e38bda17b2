using Campaign.Core.Campaigns;
using Campaign.Hosting.Officers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Console;

/// <summary>Registers what <c>/api/admin</c> needs: officer access, the campaign store and lifecycle, the checks and the OpenAPI document.</summary>
public static class AdminApiServices
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        // AddOfficerAccess adds the ApiKey scheme, which may be added once only; a host that already
        // added it (a test host with stand-in endpoints) keeps its own.
        if (!services.Any(d => d.ServiceType == typeof(FailedKeyAttempts)))
        {
            services.AddOfficerAccess(configuration);
        }
        services.TryAddSingleton<CampaignStore>();
        services.TryAddSingleton<CampaignLifecycle>();
        services.TryAddSingleton<CampaignChecks>();
        services.AddOpenApi(options => options.AddSchemaTransformer<EnumSchemaTransformer>());
        return services;
    }
}
