using Campaign.Hosting;

// CampaignBot: chat channels (Zalo, Messenger, Bot Framework, web chat), the officer console and
// admin API, and a scheduler host. Channels arrive in later work; the conversation engine, content
// and health endpoints are already wired.
var builder = CampaignHost.CreateBuilder(args, "CampaignBot");
var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapCampaignHealth();
app.MapGet("/", () => Results.Json(new
{
    service = "CampaignBot",
    health = "/healthz",
    ready = "/readyz",
}));

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
