using CampaignBot.Channels.BotFramework;
using CampaignBot.Channels.Messenger;
using CampaignBot.Channels.WebChat;
using CampaignBot.Channels.Zalo;

namespace CampaignBot.Channels;

/// <summary>Every chat channel, one folder each: each decides from its own settings whether it is on.</summary>
public static class ChatChannels
{
    public static IServiceCollection AddChatChannels(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddBotFrameworkChannel(configuration)
            .AddZaloChannel(configuration)
            .AddMessengerChannel(configuration)
            .AddWebChatChannel(configuration);

    public static IEndpointRouteBuilder MapChatChannels(this IEndpointRouteBuilder app) =>
        app.MapBotFrameworkChannel().MapZaloChannel().MapMessengerChannel().MapWebChatChannel();
}
