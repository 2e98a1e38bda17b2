using Campaign.Core.Campaigns;
using Campaign.Hosting.Officers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Console;

/// <summary>Registers what <c>/api/admin</c> needs: officer access, the campaign store and lifecycle, the checks and the OpenAPI document.</summary>
public static class AdminApiServices
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOfficerAccess(configuration);
        services.TryAddSingleton<CampaignStore>();
        services.TryAddSingleton<CampaignLifecycle>();
        services.TryAddSingleton<CampaignChecks>();
        services.AddOpenApi(options => options.AddSchemaTransformer<EnumSchemaTransformer>());
        return services;
    }
}
