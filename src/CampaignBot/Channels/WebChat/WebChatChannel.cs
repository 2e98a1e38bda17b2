namespace CampaignBot.Channels.WebChat;

/// <summary>Registration of the web chat (placeholder until it is built).</summary>
public static class WebChatChannel
{
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapWebChatChannel(this IEndpointRouteBuilder app) => app;
}
