using Campaign.Core.Conversations;
using Campaign.Core.Fanout;
using Campaign.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.Zalo;

/// <summary>
/// Registration of the Zalo Official Account channel: on when the app id, the OA secret key, the app
/// secret and the initial token pair are configured (off, with one log line, when none are). It adds
/// the webhook, the token handling and the consultation-message sender behind the channel's outbox.
/// </summary>
public static class ZaloChannel
{
    /// <summary>The named HttpClient for the OA API and the token endpoint; its timeout is <see cref="ZaloOptions.RequestTimeout"/>.</summary>
    public const string HttpClientName = "zalo";

    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.IsOn(configuration, "zalo", "Zalo:AppId", "Zalo:OaSecretKey", "Zalo:AppSecret", "Zalo:AccessToken", "Zalo:RefreshToken"))
        {
            return services;
        }
        services.AddOptions<ZaloOptions>().Bind(configuration.GetSection(ZaloOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidation>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ZaloOptions>>().Value);
        // Campaign pushes skip residents outside the consultation window before calling Zalo.
        services.AddOptions<FanoutOptions>().Configure<IOptions<ZaloOptions>>((fanout, zalo) => fanout.ChannelWindows[Channel.Zalo.Key()] = zalo.Value.ConsultationWindow);
        services.AddSingleton(sp => new ZaloErrorCodes(sp.GetRequiredService<ZaloOptions>()));
        // No retry handler: a retried POST could send the message twice; the dispatcher decides from the SendResult.
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<ZaloOptions>>().Value.RequestTimeout);
        services.AddSingleton<ZaloTokenStore>();
        services.AddSingleton<ZaloOAuthClient>();
        services.AddSingleton<ZaloTokens>();
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<ZaloFollowers>();
        services.AddSingleton<ZaloWebhook>();
        services.AddChannelDispatcher(Channel.Zalo, sp => sp.GetRequiredService<ZaloSender>());
        return services;
    }

    public static IEndpointRouteBuilder MapZaloChannel(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ZaloWebhook>() is null)
        {
            return app; // switched off
        }
        app.MapPost(ZaloRoutes.Webhook, (HttpContext context, ZaloWebhook webhook) => webhook.HandleAsync(context))
            .WithMaxBodySize(ZaloWebhook.MaxBodyBytes);
        return app;
    }
}
