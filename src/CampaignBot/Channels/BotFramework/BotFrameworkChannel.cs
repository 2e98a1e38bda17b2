using Campaign.Core.Conversations;
using Campaign.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.BotFramework;

/// <summary>
/// Registration of the Bot Framework channel (Activity protocol v3): <c>POST /api/messages</c> and the
/// outbox dispatcher posting through the Bot Connector. Always on: with <c>Bot:MicrosoftAppId</c> and
/// <c>Bot:MicrosoftAppPassword</c> it authenticates both ways; with neither it runs in local emulator
/// mode; with only one of them start-up fails naming the other.
/// </summary>
public static class BotFrameworkChannel
{
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>().Bind(configuration.GetSection(BotFrameworkOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidation>();
        // No retry handler: a retried POST could post the message twice; the dispatcher decides from the SendResult.
        services.AddHttpClient(BotConnectorSender.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.RequestTimeout);
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<OpenIdMetadata>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<MicrosoftAppCredentials>();
        services.AddSingleton<BotConnectorSender>();
        services.AddSingleton<BotMessagesEndpoint>();
        services.AddHostedService<BotFrameworkModeNotice>();
        services.AddChannelDispatcher(Channel.BotFramework, sp => sp.GetRequiredService<BotConnectorSender>());
        return services;
    }

    public static IEndpointRouteBuilder MapBotFrameworkChannel(this IEndpointRouteBuilder app)
    {
        app.MapPost(BotMessagesEndpoint.Route, (HttpContext context, BotMessagesEndpoint endpoint) => endpoint.HandleAsync(context))
            .WithMaxBodySize(BotMessagesEndpoint.MaxBodyBytes);
        return app;
    }
}
