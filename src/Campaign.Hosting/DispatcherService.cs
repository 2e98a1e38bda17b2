using Campaign.Core.Delivery;
using Campaign.Core.Fanout;
using Microsoft.Extensions.Hosting;

namespace Campaign.Hosting;

/// <summary>
/// Runs every registered channel dispatcher as <see cref="DispatcherOptions.Concurrency"/> consumers of
/// its outbox, and every bulk dispatcher as <see cref="FanoutOptions.Concurrency"/> consumers of its
/// campaign queue.
/// </summary>
public sealed class DispatcherService(
    IEnumerable<DeliveryDispatcher> dispatchers,
    IEnumerable<BulkDispatcher> bulkDispatchers,
    DispatcherOptions options,
    FanoutOptions fanoutOptions) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var instance = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        var replies = from dispatcher in dispatchers
                      from n in Enumerable.Range(1, Math.Max(1, options.Concurrency))
                      select Task.Run(() => dispatcher.RunAsync($"{instance}-{n}", stoppingToken), stoppingToken);
        var bulk = from dispatcher in bulkDispatchers
                   from n in Enumerable.Range(1, Math.Max(1, fanoutOptions.Concurrency))
                   select Task.Run(() => dispatcher.RunAsync($"{instance}-bulk-{n}", stoppingToken), stoppingToken);
        return Task.WhenAll(replies.Concat(bulk));
    }
}
