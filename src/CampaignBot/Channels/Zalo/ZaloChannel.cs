namespace CampaignBot.Channels.Zalo;

/// <summary>Registration of the Zalo channel (placeholder until it is built).</summary>
public static class ZaloChannel
{
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapZaloChannel(this IEndpointRouteBuilder app) => app;
}
