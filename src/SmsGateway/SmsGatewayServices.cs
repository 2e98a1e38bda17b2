using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Hosting;
using SmsGateway.Android;
using SmsGateway.Inbound;
using SmsGateway.Sending;
using SmsGateway.Simulator;
using SmsGateway.Twilio;

namespace SmsGateway;

/// <summary>Wires the SMS channel: the provider chosen by <c>Sms:Provider</c>, the outbox and its dispatcher, the inbound pipeline.</summary>
public static class SmsGatewayServices
{
    public static IServiceCollection AddSmsGateway(this IServiceCollection services, IConfiguration configuration)
    {
        switch (ProviderName(configuration))
        {
            case SmsProviderOptions.Twilio:
                services.AddTwilioSms(configuration);
                break;
            case SmsProviderOptions.Android:
                services.AddAndroidGatewaySms(configuration);
                break;
            default:
                services.AddSimulatorSms(configuration);
                break;
        }

        services.AddChannelDispatcher(Channel.Sms, sp => sp.GetRequiredService<ISmsProvider>(), sp => sp.GetService<SendPace>());
        services.AddSingleton(sp => sp.GetRequiredKeyedService<Outbox>(Channel.Sms)); // the gateway's one outbox

        services.AddSingleton<SmsSender>();
        services.AddSingleton<SmsInbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapSmsGateway(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        switch (ProviderName(configuration))
        {
            case SmsProviderOptions.Twilio:
                app.MapTwilioSms();
                break;
            case SmsProviderOptions.Android:
                app.MapAndroidGatewaySms();
                break;
            default:
                app.MapSimulatorSms();
                break;
        }
        return app;
    }

    /// <summary>The configured provider; anything but the three known names fails start-up, naming the setting.</summary>
    public static string ProviderName(IConfiguration configuration)
    {
        var name = (configuration[SmsProviderOptions.Setting] ?? SmsProviderOptions.Simulator).Trim().ToLowerInvariant();
        return SmsProviderOptions.All.Contains(name)
            ? name
            : throw new InvalidOperationException($"{SmsProviderOptions.Setting} must be one of {string.Join(", ", SmsProviderOptions.All)} (was '{name}').");
    }
}
