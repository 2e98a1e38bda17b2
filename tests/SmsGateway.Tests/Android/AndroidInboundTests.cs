using System.Net;
using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Delivery;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.TestSupport;

namespace SmsGateway.Tests.Android;

/// <summary>
/// Residents' SMS arriving as signed <c>sms:received</c> webhooks: each message is one conversation
/// step, and its reply is queued and sent back through the phone's API (the stub), checked field by
/// field as the app receives it.
/// </summary>
[Collection(UsesRedis.Name)]
public sealed class AndroidInboundTests(RedisServer redis)
{
    /// <param name="From">The sender as the phone reports it.</param>
    /// <param name="Messages">What the resident sends, one webhook each, in order.</param>
    /// <param name="Address">The E.164 number the replies must go to.</param>
    /// <param name="LastReply">The last reply: a system reply id, or "faq:&lt;id&gt;".</param>
    /// <param name="Status">The subscriber's status afterwards.</param>
    private sealed record Conversation(string From, string[] Messages, string Address, string LastReply, SubscriberStatus Status)
    {
        /// <summary>The sender only in the deprecated <c>phoneNumber</c> field (older app versions).</summary>
        public bool DeprecatedSenderField { get; init; }

        /// <summary>Every webhook is delivered twice with the same envelope id, as the phone does when our answer is lost.</summary>
        public bool RetryEachEvent { get; init; }

        public WebhookSigning Signing { get; init; } = WebhookSigning.Valid;
    }

    private static readonly Dictionary<string, Conversation> Conversations = new()
    {
        ["unaccented FAQ question gets its answer within Sms:MaxSegments"] =
            new("+84912000001", ["kich hoat vneid muc 2 o dau"], "+84912000001", "faq:vneid", SubscriberStatus.Contact),
        ["a vague question gets numbered suggestions within Sms:MaxSegments"] =
            new("+84912000014", ["DK", "hoi ve dien thoai"], "+84912000014", ReplyId.NotSure, SubscriberStatus.Subscribed),
        ["STOP opts out"] =
            new("+84912000002", ["STOP"], "+84912000002", ReplyId.OptedOut, SubscriberStatus.OptedOut),
        ["stop in lower case opts out"] =
            new("+84912000003", ["stop"], "+84912000003", ReplyId.OptedOut, SubscriberStatus.OptedOut),
        ["HUY opts out"] =
            new("+84912000004", ["HUY"], "+84912000004", ReplyId.OptedOut, SubscriberStatus.OptedOut),
        ["Hủy with its accent opts out a subscriber"] =
            new("+84912000005", ["DK", "Hủy"], "+84912000005", ReplyId.OptedOut, SubscriberStatus.OptedOut),
        ["huỷ with the old accent placement opts out"] =
            new("+84912000006", ["huỷ"], "+84912000006", ReplyId.OptedOut, SubscriberStatus.OptedOut),
        ["tc in lower case opts out a subscriber"] =
            new("+84912000007", ["DK", "tc"], "+84912000007", ReplyId.OptedOut, SubscriberStatus.OptedOut),
        ["Tc opts out"] =
            new("+84912000008", ["Tc"], "+84912000008", ReplyId.OptedOut, SubscriberStatus.OptedOut),
        ["a number after MENU picks that menu topic"] =
            new("+84912000009", ["MENU", "1"], "+84912000009", "faq:vneid", SubscriberStatus.Contact),
        ["sender in local format is answered in E.164"] =
            new("0912345678", ["DK"], "+84912345678", ReplyId.Subscribed, SubscriberStatus.Subscribed),
        ["empty message is answered"] =
            new("+84912000010", ["DK", ""], "+84912000010", ReplyId.EmptyMessage, SubscriberStatus.Subscribed),
        ["older app versions name the sender only in phoneNumber"] =
            new("+84912000011", ["DK"], "+84912000011", ReplyId.Subscribed, SubscriberStatus.Subscribed) { DeprecatedSenderField = true },
        ["a retried event (same envelope id) takes one step and sends one reply"] =
            new("+84912000012", ["DK", "kich hoat vneid muc 2 o dau"], "+84912000012", "faq:vneid", SubscriberStatus.Subscribed) { RetryEachEvent = true },
        ["a timestamp four minutes old is still fresh"] =
            new("+84912000013", ["DK"], "+84912000013", ReplyId.Subscribed, SubscriberStatus.Subscribed) { Signing = WebhookSigning.FourMinutesOld },
    };

