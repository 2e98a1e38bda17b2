using Campaign.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmsGateway;

namespace Campaign.Cli.Commands;

/// <summary>
/// The services the CLI commands use, wired exactly as the running services wire them: the shared
/// core and SmsGateway's registration, configured from SmsGateway's appsettings.json and the
/// environment (ConnectionStrings__Redis, Redis__KeyPrefix, Sms__Provider ...).
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? contentPath = null)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath("src/SmsGateway/appsettings.json"), optional: true)
            .AddJsonFile(Path.GetFullPath($"src/SmsGateway/appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables();
        if (contentPath is not null)
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?> { ["Content:Path"] = contentPath });
        }
        var configuration = builder.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddCampaignCore(configuration);
        services.AddSmsGateway(configuration);
        return services.BuildServiceProvider();
    }
}
