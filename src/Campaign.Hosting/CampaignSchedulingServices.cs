using Campaign.Core.Campaigns;
using Campaign.Core.Fanout;
using Campaign.Core.Occurrences;
using Campaign.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Campaign.Hosting;

/// <summary>
/// Registers the campaign scheduler and the fan-out (both services host them; Redis decides who does
/// what): occurrences, planning, the recipient ledger and the scheduler's background service.
/// <c>Scheduler:Enabled=false</c> keeps an instance out of firing and planning (it still sends).
/// </summary>
public static class CampaignSchedulingServices
{
    public static IServiceCollection AddCampaignScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FanoutOptions>()
            .Bind(configuration.GetSection(FanoutOptions.Section))
            .Validate(o => o.ChunkSize is >= 1 and <= 10_000, "Fanout:ChunkSize must be between 1 and 10000")
            .Validate(o => o.BatchSize is >= 1 and <= 1_000, "Fanout:BatchSize must be between 1 and 1000")
            .Validate(o => o.Concurrency is >= 1 and <= 64, "Fanout:Concurrency must be between 1 and 64")
            .Validate(o => o.PlanBuckets is >= 1 and <= 4_096, "Fanout:PlanBuckets must be between 1 and 4096")
            .Validate(o => o.FrequencyCap >= 0, "Fanout:FrequencyCap must be 0 (no cap) or more")
            .Validate(o => o.MaxAttempts >= 1, "Fanout:MaxAttempts must be at least 1")
            .Validate(o => o.MisfireGrace >= TimeSpan.Zero, "Fanout:MisfireGrace must not be negative")
            .Validate(o => o.PlanningLease >= TimeSpan.FromSeconds(2), "Fanout:PlanningLease must be at least 2 seconds")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FanoutOptions>>().Value);
        services.TryAddSingleton<CampaignStore>();
        services.TryAddSingleton<CampaignLifecycle>();
        services.AddSingleton<OccurrenceStore>();
        services.AddSingleton<RecipientLedger>();
        services.AddSingleton<CampaignTexts>();
        services.AddSingleton<QuietHours>();
        services.AddSingleton<AudiencePlanner>();
        services.AddSingleton<CampaignCompletion>();
        services.AddSingleton<SchedulerInstance>();
        services.AddSingleton<OccurrenceRunner>();
        services.AddSingleton<CampaignScheduler>();
        if (configuration.GetValue("Scheduler:Enabled", true))
        {
            services.AddHostedService<SchedulerService>();
        }
        return services;
    }
}
