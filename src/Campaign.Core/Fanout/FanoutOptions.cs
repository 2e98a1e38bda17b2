namespace Campaign.Core.Fanout;

/// <summary>How campaign occurrences are planned and sent; bound from <c>Fanout</c>.</summary>
public sealed class FanoutOptions
{
    public const string Section = "Fanout";

    /// <summary>Recipients per work item; a chunk is what a crashed instance's successor takes over.</summary>
    public int ChunkSize { get; set; } = 1000;

    /// <summary>Recipients claimed and sent together: at most this many are in flight, so at most this many can end "unknown" per crash.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Bulk loops per channel per instance.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Subscriber buckets (128 ids each) read per planning step.</summary>
    public int PlanBuckets { get; set; } = 64;

    /// <summary>Start of the nightly quiet hours, local time (Asia/Ho_Chi_Minh).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(22, 0);

    /// <summary>End of the quiet hours: deferred chunks go out from then.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(7, 0);

    /// <summary>Channels with quiet hours (keys: sms, zalo, messenger, botframework); SMS by default, since a phone beeps at night.</summary>
    public List<string> QuietHoursChannels { get; set; } = ["sms"];

    /// <summary>Campaign messages one subscriber may receive per <see cref="FrequencyWindow"/>; 0 for no cap.</summary>
    public int FrequencyCap { get; set; } = 3;

    public TimeSpan FrequencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Per channel: how long after the resident last wrote a push is still allowed (Messenger's
    /// standard window 24 h; Zalo's consultation window, set from <c>Zalo:ConsultationWindow</c>).
    /// Pushes to residents outside it are skipped as <c>outside_window</c> without calling the provider.
    /// </summary>
    public Dictionary<string, TimeSpan> ChannelWindows { get; set; } = new(StringComparer.Ordinal)
    {
        ["messenger"] = TimeSpan.FromHours(24),
        ["zalo"] = TimeSpan.FromDays(7),
    };

    /// <summary>While a campaign is paused its chunks are looked at again after this long.</summary>
    public TimeSpan PausedRecheck { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Fires missed while everything was down run at start if no older than this; older ones are recorded as missed.</summary>
    public TimeSpan MisfireGrace { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How far back the start-up catch-up looks for fires that never happened.</summary>
    public TimeSpan CatchUpLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A planner that has not renewed its lease for this long is taken over by another instance.</summary>
    public TimeSpan PlanningLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each instance looks for abandoned planning and resyncs every trigger.</summary>
    public TimeSpan SupervisorInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A resident's message within this long after a campaign message counts as a reply to it.</summary>
    public TimeSpan ReplyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long per-recipient bookkeeping (sent bits, receipts) is kept after the fire.</summary>
    public TimeSpan RecipientRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Attempts before a retryable provider failure becomes final.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt (with ±20 % jitter) up to <see cref="MaxRetryDelay"/>, unless the provider asks for longer.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Chunks idle this long in a dead instance's hands are taken over.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait between polls when there is nothing to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan? WindowFor(string channelKey) => ChannelWindows.TryGetValue(channelKey, out var window) && window > TimeSpan.Zero ? window : null;
}
