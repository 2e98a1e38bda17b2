namespace CampaignBot.Channels.BotFramework;

/// <summary>Registration of the BotFramework channel (placeholder until it is built).</summary>
public static class BotFrameworkChannel
{
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapBotFrameworkChannel(this IEndpointRouteBuilder app) => app;
}
