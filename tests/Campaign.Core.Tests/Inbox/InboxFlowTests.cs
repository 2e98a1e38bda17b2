using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Inbox;
using Campaign.Core.Tests.Conversations;
using Campaign.Core.Text;
using Campaign.TestSupport;
using static Campaign.Core.Tests.Inbox.InboxSamples;

namespace Campaign.Core.Tests.Inbox;

/// <summary>From a question the bot could not answer, through an approved answer, to the bot answering it.</summary>
[Collection(UsesRedis.Name)]
public sealed class InboxFlowTests(RedisServer redis)
{
    private const string PhoneA = "+84912345678";
    private const string PhoneB = "+84987654321";

    [Fact]
    public async Task After_approval_the_bot_answers_the_question_even_without_marks_and_the_group_leaves_the_inbox()
    {
        var h = new EngineHarness(redis);
        var answers = new AnswerStore(redis.Connection, h.Keys);
        var inbox = new UnansweredInbox(h.Unanswered, h.Subscribers, h.Content, answers, new InboxOptions());

        await h.SayAsync(Channel.Sms, PhoneA, "DK D0101");
        var before = await h.SayAsync(Channel.Sms, PhoneA, Market);
        Assert.DoesNotContain("mung 5", before.Text, StringComparison.Ordinal);
        await h.SayAsync(Channel.Zalo, "zalo-1", "xin chào");
        await h.SayAsync(Channel.Zalo, "zalo-1", MarketUnaccented);

        var group = Assert.Single(await inbox.GroupsAsync(InboxScope.Everywhere));
        Assert.Equal(2, group.Count);
        Assert.Equal(new Dictionary<string, int> { ["sms"] = 1, ["zalo"] = 1 }, group.Channels);
        Assert.Equal(["", "D0101"], group.AreaCodes);

        var (answer, problems) = AnswerDrafting.NewEntry(await answers.NextIdAsync(), Draft(), group, h.Content.Current,
            h.Content.Current.Faq.Select(f => f.Id).ToHashSet(), "off_a", h.Now);
        Assert.Empty(problems);
        Assert.Equal("cho-phien-cua-xa-hop-ngay-nao", answer!.FaqId);
        Assert.True(await answers.CreateAsync(answer));

        // Proposed only: the bot still does not know.
        Assert.DoesNotContain("mung 5", (await h.SayAsync(Channel.Sms, PhoneA, Market)).Text, StringComparison.Ordinal);

        var reviewed = await answers.ReviewAsync(answer.Id, a => AnswerReview.Apply(a, "off_b", approve: true, null, h.Now));
        Assert.Equal(AnswerStatus.Approved, reviewed!.Value.After!.Status);
        var approved = await answers.ApprovedAsync();
        h.Content.SetOverlay(files => FaqOverlay.Apply(files, approved));

        var sms = await h.SayAsync(Channel.Sms, PhoneA, MarketUnaccented);
        Assert.StartsWith(SmsPreview.For(Draft().Sms!).UnaccentedText[..30], sms.Text, StringComparison.Ordinal);
        var chat = await h.SayAsync(Channel.Zalo, "zalo-1", Market);
        Assert.StartsWith(Draft().Chat![..30], chat.Text, StringComparison.Ordinal);
        Assert.Empty(await inbox.GroupsAsync(InboxScope.Everywhere));
    }

    [Fact]
    public async Task An_officer_sees_questions_from_their_areas_only()
    {
        var h = new EngineHarness(redis);
        var inbox = new UnansweredInbox(h.Unanswered, h.Subscribers, h.Content, new AnswerStore(redis.Connection, h.Keys), new InboxOptions());
        await h.SayAsync(Channel.Sms, PhoneA, "DK D0101");
        await h.SayAsync(Channel.Sms, PhoneA, Market);
        await h.SayAsync(Channel.Sms, PhoneB, "DK D0102");
        await h.SayAsync(Channel.Sms, PhoneB, MarketWhere);
        await h.SayAsync(Channel.Zalo, "zalo-2", "xin chào");
        await h.SayAsync(Channel.Zalo, "zalo-2", "Tiền điện tháng này đóng ở đâu?");

        var areas = h.Content.Current.Areas;
        InboxScope Scope(string codes) => InboxScope.For(Campaign.Core.Officers.AreaScope.Parse(codes), areas.IsWithin, areas);
        Assert.Equal([Market], (await inbox.GroupsAsync(Scope("D0101"))).Select(g => g.Question));
        Assert.Equal([MarketWhere], (await inbox.GroupsAsync(Scope("D0102"))).Select(g => g.Question));
        Assert.Equal(3, (await inbox.GroupsAsync(Scope("D01"))).Count);
    }

    [Fact]
    public async Task Attaching_adds_the_questions_as_phrasings_of_the_existing_entry()
    {
        var h = new EngineHarness(redis);
        var answers = new AnswerStore(redis.Connection, h.Keys);
        var group = GroupOf(Asked("làm căn cước gắn chíp ở đâu ạ"), Asked("lam can cuoc gan chip o dau", 2, minute: 1));
        var (answer, problems) = AnswerDrafting.Attach(await answers.NextIdAsync(), "vneid", group, h.Content.Current, "off_a", h.Now);
        Assert.Empty(problems);
        Assert.True(await answers.CreateAsync(answer!));
        await answers.ReviewAsync(answer!.Id, a => AnswerReview.Apply(a, "off_b", approve: true, null, h.Now));
        var approved = await answers.ApprovedAsync();
        h.Content.SetOverlay(files => FaqOverlay.Apply(files, approved));

        var vneid = h.Content.Current.FindFaq("vneid")!;
        Assert.Contains("làm căn cước gắn chíp ở đâu ạ", vneid.Phrasings);
        Assert.Contains("lam can cuoc gan chip o dau", vneid.Phrasings);
        Assert.Contains("lam can cuoc gan chip o dau a", vneid.Phrasings);   // the unaccented spelling of an accented one
        Assert.Equal(Shipped.FindFaq("vneid")!.Phrasings.Count + 3, vneid.Phrasings.Count);
        Assert.Equal(Shipped.Faq.Count, h.Content.Current.Faq.Count);
    }

    [Fact]
    public void A_draft_is_held_to_the_content_rules()
    {
        var group = GroupOf(Asked(Market), Asked(MarketUnaccented, 2, minute: 1));
        var longSms = string.Join(' ', Enumerable.Repeat("Chợ phiên của xã họp ngày mùng 5 và 20 âm lịch hằng tháng.", 10));
        var (answer, problems) = AnswerDrafting.NewEntry("ans_1", Draft() with { Sms = longSms, Theme = "khong-co", Chat = "Xem {khong_biet}" }, group, Shipped, new HashSet<string>(), "off_a", DateTimeOffset.UnixEpoch);
        Assert.Null(answer);
        Assert.Equal(["chat", "sms", "theme"], problems.Select(p => p.Field).Order());

        var (_, few) = AnswerDrafting.NewEntry("ans_1", Draft() with { Phrasings = [] }, group, Shipped, new HashSet<string>(), "off_a", DateTimeOffset.UnixEpoch);
        Assert.Equal("phrasings", Assert.Single(few).Field);
    }
}
