using Campaign.Core.Campaigns;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Fanout;
using Campaign.Core.Occurrences;
using Campaign.Core.Redis;
using Campaign.Core.Scheduling;
using Campaign.Core.Subscribers;
using Campaign.Core.Tests.Campaigns;
using Campaign.Core.Text;
using Campaign.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Campaign.Core.Tests.Fanout;

/// <summary>
/// The scheduler's runner, planner and a bulk dispatcher per channel, on the test Redis under a fresh
/// prefix, with a fake clock and recording providers. Several fixtures can share one prefix (and so
/// one Redis state) to stand for several instances.
/// </summary>
internal sealed class FanoutFixture
{
    /// <summary>Monday 23 November 2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    public FanoutFixture(RedisServer redis, FanoutOptions? options = null, FanoutFixture? sameRedisAs = null, FakeTimeProvider? time = null)
    {
        Redis = redis;
        Keys = sameRedisAs?.Keys ?? new RedisKeys(redis.NewPrefix());
        Time = time ?? sameRedisAs?.Time ?? new FakeTimeProvider(Monday9);
        Options = options ?? new FanoutOptions { BatchSize = 10, ChunkSize = 25, AbandonedAfter = TimeSpan.FromMinutes(2) };
        Content = new ContentStore(CampaignSamples.Content);
        Subscribers = new SubscriberStore(redis.Connection, Keys);
        Campaigns = new CampaignStore(redis.Connection, Keys);
        Lifecycle = new CampaignLifecycle(Time);
        Occurrences = new OccurrenceStore(redis.Connection, Keys);
        Ledger = new RecipientLedger(redis.Connection, Keys, Options);
        Deliveries = new DeliveryStore(redis.Connection, Keys, Time, Ledger);
        Completion = new CampaignCompletion(Campaigns, Lifecycle, Occurrences, Time, NullLogger<CampaignCompletion>.Instance);
        Planner = new AudiencePlanner(Subscribers, Occurrences, Campaigns, Ledger, Completion, Content, Options, Time, NullLogger<AudiencePlanner>.Instance);
        Runner = new OccurrenceRunner(Campaigns, Lifecycle, Occurrences, Planner, Completion, Instance, Options, Time, NullLogger<OccurrenceRunner>.Instance);
        Texts = new CampaignTexts(Content, new SmsRenderer(new SmsOptions(), Content));
    }

    public RedisServer Redis { get; }
    public RedisKeys Keys { get; }
    public FakeTimeProvider Time { get; }
    public FanoutOptions Options { get; }
    public ContentStore Content { get; }
    public SubscriberStore Subscribers { get; }
    public CampaignStore Campaigns { get; }
    public CampaignLifecycle Lifecycle { get; }
    public OccurrenceStore Occurrences { get; }
    public RecipientLedger Ledger { get; }
    public DeliveryStore Deliveries { get; }
    public CampaignCompletion Completion { get; }
    public AudiencePlanner Planner { get; }
    public OccurrenceRunner Runner { get; }
    public CampaignTexts Texts { get; }
    public SchedulerInstance Instance { get; } = new();
    public ProviderHealth Health => _health ??= new ProviderHealth(Time);

    private ProviderHealth? _health;
    private readonly Dictionary<Channel, (BulkDispatcher Dispatcher, RecordingSender Sender)> _dispatchers = [];

    public RecordingSender Sender(Channel channel) => Dispatcher(channel).Sender;

    public (BulkDispatcher Dispatcher, RecordingSender Sender) Dispatcher(Channel channel, RecordingSender? sender = null)
    {
        if (!_dispatchers.TryGetValue(channel, out var pair))
        {
            sender ??= new RecordingSender(channel.Key());
            var dispatcher = new BulkDispatcher(
                new BulkOutbox(Redis.Connection, Keys, channel), sender, Ledger, Campaigns, Texts, new QuietHours(Options), Subscribers, Deliveries,
                Health, Completion, Options, new DispatcherOptions(), Time, NullLogger<BulkDispatcher>.Instance,
                new Outbox(Redis.Connection, Keys, channel));
            _dispatchers[channel] = pair = (dispatcher, sender);
        }
        return pair;
    }

    /// <summary>Works the channel's queue until nothing is left that is due now.</summary>
    public async Task<int> DrainAsync(Channel channel, string consumer = "c1")
    {
        var chunks = 0;
        for (var handled = -1; handled != 0; chunks += handled)
        {
            handled = await Dispatcher(channel).Dispatcher.RunOnceAsync(consumer);
        }
        return chunks;
    }

    public async Task<Subscriber> SubscribeAsync(Channel channel, string address, string area, DateTimeOffset? at = null)
    {
        var when = at ?? Time.GetUtcNow();
        var (contact, _) = await Subscribers.TouchAsync(channel, address, when);
        return (await Subscribers.SubscribeAsync(contact, new Consent(when, "test", null), area)).Subscriber;
    }

    /// <summary>Stores a campaign already approved and scheduled (the lifecycle has its own tests).</summary>
    public async Task<CampaignRecord> ScheduledAsync(Schedule schedule, Audience? audience = null, string chat = "Tin {commune_office}", string sms = "Tin nhan chien dich")
    {
        var now = Time.GetUtcNow();
        var record = new CampaignRecord
        {
            Id = await Campaigns.NextIdAsync(),
            Title = "test",
            OwnerId = "officer-1",
            Audience = audience ?? new Audience(["D01"], [Channel.Sms], []),
            Message = schedule is DripSchedule ? null : new Dictionary<string, MessageText> { ["vi"] = new(chat, sms) },
            Schedule = schedule,
            Status = CampaignStatus.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
            ApprovedAt = now,
            ApprovedBy = "approver-1",
        };
        return (await Campaigns.CreateAsync(record)).Campaign!;
    }

    public static OneOffSchedule At(DateTimeOffset instant) => new(CampaignSchedule.ToLocal(instant));

    public async Task<Occurrence> OccurrenceAsync(string campaignId, DateTimeOffset fireAt) =>
        (await Occurrences.GetAsync(OccurrenceId.For(campaignId, fireAt)))!;
}
