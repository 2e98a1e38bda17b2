using Campaign.Hosting;

namespace SmsGateway;

/// <summary>Builds the SmsGateway application; tests build it in-process the same way.</summary>
public static class SmsGatewayApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CampaignHost.CreateBuilder(args, "SmsGateway");
        builder.Services.AddSmsGateway(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseCampaignReverseProxy();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapCampaignHealth();
        app.MapSmsGateway(app.Configuration);
        app.MapGet("/", (IConfiguration configuration) => Results.Json(new
        {
            service = "SmsGateway",
            provider = SmsGatewayServices.ProviderName(configuration),
            health = "/healthz",
            ready = "/readyz",
        }));
        return app;
    }
}
