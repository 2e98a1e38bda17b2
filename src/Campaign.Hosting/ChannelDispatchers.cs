using Campaign.Core.Conversations;
using Campaign.Core.Campaigns;
using Campaign.Core.Delivery;
using Campaign.Core.Fanout;
using Campaign.Core.Scheduling;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Hosting;

/// <summary>
/// Registers a channel's outbox (a keyed <see cref="Outbox"/>, key = the channel) and its dispatcher,
/// and its campaign queue (a keyed <see cref="BulkOutbox"/>) and bulk dispatcher, which share the
/// provider client and pace; <see cref="DispatcherService"/> runs every one registered.
/// </summary>
public static class ChannelDispatchers
{
    /// <param name="services">The service collection.</param>
    /// <param name="channel">The channel whose outbox (<c>out:{channel}</c>) is worked.</param>
    /// <param name="sender">The channel's provider client.</param>
    /// <param name="pace">The provider's own pace (an Android phone's SIM); otherwise the one configured under <c>RateLimits:{provider}</c>, if any.</param>
    public static IServiceCollection AddChannelDispatcher(
        this IServiceCollection services, Channel channel, Func<IServiceProvider, IChannelSender> sender, Func<IServiceProvider, SendPace?>? pace = null)
    {
        // One pace per channel, shared by its reply and campaign dispatchers (and, through Redis, by every instance).
        services.AddKeyedSingleton(channel, (sp, _) => new ChannelPace(pace?.Invoke(sp) ?? sp.GetRequiredService<ProviderRateLimits>().For(sender(sp).Name)));
        services.AddKeyedSingleton(channel, (sp, _) => new Outbox(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), channel));
        services.AddSingleton(sp => new DeliveryDispatcher(
            sp.GetRequiredKeyedService<Outbox>(channel),
            sender(sp),
            sp.GetRequiredService<DeliveryStore>(),
            sp.GetRequiredService<SubscriberStore>(),
            sp.GetRequiredService<ProviderHealth>(),
            sp.GetRequiredService<DispatcherOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeliveryDispatcher>>(),
            sp.GetRequiredKeyedService<ChannelPace>(channel).Pace));
        services.AddKeyedSingleton(channel, (sp, _) => new BulkOutbox(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), channel));
        services.AddSingleton(sp => new BulkDispatcher(
            sp.GetRequiredKeyedService<BulkOutbox>(channel),
            sender(sp),
            sp.GetRequiredService<RecipientLedger>(),
            sp.GetRequiredService<CampaignStore>(),
            sp.GetRequiredService<CampaignTexts>(),
            sp.GetRequiredService<QuietHours>(),
            sp.GetRequiredService<SubscriberStore>(),
            sp.GetRequiredService<DeliveryStore>(),
            sp.GetRequiredService<ProviderHealth>(),
            sp.GetRequiredService<CampaignCompletion>(),
            sp.GetRequiredService<FanoutOptions>(),
            sp.GetRequiredService<DispatcherOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BulkDispatcher>>(),
            sp.GetRequiredKeyedService<Outbox>(channel),
            sp.GetRequiredKeyedService<ChannelPace>(channel).Pace));
        services.AddHostedService<DispatcherService>();
        return services;
    }

    /// <summary>A channel's pace, or none (DI cannot hold a null service).</summary>
    private sealed record ChannelPace(SendPace? Pace);
}
