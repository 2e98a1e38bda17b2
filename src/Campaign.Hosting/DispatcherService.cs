using Campaign.Core.Delivery;
using Microsoft.Extensions.Hosting;

namespace Campaign.Hosting;

/// <summary>Runs every registered channel dispatcher as <see cref="DispatcherOptions.Concurrency"/> consumers of its outbox.</summary>
public sealed class DispatcherService(IEnumerable<DeliveryDispatcher> dispatchers, DispatcherOptions options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var instance = $"{Environment.MachineName}-{Environment.ProcessId}";
        var loops = from dispatcher in dispatchers
                    from n in Enumerable.Range(1, Math.Max(1, options.Concurrency))
                    select Task.Run(() => dispatcher.RunAsync($"{instance}-{n}", stoppingToken), stoppingToken);
        return Task.WhenAll(loops);
    }
}
