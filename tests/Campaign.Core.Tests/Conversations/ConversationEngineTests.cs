using Campaign.Core.Conversations;
using Campaign.Core.Subscribers;
using Campaign.Core.Text;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Conversations;

/// <summary>What the engine leaves behind in Redis, and how replies are shaped per channel.</summary>
[Collection(UsesRedis.Name)]
public sealed class ConversationEngineTests(RedisServer redis)
{
    private const string Phone = "+84912345678";

    [Fact]
    public async Task Subscribing_records_consent_and_counts_the_subscriber()
    {
        var h = new EngineHarness(redis);
        await h.SayAsync(Channel.Sms, Phone, "DK D0101");
        var subscriber = (await h.Subscribers.FindAsync(Channel.Sms, Phone))!;
        Assert.Equal(SubscriberStatus.Subscribed, subscriber.Status);
        Assert.Equal("D0101", subscriber.AreaCode);
        Assert.Equal("sms:subscribe", subscriber.Consent!.Via);
        Assert.StartsWith("m-", subscriber.Consent.Evidence);
        Assert.Equal(h.Now, subscriber.Consent.At);
        Assert.Equal([new AreaChannelCount("D0101", Channel.Sms, 1)], await h.Subscribers.CountSubscribedByAreaAsync());
        Assert.Equal(1, await h.Subscribers.CountSubscribedAsync());
    }

    [Fact]
    public async Task Opting_out_takes_the_subscriber_out_of_every_audience_at_once()
    {
        var h = new EngineHarness(redis);
        await h.SayAsync(Channel.Sms, Phone, "DK D0101");
        await h.SayAsync(Channel.Sms, Phone, "HUY");
        var subscriber = (await h.Subscribers.FindAsync(Channel.Sms, Phone))!;
        Assert.Equal(SubscriberStatus.OptedOut, subscriber.Status);
        Assert.True(await h.Subscribers.IsOptedOutAsync(subscriber.Id));
        Assert.Empty(await h.Subscribers.CountSubscribedByAreaAsync());
        Assert.Equal(0, await h.Subscribers.CountSubscribedAsync());
        Assert.Equal("sms:opt_out", subscriber.Consent!.Via);
    }

    [Fact]
    public async Task Subscriber_ids_are_dense_and_stable_per_address()
    {
        var h = new EngineHarness(redis);
        var a = await h.Subscribers.TouchAsync(Channel.Sms, "+84911111111", h.Now);
        var b = await h.Subscribers.TouchAsync(Channel.Zalo, "1234567890", h.Now);
        var again = await h.Subscribers.TouchAsync(Channel.Sms, "+84911111111", h.Now);
        Assert.True(a.Created);
        Assert.False(again.Created);
        Assert.Equal(a.Subscriber.Id, again.Subscriber.Id);
        Assert.Equal(a.Subscriber.Id + 1, b.Subscriber.Id);
        Assert.Equal(SubscriberStatus.Contact, a.Subscriber.Status);
    }

    [Fact]
    public async Task Concurrent_first_messages_create_one_subscriber()
    {
        var h = new EngineHarness(redis);
        var touches = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => h.Subscribers.TouchAsync(Channel.Sms, Phone, h.Now)));
        Assert.Single(touches.Select(t => t.Subscriber.Id).Distinct());
        Assert.Single(touches, t => t.Created);
    }

    [Fact]
    public async Task Not_sure_offers_numbered_suggestions_and_the_next_number_picks_one()
    {
        var h = new EngineHarness(redis);
        await h.SayAsync(Channel.Zalo, "z1", "DK");
        var notSure = await h.SayAsync(Channel.Zalo, "z1", "điện thoại");
        Assert.InRange(notSure.Choices.Count, 1, 3);
        Assert.Equal("1", notSure.Choices[0].Value);
        var picked = await h.SayAsync(Channel.Zalo, "z1", "1");
        var expected = EngineHarness.SharedContent.Faq.Single(f => f.Title == notSure.Choices[0].Label);
        Assert.StartsWith(EngineHarness.Opening("faq:" + expected.Id, Channel.Zalo), picked.Text);
    }

    [Fact]
    public async Task Unsure_questions_reach_the_officers_inbox()
    {
        var h = new EngineHarness(redis);
        await h.SayAsync(Channel.Sms, Phone, "DK");
        await h.SayAsync(Channel.Sms, Phone, "điện thoại");
        var recent = await h.Unanswered.RecentAsync(10);
        Assert.Equal("điện thoại", Assert.Single(recent).Question);
    }

    [Fact]
    public async Task Sms_replies_are_unaccented_gsm7_and_fit_two_segments()
    {
        var h = new EngineHarness(redis);
        foreach (var text in new[] { "DK", "MENU", "1", "vneid muc 2", "tro giup", "HUY" })
        {
            var reply = await h.SayAsync(Channel.Sms, Phone, text);
            var analysis = SmsEncoder.Analyze(reply.Text);
            Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
            Assert.False(Diacritics.HasMarks(reply.Text), reply.Text);
            Assert.InRange(analysis.Segments, 1, 3);
        }
    }

    [Fact]
    public async Task Chat_answers_keep_their_marks_and_offer_related_topics()
    {
        var h = new EngineHarness(redis);
        var reply = await h.SayAsync(Channel.Messenger, "psid-1", "kích hoạt VNeID mức 2 ở đâu");
        Assert.True(Diacritics.HasMarks(reply.Text));
        var related = EngineHarness.SharedContent.FindFaq("vneid")!.Related;
        Assert.Equal(related.Count, reply.Choices.Count);
    }

    [Fact]
    public async Task Very_long_text_is_cut_safely_and_still_answered()
    {
        var h = new EngineHarness(redis);
        var text = "vneid muc 2 o dau " + new string('a', 50_000) + "😀";
        var reply = await h.SayAsync(Channel.Sms, Phone, text);
        Assert.False(string.IsNullOrEmpty(reply.Text));
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 9) + "😀";
        Assert.Equal(new string('a', 9), ConversationEngine.Truncate(text, 10));
    }

    [Fact]
    public async Task Area_settings_fill_placeholders_for_residents_of_that_area()
    {
        var h = new EngineHarness(redis);
        var reply = await h.SayAsync(Channel.Zalo, "z-area", "số điện thoại ubnd xã để hỏi cán bộ");
        var fallback = EngineHarness.SharedContent.Placeholders["commune_hotline"].Default;
        Assert.Contains(fallback, reply.Text);
    }
}