    public static TheoryData<string> ConversationNames => FixtureTable.Names(Conversations);

    [Theory]
    [MemberData(nameof(ConversationNames))]
    public async Task Received_sms_is_answered_through_the_phone(string name)
    {
        var conversation = Conversations[name];
        await using var android = await AndroidHarness.StartAsync(redis);

        for (var step = 0; step < conversation.Messages.Length; step++)
        {
            var envelope = Envelopes.Received(conversation.From, conversation.Messages[step], deprecatedField: conversation.DeprecatedSenderField);
            using var response = await android.PostAsync(envelope, conversation.Signing);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("handled", await AndroidHarness.ReadAnswerAsync(response));
            if (conversation.RetryEachEvent)
            {
                using var retry = await android.PostAsync(envelope, conversation.Signing);
                Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
                Assert.Equal("duplicate", await AndroidHarness.ReadAnswerAsync(retry));
            }
            // One step at a time, so the replies reach the phone in the order they were written.
            await android.WaitForSendsAsync(step + 1);
        }
        await android.WaitForOutboxDrainedAsync();

        var sends = android.Phone.Requests.Select(SentMessage.From).ToList();
        Assert.Equal(conversation.Messages.Length, sends.Count);
        foreach (var send in sends)
        {
            send.AssertWellFormed(conversation.Address);
            Assert.Null(send.SimNumber);
            var delivery = await android.Host.Get<DeliveryStore>().GetAsync(send.Id);
            Assert.NotNull(delivery);
            Assert.Equal((conversation.Address, DeliveryStatus.Sent, "android", send.Id, DeliveryKind.Reply),
                (delivery.Address, delivery.Status, delivery.Provider, delivery.ProviderMessageId, delivery.Kind));
            Assert.Equal(delivery.Text, send.Text);
        }

        var last = sends[^1].Text;
        var opening = Opening(android.Host.Get<ContentStore>().Current, conversation.LastReply);
        Assert.True(last.StartsWith(opening, StringComparison.Ordinal), $"[{name}] expected {conversation.LastReply} (\"{opening}...\"), got \"{last}\"");
        var maxSegments = android.Host.Get<SmsOptions>().MaxSegments;
        Assert.InRange(SmsEncoder.Analyze(last).Segments, 1, maxSegments);

        var subscriber = await android.Host.Get<SubscriberStore>().FindAsync(Channel.Sms, conversation.Address);
        Assert.NotNull(subscriber);
        Assert.Equal(conversation.Status, subscriber.Status);
    }

    [Fact]
    public async Task Carrier_notice_from_a_name_is_accepted_and_not_answered()
    {
        await using var android = await AndroidHarness.StartAsync(redis);

        using var response = await android.PostAsync(Envelopes.Received("VIETTEL", "TK chinh cua quy khach con 5.000d"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignoredsender", await AndroidHarness.ReadAnswerAsync(response));
        Assert.Equal((0L, 0L), await android.Host.Get<Outbox>().CountAsync());
        Assert.Empty(android.Phone.Requests);
    }

    /// <summary>The literal start of a reply as SMS renders it (marks stripped), up to its first placeholder.</summary>
    private static string Opening(CampaignContent content, string expected)
    {
        var source = expected.StartsWith("faq:", StringComparison.Ordinal)
            ? content.FindFaq(expected[4..])!.SmsAnswer.Source
            : content.Reply(expected).Sms.Source;
        var brace = source.IndexOf('{', StringComparison.Ordinal);
        var literal = brace < 0 ? source : source[..brace];
        return SmsPreview.For(literal[..Math.Min(literal.Length, 40)]).UnaccentedText;
    }
}
