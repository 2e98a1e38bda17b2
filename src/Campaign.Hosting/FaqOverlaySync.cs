using Campaign.Core.Content;
using Campaign.Core.Inbox;
using Campaign.Core.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Hosting;

/// <summary>
/// Keeps this instance's content in step with the officers' approved answers: loads them at start-up
/// (before requests are served), again on every approval notice (pub/sub), and every
/// <see cref="InboxOptions.OverlayResync"/> in case a notice was lost while disconnected. Each load
/// lays them over the files (<see cref="ContentStore.SetOverlay"/>), which rebuilds the FAQ matcher.
/// </summary>
public sealed partial class FaqOverlaySync(
    ContentStore content,
    AnswerStore answers,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    InboxOptions options,
    TimeProvider time,
    ILogger<FaqOverlaySync> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _applied = "";
    private bool _subscribed;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TrySyncAsync();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscribed)
        {
            try
            {
                await redis.GetSubscriber().UnsubscribeAsync(RedisChannel.Literal(keys.FaqOverlayChanged));
            }
            catch (RedisException)
            {
                // Shutting down anyway.
            }
        }
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.OverlayResync, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!stoppingToken.IsCancellationRequested)
            {
                await TrySyncAsync();
            }
        }
    }

    /// <summary>Loads the approved answers and lays them over the files if they changed since last time.</summary>
    public async Task SyncAsync()
    {
        if (!_subscribed)
        {
            // Subscribe before loading, so an approval between the two is not missed.
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(keys.FaqOverlayChanged), (_, _) => _ = TrySyncAsync());
            _subscribed = true;
        }
        await _gate.WaitAsync();
        try
        {
            var approved = await answers.ApprovedAsync();
            var fingerprint = string.Join(',', approved.Select(a => a.Id));
            if (fingerprint == _applied)
            {
                return;
            }
            content.SetOverlay(files => FaqOverlay.Apply(files, approved, (answer, why) => LogSkipped(answer.Id, why)));
            _applied = fingerprint;
            LogApplied(approved.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task TrySyncAsync()
    {
        try
        {
            await SyncAsync();
        }
        catch (RedisException ex)
        {
            LogRedisDown(ex);
        }
        catch (ObjectDisposedException)
        {
            // A notice arriving while the host shuts down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ: {Count} approved inbox answers laid over the content")]
    private partial void LogApplied(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ: approved answer {AnswerId} left out: {Why}")]
    private partial void LogSkipped(string answerId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ: Redis unavailable; approved inbox answers will be loaded when it is back")]
    private partial void LogRedisDown(Exception ex);
}
