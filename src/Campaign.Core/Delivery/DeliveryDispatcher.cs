using Campaign.Core.Conversations;
using Campaign.Core.Phones;
using Campaign.Core.Subscribers;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Core.Delivery;

/// <summary>
/// Works one channel's outbox: claims each delivery (queued → sending) so only one instance sends it,
/// waits for the provider's pace, sends, and records the outcome. A delivery found "sending" after a
/// crash is reported <see cref="DeliveryStatus.Unknown"/>, never sent twice; retryable failures wait in
/// the retry set; a provider that refuses our credentials is paused, its deliveries kept.
/// </summary>
public sealed class DeliveryDispatcher(
    Outbox outbox,
    IChannelSender sender,
    DeliveryStore deliveries,
    SubscriberStore subscribers,
    ProviderHealth health,
    DispatcherOptions options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger,
    SendPace? pace = null)
{
    public Channel Channel => outbox.Channel;

    /// <summary>Runs one consumer until <paramref name="stoppingToken"/> fires; a send in progress is finished first.</summary>
    public Task RunAsync(string consumer, CancellationToken stoppingToken) =>
        // The outbox group is created on first read (Outbox.WithGroupAsync), inside the loop, so a
        // Redis that is down at start-up pauses dispatching instead of stopping the host.
        PollingLoop.RunAsync(token => RunOnceAsync(consumer, token), options.PollInterval, time, logger, $"{Channel.Key()} dispatcher", stoppingToken);

    /// <summary>One pass: due retries back in, abandoned entries taken over, new entries sent. Returns how many entries were handled.</summary>
    public async Task<int> RunOnceAsync(string consumer, CancellationToken stoppingToken = default)
    {
        await outbox.PromoteDueAsync(time.GetUtcNow());
        var entries = (await outbox.ClaimAbandonedAsync(consumer, options.AbandonedAfter, options.BatchSize)).ToList();
        entries.AddRange(await outbox.ReadAsync(consumer, options.BatchSize));
        foreach (var entry in entries)
        {
            stoppingToken.ThrowIfCancellationRequested();
            await ProcessAsync(entry, stoppingToken);
        }
        return entries.Count;
    }

    private async Task ProcessAsync(OutboxEntry entry, CancellationToken stoppingToken)
    {
        var delivery = await deliveries.GetAsync(entry.DeliveryId);
        if (delivery is null)
        {
            logger.LogWarning("{Channel} outbox entry {Entry} points at missing delivery {Delivery}", Channel.Key(), entry.EntryId, entry.DeliveryId);
        }
        else if (delivery.Status == DeliveryStatus.Sending)
        {
            // Its dispatcher died during the provider call: it may have gone out. Never send a second copy.
            await deliveries.SettleAsync(delivery.Id, DeliveryStatus.Unknown, "interrupted", "dispatcher stopped during the provider call");
            logger.LogWarning("delivery {Delivery} to {Address} interrupted mid-send; marked unknown", delivery.Id, Masked(delivery));
        }
        else if (delivery.Status == DeliveryStatus.Queued)
        {
            await SendAsync(delivery, stoppingToken);
        }
        await outbox.CompleteAsync(entry.EntryId);
    }

    /// <summary>
    /// Sends one queued delivery now, outside the outbox (an operator's test message), with the same
    /// claim, pace and recording as the outbox path. Null when it was not queued.
    /// </summary>
    public Task<SendResult?> SendNowAsync(Delivery delivery, CancellationToken cancellationToken = default) =>
        SendAsync(delivery, cancellationToken);

    private async Task<SendResult?> SendAsync(Delivery delivery, CancellationToken stoppingToken)
    {
        if (health.Problem(sender.Name) is { } problem && time.GetUtcNow() - problem.Since < options.UnauthorizedPause)
        {
            await outbox.ScheduleRetryAsync(delivery.Id, problem.Since + options.UnauthorizedPause);
            return null;
        }
        if (pace is not null)
        {
            await pace.WaitTurnAsync(stoppingToken);
        }
        if (!await deliveries.TryStartSendingAsync(delivery.Id, sender.Name))
        {
            return null;
        }
        delivery = delivery with { Provider = sender.Name, Attempts = delivery.Attempts + 1 };

        SendResult result;
        try
        {
            // Not the stopping token: once the request is on its way we wait for the answer (the provider's own timeout bounds it).
            result = await sender.SendAsync(new OutgoingMessage(delivery.Id, delivery.Address, delivery.Text, delivery.Choices), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "{Provider} send threw for delivery {Delivery}", sender.Name, delivery.Id);
            result = new SendResult(SendOutcome.Unknown, Error: ex.Message);
        }
        DeliveryMetrics.Sent(Channel.Key(), sender.Name, result.Outcome, delivery.Segments);
        await RecordAsync(delivery, result);
        return result;
    }

    private async Task RecordAsync(Delivery delivery, SendResult result)
    {
        var address = Masked(delivery);
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                health.ReportHealthy(sender.Name);
                await deliveries.MarkAcceptedAsync(delivery, result.ProviderMessageId);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("{Provider} accepted delivery {Delivery} to {Address} ({Segments} segments)", sender.Name, delivery.Id, address, delivery.Segments);
                }
                break;
            case SendOutcome.Rejected:
                await deliveries.SettleAsync(delivery.Id, DeliveryStatus.Failed, result.ErrorCode, result.Error);
                logger.LogWarning("{Provider} rejected delivery {Delivery} to {Address}: {Code} {Error}", sender.Name, delivery.Id, address, result.ErrorCode, result.Error);
                break;
            case SendOutcome.RecipientOptedOut:
                // Opted out first: once the delivery reads "failed", its consequence is already in place.
                await OptOutAsync(delivery, result);
                await deliveries.SettleAsync(delivery.Id, DeliveryStatus.Failed, result.ErrorCode, result.Error);
                break;
            case SendOutcome.OutsideWindow:
                await deliveries.SettleAsync(delivery.Id, DeliveryStatus.Skipped, "outside_window", result.Error);
                break;
            case SendOutcome.RetryLater when delivery.Attempts >= options.MaxAttempts:
                await deliveries.SettleAsync(delivery.Id, DeliveryStatus.Failed, result.ErrorCode, $"gave up after {delivery.Attempts} attempts: {result.Error}");
                logger.LogWarning("delivery {Delivery} to {Address} failed after {Attempts} attempts", delivery.Id, address, delivery.Attempts);
                break;
            case SendOutcome.RetryLater:
                var due = time.GetUtcNow() + RetryDelay(delivery.Attempts, result.RetryAfter);
                await deliveries.RequeueAsync(delivery, due, result.ErrorCode, result.Error);
                var dueText = due.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("{Provider} asked to retry delivery {Delivery} at {Due}: {Code}", sender.Name, delivery.Id, dueText, result.ErrorCode);
                }
                break;
            case SendOutcome.Unauthorized:
                health.ReportUnauthorized(sender.Name, $"{result.ErrorCode} {result.Error}".Trim());
                await deliveries.RequeueAsync(delivery, time.GetUtcNow() + options.UnauthorizedPause, result.ErrorCode, result.Error);
                logger.LogError("{Provider} refused our credentials ({Code}); sending paused for {Pause}", sender.Name, result.ErrorCode, options.UnauthorizedPause);
                break;
            default:
                await deliveries.SettleAsync(delivery.Id, DeliveryStatus.Unknown, result.ErrorCode, result.Error);
                logger.LogWarning("delivery {Delivery} to {Address}: outcome unknown ({Error}); not retried", delivery.Id, address, result.Error);
                break;
        }
    }

    private TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter)
    {
        var backoff = options.RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = backoff < options.MaxRetryDelay ? backoff : options.MaxRetryDelay;
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    private async Task OptOutAsync(Delivery delivery, SendResult result)
    {
        if (await subscribers.FindAsync(Channel, delivery.Address) is { } subscriber)
        {
            await subscribers.OptOutAsync(subscriber, new Consent(time.GetUtcNow(), $"{sender.Name}:{result.ErrorCode}", "provider reports the recipient unsubscribed"));
        }
        logger.LogWarning("{Provider} says {Address} has unsubscribed ({Code}); opted out", sender.Name, Masked(delivery), result.ErrorCode);
    }

    private static string Masked(Delivery delivery) => PhoneMask.MaskAddress(delivery.Channel.Key(), delivery.Address);
}
