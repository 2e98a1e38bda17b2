using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Redis;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaign.Core.Tests.Conversations;

/// <summary>The real engine on the shipped content and a real Redis, under a key prefix of its own.</summary>
internal sealed class EngineHarness
{
    public static readonly CampaignContent SharedContent = ContentLoader.Load(RepoPaths.Content);

    public EngineHarness(RedisServer redis)
    {
        Keys = new RedisKeys(redis.NewPrefix());
        var store = new ContentStore(SharedContent);
        Content = store;
        var options = new ConversationOptions();
        Subscribers = new SubscriberStore(redis.Connection, Keys);
        Unanswered = new UnansweredQuestions(redis.Connection, Keys);
        Engine = new ConversationEngine(
            store, new LiveFaqMatcher(store), Subscribers, new ConversationStateStore(redis.Connection, Keys),
            Unanswered, new ReplyComposer(new SmsRenderer(Sms, store)), options, NullLogger<ConversationEngine>.Instance);
    }

    /// <summary>The SMS policy replies are rendered with; tests may change it before a turn.</summary>
    public SmsOptions Sms { get; } = new();

    public ContentStore Content { get; }

    public RedisKeys Keys { get; }
    public SubscriberStore Subscribers { get; }
    public ConversationEngine Engine { get; }
    public UnansweredQuestions Unanswered { get; }
    public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    public async Task<Reply> SayAsync(Channel channel, string address, string text)
    {
        Now = Now.AddMinutes(1);
        var replies = await Engine.HandleAsync(new InboundMessage(channel, address, text, Now, "m-" + Guid.NewGuid().ToString("N")));
        return Assert.Single(replies);
    }

    /// <summary>The literal opening of a system reply or FAQ answer as the channel renders it, for assertions.</summary>
    public static string Opening(string expected, Channel channel)
    {
        string source;
        if (expected.StartsWith("faq:", StringComparison.Ordinal))
        {
            var entry = SharedContent.FindFaq(expected[4..])!;
            source = (channel.IsSms() ? entry.SmsAnswer : entry.ChatAnswer).Source;
        }
        else
        {
            var reply = SharedContent.Reply(expected);
            source = (channel.IsSms() ? reply.Sms : reply.Chat).Source;
        }
        var brace = source.IndexOf('{');
        var literal = (brace < 0 ? source : source[..brace]);
        literal = literal[..Math.Min(literal.Length, 40)];
        return channel.IsSms() ? SmsPreview.For(literal).UnaccentedText : literal;
    }
}
