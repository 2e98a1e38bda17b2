using Campaign.Core.Content;
using Campaign.Core.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Campaign.Hosting;

/// <summary>
/// <c>/healthz</c>: the process is alive (never touches Redis, so a Redis outage does not get the
/// process restarted). <c>/readyz</c>: Redis answers and content is loaded; degraded otherwise.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddCampaignHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"])
            .AddCheck<ContentHealthCheck>("content", tags: ["ready"])
            .AddCheck<ProvidersHealthCheck>("providers", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapCampaignHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = WriteDetails,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    private static Task WriteDetails(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.0} ms");
            }
            catch (RedisException ex)
            {
                return HealthCheckResult.Degraded("Redis unreachable: FAQ answers continue from memory, subscriptions wait", ex);
            }
        }
    }

    private sealed class ProvidersHealthCheck(ProviderHealth health) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(health.Problems.Count == 0
                ? HealthCheckResult.Healthy("every provider accepts our credentials")
                : HealthCheckResult.Unhealthy(string.Join("; ", health.Problems.Select(p => $"{p.Provider}: sending paused since {p.Since:O}: {p.Reason}"))));
    }

    private sealed class ContentHealthCheck(ContentStore content) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Healthy($"{content.Current.Faq.Count} FAQ entries from {content.Current.RootPath}"));
    }
}
