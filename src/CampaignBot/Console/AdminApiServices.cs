using Campaign.Core.Campaigns;
using Campaign.Core.Delivery;
using Campaign.Core.Occurrences;
using Campaign.Core.Subscribers;
using Campaign.Hosting.Officers;
using CampaignBot.Console.SignIn;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Console;

/// <summary>Registers what <c>/api/admin</c> needs: officer access, the campaign store and lifecycle, the checks, the do-not-contact list, the subscriber listing and the OpenAPI document.</summary>
public static class AdminApiServices
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOfficerAccess(configuration);
        services.TryAddSingleton<CampaignStore>();
        services.TryAddSingleton<CampaignLifecycle>();
        services.TryAddSingleton<CampaignChecks>();
        services.TryAddSingleton<DoNotContactList>();
        services.TryAddSingleton<SubscriberListing>();
        services.TryAddSingleton<OptOutCounts>();
        services.TryAddSingleton<OccurrenceTimeline>();
        services.AddOptions<AdminApiOptions>()
            .Bind(configuration.GetSection(AdminApiOptions.Section))
            .Validate(o => o.MaxImportBytes is >= 1024 and <= 1024L * 1024 * 1024, "AdminApi:MaxImportBytes must be between 1024 and 1073741824")
            .ValidateOnStart();
        services.AddOptions<FirstAdminOptions>().Bind(configuration.GetSection(FirstAdminOptions.Section));
        services.AddHostedService<FirstAdmin>();
        services.AddOpenApi(options => options.AddSchemaTransformer<EnumSchemaTransformer>());
        return services;
    }
}
