using Microsoft.Extensions.Options;
using SmsGateway.Sending;

namespace SmsGateway.Twilio;

/// <summary>Registration of the Twilio SMS provider: its options, API client and webhooks.</summary>
public static class TwilioSms
{
    public static IServiceCollection AddTwilioSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidation>();
        // No retry handler: a retried POST could send the SMS twice; the dispatcher decides from the SendResult.
        services.AddHttpClient(TwilioClient.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout);
        services.AddSingleton<TwilioClient>();
        services.AddSingleton<ISmsProvider>(sp => sp.GetRequiredService<TwilioClient>());
        services.AddSingleton<TwilioWebhook>();
        services.AddSingleton<TwilioInboundWebhook>();
        services.AddSingleton<TwilioStatusWebhook>();
        return services;
    }

    public static IEndpointRouteBuilder MapTwilioSms(this IEndpointRouteBuilder app)
    {
        app.MapPost(TwilioRoutes.Inbound, (HttpContext context, TwilioInboundWebhook webhook) => webhook.HandleAsync(context));
        app.MapPost(TwilioRoutes.Status, (HttpContext context, TwilioStatusWebhook webhook) => webhook.HandleAsync(context));
        return app;
    }
}
