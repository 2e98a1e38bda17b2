using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Occurrences;
using Campaign.Core.Scheduling;
using Campaign.Core.Subscribers;
using Microsoft.Extensions.Logging;

namespace Campaign.Core.Fanout;

/// <summary>
/// Expands an occurrence's audience into chunks: reads the subscriber buckets a page at a time
/// (pipelined, never a round trip per subscriber), keeps those in the audience (and, for a drip
/// campaign, those whose step is due at this fire), and adds the page's chunks and the new cursor in
/// one script call under the planning lease. Sending starts with the first page; a planner that dies
/// leaves a cursor its successor resumes from, so nobody is planned twice or left out.
/// </summary>
public sealed class AudiencePlanner(
    SubscriberStore subscribers,
    OccurrenceStore occurrences,
    CampaignStore campaigns,
    RecipientLedger ledger,
    CampaignCompletion completion,
    ContentStore content,
    FanoutOptions options,
    TimeProvider time,
    ILogger<AudiencePlanner> logger)
{
    /// <summary>The first page is small so the first chunk is sent within moments of the fire.</summary>
    private const int FirstPageBuckets = 4;

    /// <summary>Plans the occurrence to the end, or until the lease is lost or the campaign is cancelled. False when it was not ours to plan.</summary>
    public async Task<bool> PlanAsync(string occurrenceId, string instance, CancellationToken cancellationToken)
    {
        if (await occurrences.TakeLeaseAsync(occurrenceId, instance, time.GetUtcNow(), options.PlanningLease) is not { } cursor)
        {
            return false;
        }
        var occurrence = await occurrences.GetAsync(occurrenceId);
        var campaign = occurrence is null ? null : await campaigns.GetAsync(occurrence.CampaignId);
        if (occurrence is null || campaign is null)
        {
            logger.LogWarning("occurrence {Occurrence} has no campaign; nothing planned", occurrenceId);
            return false;
        }
        var filter = new AudienceFilter(campaign.Audience, content.Current.Areas);
        var drip = DripWindows(campaign, occurrence.FireAt);
        var targeted = 0L;
        var page = cursor == 0 ? FirstPageBuckets : options.PlanBuckets;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((await campaigns.GetAsync(campaign.Id))?.Status == CampaignStatus.Cancelled)
            {
                await occurrences.CancelAsync(occurrenceId, time.GetUtcNow());
                return true;
            }
            var rows = await subscribers.ScanAsync(cursor, page);
            var chunks = Chunk(occurrenceId, filter, drip, rows.Rows);
            var first = chunks.Count == 0 ? 0 : await ledger.ReserveChunkNumbersAsync(occurrenceId, chunks.Count);
            var numbered = chunks.Select((c, i) => (c.Channel, c.Chunk with { Number = first + i })).ToList();
            var count = chunks.Sum(c => (long)c.Chunk.Ids.Length);
            var next = rows.NextBucket ?? cursor + page;
            var emitted = await ledger.EmitAsync(occurrenceId, instance, time.GetUtcNow(), options.PlanningLease, next, count, rows.NextBucket is null, numbered);
            if (emitted is null)
            {
                logger.LogWarning("occurrence {Occurrence}: planning lease lost at bucket {Cursor}; another instance continues", occurrenceId, cursor);
                return false;
            }
            targeted += count;
            if (rows.NextBucket is null)
            {
                if (emitted is true)
                {
                    // Nobody to send to, or every chunk was sent before this last page: no dispatcher
                    // finishes the occurrence, so the campaign is the planner's to complete.
                    await completion.OccurrenceFinishedAsync(campaign.Id);
                }
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("occurrence {Occurrence} planned: {Targeted} recipients from this planner", occurrenceId, targeted);
                }
                return true;
            }
            cursor = next;
            page = options.PlanBuckets;
        }
    }

    private List<(Channel Channel, RecipientChunk Chunk)> Chunk(string occurrenceId, AudienceFilter filter, DripWindow[]? drip, IReadOnlyList<SubscriberRow> rows)
    {
        var groups = new Dictionary<(Channel, int), List<long>>();
        foreach (var row in rows)
        {
            if (!filter.Matches(row))
            {
                continue;
            }
            var step = -1;
            if (drip is not null && (step = DueStep(drip, row.ConsentAt)) < 0)
            {
                continue;
            }
            if (!groups.TryGetValue((row.Channel, step), out var ids))
            {
                groups[(row.Channel, step)] = ids = [];
            }
            ids.Add(row.Id);
        }
        var chunks = new List<(Channel, RecipientChunk)>();
        foreach (var ((channel, step), ids) in groups)
        {
            ids.Sort();
            foreach (var piece in ids.Chunk(options.ChunkSize))
            {
                chunks.Add((channel, new RecipientChunk(occurrenceId, 0, step, 0, false, piece)));
            }
        }
        return chunks;
    }

    private readonly record struct DripWindow(int Step, DateTimeOffset After, DateTimeOffset UpTo);

    /// <summary>For a drip campaign: per step, the subscriptions whose step falls due at this fire.</summary>
    private DripWindow[]? DripWindows(CampaignRecord campaign, DateTimeOffset fireAt)
    {
        if (campaign.SeriesId is not { } seriesId)
        {
            return null;
        }
        var steps = content.Current.FindSeries(seriesId)?.Steps ?? [];
        return [.. steps.Select((s, i) =>
        {
            var (after, upTo) = CampaignSchedule.DripSubscriptionWindow(fireAt, s.OffsetDays);
            return new DripWindow(i, after, upTo);
        })];
    }

    private static int DueStep(DripWindow[] windows, DateTimeOffset? subscribedAt)
    {
        if (subscribedAt is not { } at)
        {
            return -1;
        }
        foreach (var window in windows)
        {
            if (at > window.After && at <= window.UpTo)
            {
                return window.Step;
            }
        }
        return -1;
    }
}
