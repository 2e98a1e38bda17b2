using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Campaign.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, HttpClient, the runtime, and the Campaign meter
/// and activity source. Exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise
/// collected in-process only (no network calls to a collector that is not there).
/// </summary>
public static class Telemetry
{
    public const string Name = "Campaign";

    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);

    public static IServiceCollection AddCampaignTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddSource(Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        return services;
    }
}
