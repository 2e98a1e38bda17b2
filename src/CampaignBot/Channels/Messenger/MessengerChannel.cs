using Campaign.Core.Conversations;
using Campaign.Core.Fanout;
using Campaign.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Messenger;

/// <summary>
/// Registration of the Facebook Messenger channel: on when <c>Messenger:AppSecret</c>,
/// <c>Messenger:VerifyToken</c> and <c>Messenger:PageAccessToken</c> are set. Meta calls
/// <see cref="WebhookPath"/> (GET to verify it, POST with events); replies leave through the
/// channel's outbox and <see cref="MessengerSender"/>.
/// </summary>
public static class MessengerChannel
{
    /// <summary>The callback URL's path to enter in the Meta app's Messenger webhook settings.</summary>
    public const string WebhookPath = "/messenger/webhook";

    public static IServiceCollection AddMessengerChannel(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.IsOn(configuration, "messenger", "Messenger:AppSecret", "Messenger:VerifyToken", "Messenger:PageAccessToken"))
        {
            return services;
        }
        services.AddOptions<MessengerOptions>().Bind(configuration.GetSection(MessengerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessengerOptions>, MessengerOptionsValidation>();
        // No retry handler: a retried POST could send the reply twice; the dispatcher decides from the SendResult.
        services.AddHttpClient(MessengerSender.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<MessengerOptions>>().Value.RequestTimeout)
            .RedactLoggedHeaders(["Authorization"]);
        services.AddSingleton<StandardWindow>();
        // Campaign pushes skip residents outside the standard window before calling the Send API.
        services.AddOptions<FanoutOptions>().Configure<IOptions<MessengerOptions>>((fanout, messenger) => fanout.ChannelWindows[Channel.Messenger.Key()] = messenger.Value.StandardWindow);
        services.AddSingleton<MessengerSender>();
        services.AddSingleton<MessengerVerification>();
        services.AddSingleton<MessengerWebhook>();
        services.AddChannelDispatcher(Channel.Messenger, sp => sp.GetRequiredService<MessengerSender>());
        return services;
    }

    public static IEndpointRouteBuilder MapMessengerChannel(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<MessengerWebhook>() is null)
        {
            return app; // switched off: the paths answer 404
        }
        app.MapGet(WebhookPath, (HttpContext context, MessengerVerification verification) => verification.Handle(context));
        app.MapPost(WebhookPath, (HttpContext context, MessengerWebhook webhook) => webhook.HandleAsync(context))
            .WithMaxBodySize(MessengerWebhook.MaxBodyBytes);
        return app;
    }
}
