using Microsoft.Extensions.Options;

namespace CampaignBot.Channels.BotFramework;

/// <summary>Says once, at start-up, whether the channel checks tokens or runs in local emulator mode.</summary>
internal sealed partial class BotFrameworkModeNotice(IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsEmulatorMode)
        {
            LogEmulatorMode(logger, BotMessagesEndpoint.Route);
        }
        else
        {
            LogAuthenticated(logger, BotMessagesEndpoint.Route);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "channel botframework: on in LOCAL EMULATOR MODE (Bot:MicrosoftAppId not set): {Route} accepts activities without a token, only with a serviceUrl on this machine, and replies carry no token. Set Bot:MicrosoftAppId and Bot:MicrosoftAppPassword before exposing it.")]
    private static partial void LogEmulatorMode(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Information, Message = "channel botframework: on; {Route} accepts only activities with a valid channel token")]
    private static partial void LogAuthenticated(ILogger logger, string route);
}
