using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Campaign.Hosting;

/// <summary>
/// Whether a channel runs: with all its required settings it is on; with none it is switched off and
/// start-up says so in one log line; with only some it fails start-up naming what is missing, because
/// a half-configured channel would accept messages it cannot answer.
/// </summary>
public static partial class ChannelSwitch
{
    /// <returns>True when every setting in <paramref name="required"/> has a value.</returns>
    /// <exception cref="InvalidOperationException">Some, not all, are set.</exception>
    public static bool IsOn(this IServiceCollection services, IConfiguration configuration, string channel, params string[] required)
    {
        var missing = required.Where(name => string.IsNullOrWhiteSpace(configuration[name])).ToArray();
        if (missing.Length == required.Length && required.Length > 0)
        {
            services.AddSingleton(new ChannelState(channel, false, $"switched off: {string.Join(", ", required)} not set"));
            services.AddHostedService<ChannelStateLog>();
            return false;
        }
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"{channel} is half-configured: {string.Join(", ", missing)} must be set too (or remove its other settings to switch it off).");
        }
        services.AddSingleton(new ChannelState(channel, true, "on"));
        services.AddHostedService<ChannelStateLog>();
        return true;
    }

    /// <summary>A channel and what start-up decided about it.</summary>
    public sealed record ChannelState(string Channel, bool On, string Detail);

    private sealed partial class ChannelStateLog(IEnumerable<ChannelState> states, ILogger<ChannelStateLog> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var state in states)
            {
                Log(logger, state.Channel, state.Detail);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "channel {Channel}: {Detail}")]
        private static partial void Log(ILogger logger, string channel, string detail);
    }
}
