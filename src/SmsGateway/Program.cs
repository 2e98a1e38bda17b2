using Campaign.Hosting;

// SmsGateway: the SMS channel (Twilio protocol, Android SIM gateway, local simulator) and a scheduler
// host. Providers arrive in later work; the conversation engine, content and health endpoints are wired.
var builder = CampaignHost.CreateBuilder(args, "SmsGateway");
var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapCampaignHealth();
app.MapGet("/", () => Results.Json(new
{
    service = "SmsGateway",
    health = "/healthz",
    ready = "/readyz",
}));

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
