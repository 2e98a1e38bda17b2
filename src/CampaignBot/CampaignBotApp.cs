using Campaign.Hosting;
using Campaign.Hosting.Officers;
using CampaignBot.Channels;
using CampaignBot.Console;
using CampaignBot.Console.SignIn;
using CampaignBot.Console.Pages;

namespace CampaignBot;

/// <summary>Builds the CampaignBot application; tests build it in-process the same way.</summary>
public static class CampaignBotApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CampaignHost.CreateBuilder(args, "CampaignBot");
        builder.Services.AddChatChannels(builder.Configuration);
        configure?.Invoke(builder);
        builder.Services.AddAdminApi(builder.Configuration);

        var app = builder.Build();
        app.UseCampaignReverseProxy();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        // Before anything that serves console pages: no page without a signed-in session.
        app.UseConsolePageGate();
        app.UseAuthorization();
        app.UseConsoleCsrf();
        app.MapCampaignHealth();
        app.MapChatChannels();
        app.MapAdminApi();
        app.MapConsoleSignIn();
        app.MapConsolePages();
        app.MapGet("/", () => Results.Json(new
        {
            service = "CampaignBot",
            health = "/healthz",
            ready = "/readyz",
        }));
        return app;
    }
}
