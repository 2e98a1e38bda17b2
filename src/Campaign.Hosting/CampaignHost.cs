using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaign.Hosting;

/// <summary>The start-up both services share, so they behave alike for operators.</summary>
public static class CampaignHost
{
    /// <summary>No webhook or API request needs more than this; bigger bodies are refused with 413.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder CreateBuilder(string[] args, string serviceName)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddCampaignCore(builder.Configuration);
        builder.Services.AddCampaignScheduling(builder.Configuration);
        builder.Services.AddCampaignHealthChecks();
        builder.Services.AddCampaignTelemetry(builder.Configuration, serviceName);
        builder.Services.AddProblemDetails();
        builder.Services.AddCampaignReverseProxy(builder.Configuration);
        return builder;
    }
}
