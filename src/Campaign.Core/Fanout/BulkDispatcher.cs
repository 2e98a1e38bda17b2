using Campaign.Core.Campaigns;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Occurrences;
using Campaign.Core.Phones;
using Campaign.Core.Scheduling;
using Campaign.Core.Subscribers;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Campaign.Core.Fanout;

/// <summary>
/// Works one channel's campaign chunks, on any instance: holds a chunk while its campaign is paused,
/// defers it through quiet hours, skips the rest when cancelled; otherwise claims a batch (checked
/// and marked sent atomically), sends it, records the outcomes, and goes on. Replies to residents go
/// first: while the channel's reply outbox has waiting messages, no new batch starts.
/// </summary>
public sealed class BulkDispatcher(
    BulkOutbox queue,
    IChannelSender sender,
    RecipientLedger ledger,
    CampaignStore campaigns,
    CampaignTexts texts,
    QuietHours quietHours,
    SubscriberStore subscribers,
    DeliveryStore deliveries,
    ProviderHealth health,
    CampaignCompletion completion,
    FanoutOptions options,
    DispatcherOptions dispatcherOptions,
    TimeProvider time,
    ILogger<BulkDispatcher> logger,
    Outbox? replies = null,
    SendPace? pace = null)
{
    private readonly CampaignCache _campaigns = new(campaigns, time);

    public Channel Channel => queue.Channel;

    // A paced provider (an Android SIM) sends one at a time, so a reply never waits behind a claimed batch.
    private int BatchSize => pace is null ? Math.Max(1, options.BatchSize) : 1;

    public Task RunAsync(string consumer, CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(token => RunOnceAsync(consumer, token), options.PollInterval, time, logger, $"{Channel.Key()} bulk dispatcher", stoppingToken);

    /// <summary>One pass: due chunks back in, an abandoned or new chunk worked. Returns the chunks handled (0 = idle).</summary>
    public async Task<int> RunOnceAsync(string consumer, CancellationToken stoppingToken = default)
    {
        if (await RepliesWaitingAsync())
        {
            return 0;
        }
        await queue.PromoteDueAsync(time.GetUtcNow());
        var entries = (await queue.ClaimAbandonedAsync(consumer, options.AbandonedAfter, 1)).ToList();
        if (entries.Count == 0)
        {
            entries.AddRange(await queue.ReadAsync(consumer, 1));
        }
        foreach (var entry in entries)
        {
            await ProcessAsync(consumer, entry, stoppingToken);
        }
        return entries.Count;
    }

    private async Task ProcessAsync(string consumer, BulkEntry entry, CancellationToken stoppingToken)
    {
        var chunk = entry.Chunk;
        if (!OccurrenceId.TryParse(chunk.OccurrenceId, out var campaignId, out _))
        {
            logger.LogError("{Channel} bulk entry {Entry} names no occurrence; dropped", Channel.Key(), entry.EntryId);
            await ledger.CompleteAsync(queue, entry, time.GetUtcNow());
            return;
        }
        var position = await ledger.PositionAsync(chunk.OccurrenceId, chunk.Number);
        var lastKeep = time.GetUtcNow();
        while (true)
        {
            var now = time.GetUtcNow();
            var campaign = await _campaigns.GetAsync(campaignId);
            if (campaign is null || campaign.Status == CampaignStatus.Cancelled || position >= chunk.Ids.Length)
            {
                break;
            }
            if (campaign.Status == CampaignStatus.Paused)
            {
                await ledger.DeferAsync(queue, entry, now + options.PausedRecheck, 0);
                return;
            }
            if (quietHours.OpensAt(Channel, now) is { } opens)
            {
                await ledger.DeferAsync(queue, entry, opens, chunk.DeferCounted ? 0 : chunk.Ids.Length - position);
                return;
            }
            if (health.Problem(sender.Name) is { } problem && now - problem.Since < dispatcherOptions.UnauthorizedPause)
            {
                await ledger.DeferAsync(queue, entry, problem.Since + dispatcherOptions.UnauthorizedPause, 0);
                return;
            }
            if (stoppingToken.IsCancellationRequested)
            {
                // Shutting down between batches, nothing in flight: hand the chunk straight to another instance.
                await ledger.DeferAsync(queue, entry, now, 0);
                return;
            }
            if (await RepliesWaitingAsync())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, CancellationToken.None);
                continue;
            }
            var take = (int)Math.Min(BatchSize, chunk.Ids.Length - position);
            var claim = await ledger.ClaimAsync(chunk, Channel, position, chunk.Ids.AsMemory((int)position, take), now);
            if (claim.Stale)
            {
                logger.LogWarning("{Channel} chunk {Chunk} of {Occurrence} moved on under us; leaving it to its new owner", Channel.Key(), chunk.Number, chunk.OccurrenceId);
                return;
            }
            await SendBatchAsync(campaign, chunk, claim, take);
            position = claim.Position;
            if (time.GetUtcNow() - lastKeep > options.AbandonedAfter / 4)
            {
                await queue.KeepAsync(consumer, entry.EntryId);
                lastKeep = time.GetUtcNow();
            }
        }
        await FinishAsync(entry, campaignId, position);
    }

    private async Task FinishAsync(BulkEntry entry, string campaignId, long position)
    {
        // Cancelled (or the campaign is gone): nobody left in this chunk is sent.
        if (!await ledger.SkipRestAsync(entry.Chunk, position, "cancelled", time.GetUtcNow()))
        {
            return;   // another dispatcher took the chunk over; it finishes it
        }
        if (await ledger.CompleteAsync(queue, entry, time.GetUtcNow()))
        {
            await completion.OccurrenceFinishedAsync(campaignId);
        }
    }

    private async Task SendBatchAsync(CampaignRecord campaign, RecipientChunk chunk, ClaimedBatch claim, int batchLength)
    {
        if (claim.SettledUnknown > 0)
        {
            logger.LogWarning("{Channel} chunk {Chunk} of {Occurrence}: {Count} sends interrupted by a crash counted unknown", Channel.Key(), chunk.Number, chunk.OccurrenceId, claim.SettledUnknown);
        }
        var results = await Task.WhenAll(claim.Recipients.Select(r => SendOneAsync(campaign, chunk, r)));
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string field, long n = 1) => counters[field] = counters.GetValueOrDefault(field) + n;
        if (chunk.IsRetry)
        {
            Add("retrying", -batchLength);
        }
        var retry = new List<long>();
        TimeSpan? retryAfter = null;
        long segments = 0;
        var optedOut = new List<long>();
        for (var i = 0; i < results.Length; i++)
        {
            var (recipient, result, text) = (claim.Recipients[i], results[i].Result, results[i].Text);
            switch (result.Outcome)
            {
                case SendOutcome.Accepted:
                    Add("sent");
                    segments += text?.Segments ?? 0;
                    break;
                case SendOutcome.Rejected:
                    Add("fail:" + (result.ErrorCode ?? "rejected"));
                    break;
                case SendOutcome.RecipientOptedOut:
                    Add("fail:recipient_opted_out");
                    optedOut.Add(recipient.SubscriberId);
                    break;
                case SendOutcome.OutsideWindow:
                    Add("skip:outside_window");
                    break;
                case SendOutcome.RetryLater or SendOutcome.Unauthorized when chunk.Attempt + 1 >= options.MaxAttempts:
                    Add("fail:gave_up");
                    break;
                case SendOutcome.RetryLater or SendOutcome.Unauthorized:
                    retry.Add(recipient.SubscriberId);
                    if (result.RetryAfter is { } asked && (retryAfter is null || asked > retryAfter))
                    {
                        retryAfter = asked;
                    }
                    if (result.Outcome == SendOutcome.Unauthorized)
                    {
                        health.ReportUnauthorized(sender.Name, $"{result.ErrorCode} {result.Error}".Trim());
                        retryAfter = dispatcherOptions.UnauthorizedPause;
                    }
                    break;
                default:
                    Add(text is null ? "fail:no_text" : "unknown");
                    break;
            }
        }
        RecipientChunk? retryChunk = null;
        DateTimeOffset? due = null;
        if (retry.Count > 0)
        {
            Add("retrying", retry.Count);
            retry.Sort();
            var number = await ledger.ReserveChunkNumbersAsync(chunk.OccurrenceId, 1);
            retryChunk = new RecipientChunk(chunk.OccurrenceId, number, chunk.Step, chunk.Attempt + 1, chunk.DeferCounted, [.. retry]);
            due = time.GetUtcNow() + RetryDelay(chunk.Attempt + 1, retryAfter);
        }
        await ledger.RecordAsync(chunk, Channel, claim.Position, counters, time.GetUtcNow(), retryChunk, due);
        if (counters.TryGetValue("sent", out var sent) && sent > 0)
        {
            health.ReportHealthy(sender.Name);
            await deliveries.CountUsageAsync(Channel, sent, segments, time.GetUtcNow());
        }
        foreach (var id in optedOut)
        {
            await OptOutAsync(id);
        }
    }

    private async Task<(SendResult Result, CampaignText? Text)> SendOneAsync(CampaignRecord campaign, RecipientChunk chunk, ClaimedRecipient recipient)
    {
        var text = texts.For(campaign, chunk.OccurrenceId, chunk.Step, Channel, recipient.AreaCode);
        if (text is null)
        {
            return (new SendResult(SendOutcome.Unknown, Error: "no text for this channel"), null);
        }
        if (pace is not null)
        {
            await pace.WaitTurnAsync(CancellationToken.None);
        }
        SendResult result;
        try
        {
            // Not the stopping token: once the request is on its way we wait for the answer.
            result = await sender.SendAsync(new OutgoingMessage(new BulkDeliveryId(chunk.OccurrenceId, recipient.SubscriberId).ToString(), recipient.Address, text.Text), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "{Provider} send threw for a campaign message to {Address}", sender.Name, PhoneMask.MaskAddress(Channel.Key(), recipient.Address));
            result = new SendResult(SendOutcome.Unknown, Error: ex.Message);
        }
        DeliveryMetrics.Sent(Channel.Key(), sender.Name, result.Outcome, text.Segments);
        return (result, text);
    }

    private async Task OptOutAsync(long subscriberId)
    {
        if (await subscribers.GetAsync(subscriberId) is { } subscriber)
        {
            await subscribers.OptOutAsync(subscriber, new Consent(time.GetUtcNow(), $"{sender.Name}:blocked", "provider reports the recipient unsubscribed or blocked us"));
            logger.LogWarning("{Provider} says {Address} has unsubscribed; opted out", sender.Name, PhoneMask.MaskAddress(Channel.Key(), subscriber.Address));
        }
    }

    /// <summary>Exponential from <see cref="FanoutOptions.RetryDelay"/>, ±20 % jitter so retries of many chunks do not arrive together, never sooner than the provider asked.</summary>
    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = options.RetryDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = backoff < options.MaxRetryDelay ? backoff : options.MaxRetryDelay;
        var jittered = capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }

    private async Task<bool> RepliesWaitingAsync() => replies is not null && await replies.HasWaitingAsync();
}
