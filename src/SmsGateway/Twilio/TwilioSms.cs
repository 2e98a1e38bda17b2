namespace SmsGateway.Twilio;

/// <summary>Registration of the Twilio SMS provider (placeholder until it is built).</summary>
public static class TwilioSms
{
    public static IServiceCollection AddTwilioSms(this IServiceCollection services, IConfiguration configuration) =>
        throw new NotSupportedException("Twilio SMS provider is not built yet");

    public static IEndpointRouteBuilder MapTwilioSms(this IEndpointRouteBuilder app) => app;
}
