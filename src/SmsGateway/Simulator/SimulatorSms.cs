namespace SmsGateway.Simulator;

/// <summary>Registration of the Simulator SMS provider (placeholder until it is built).</summary>
public static class SimulatorSms
{
    public static IServiceCollection AddSimulatorSms(this IServiceCollection services, IConfiguration configuration) =>
        throw new NotSupportedException("Simulator SMS provider is not built yet");

    public static IEndpointRouteBuilder MapSimulatorSms(this IEndpointRouteBuilder app) => app;
}
