namespace SmsGateway.Android;

/// <summary>Registration of the Android SMS provider (placeholder until it is built).</summary>
public static class AndroidGatewaySms
{
    public static IServiceCollection AddAndroidGatewaySms(this IServiceCollection services, IConfiguration configuration) =>
        throw new NotSupportedException("Android SMS provider is not built yet");

    public static IEndpointRouteBuilder MapAndroidGatewaySms(this IEndpointRouteBuilder app) => app;
}
