using SmsGateway.Sending;

namespace SmsGateway.Simulator;

/// <summary>
/// Registration of the simulator, the default SMS route: nothing leaves the machine, and
/// <c>/simulator</c> is a browser feature phone talking to the gateway.
/// </summary>
public static class SimulatorSms
{
    public static IServiceCollection AddSimulatorSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SimulatorPhones>();
        services.AddSingleton<ISmsProvider, SimulatorProvider>();
        return services;
    }

    public static IEndpointRouteBuilder MapSimulatorSms(this IEndpointRouteBuilder app) => app.MapSimulatorEndpoints();
}
