using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Campaign.Core.Tests.Delivery;

/// <summary>A delivery store, SMS outbox and dispatcher on the test Redis under a fresh prefix, with a fake clock and a mocked provider.</summary>
internal sealed class DeliveryFixture
{
    public DeliveryFixture(RedisServer redis, DispatcherOptions? options = null)
    {
        Keys = new RedisKeys(redis.NewPrefix());
        Store = new DeliveryStore(redis.Connection, Keys, Time);
        Outbox = new Outbox(redis.Connection, Keys, Channel.Sms);
        Subscribers = new SubscriberStore(redis.Connection, Keys);
        Sender.SetupGet(s => s.Name).Returns("fake");
        Options = options ?? new DispatcherOptions { RetryDelay = TimeSpan.FromSeconds(10), MaxAttempts = 3 };
        Dispatcher = new DeliveryDispatcher(Outbox, Sender.Object, Store, Subscribers, Health, Options, Time, NullLogger<DeliveryDispatcher>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public RedisKeys Keys { get; }
    public DeliveryStore Store { get; }
    public Outbox Outbox { get; }
    public SubscriberStore Subscribers { get; }
    public ProviderHealth Health => _health ??= new ProviderHealth(Time);
    public Mock<IChannelSender> Sender { get; } = new(MockBehavior.Strict);
    public DispatcherOptions Options { get; }
    public DeliveryDispatcher Dispatcher { get; }

    private ProviderHealth? _health;

    public static Campaign.Core.Delivery.Delivery NewSms(string to = "+84912345678", string text = "Xin chao", int segments = 1) => new()
    {
        Id = Campaign.Core.Delivery.Delivery.NewId(),
        Channel = Channel.Sms,
        Address = to,
        Text = text,
        Kind = DeliveryKind.Campaign,
        Segments = segments,
        Encoding = "GSM-7",
    };

    public Task<Campaign.Core.Delivery.Delivery?> GetAsync(string id) => Store.GetAsync(id);
}
