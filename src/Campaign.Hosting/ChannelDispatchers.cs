using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Hosting;

/// <summary>
/// Registers a channel's outbox (a keyed <see cref="Outbox"/>, key = the channel) and its dispatcher;
/// <see cref="DispatcherService"/> runs every one registered.
/// </summary>
public static class ChannelDispatchers
{
    /// <param name="services">The service collection.</param>
    /// <param name="channel">The channel whose outbox (<c>out:{channel}</c>) is worked.</param>
    /// <param name="sender">The channel's provider client.</param>
    /// <param name="pace">The provider's shared pace, when it needs one (an Android phone's SIM).</param>
    public static IServiceCollection AddChannelDispatcher(
        this IServiceCollection services, Channel channel, Func<IServiceProvider, IChannelSender> sender, Func<IServiceProvider, SendPace?>? pace = null)
    {
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
            pace?.Invoke(sp)));
        services.AddHostedService<DispatcherService>();
        return services;
    }
}
