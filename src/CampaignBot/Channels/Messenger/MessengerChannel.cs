namespace CampaignBot.Channels.Messenger;

/// <summary>Registration of the Messenger channel (placeholder until it is built).</summary>
public static class MessengerChannel
{
    public static IServiceCollection AddMessengerChannel(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapMessengerChannel(this IEndpointRouteBuilder app) => app;
}
