using Campaign.Core.Conversations;
using Campaign.Core.Inbox;
using static Campaign.Core.Tests.Inbox.InboxSamples;

namespace Campaign.Core.Tests.Inbox;

public sealed class QuestionGrouperTests
{
    [Fact]
    public void The_same_question_with_and_without_marks_has_one_signature()
    {
        Assert.Equal(QuestionWords.SignatureOf(Market, Tokenizer), QuestionWords.SignatureOf(MarketUnaccented, Tokenizer));
        Assert.Equal(QuestionWords.SignatureOf("Thư viện xã mở cửa mấy giờ ạ", Tokenizer), QuestionWords.SignatureOf("THU VIEN XA MO CUA MAY GIO A", Tokenizer));
    }

    [Fact]
    public void Accented_and_unaccented_variants_land_in_one_group_with_counts_per_channel()
    {
        var groups = QuestionGrouper.Group(
            [
                (Asked(Market, 1, Channel.Sms, 1, "vneid"), "D0101"),
                (Asked(MarketUnaccented, 2, Channel.Zalo, 2, "vneid", "dich-vu-cong"), null),
                (Asked("cho phien xa hop vao ngay nao trong thang vay", 3, Channel.Sms, 3), "D0102"),
            ],
            Tokenizer);

        var group = Assert.Single(groups);
        Assert.Equal(3, group.Count);
        Assert.Equal(new Dictionary<string, int> { ["sms"] = 2, ["zalo"] = 1 }, group.Channels);
        Assert.Equal(Market, group.Question);   // the commonest wording, with marks
        Assert.Equal(["cho phien xa hop vao ngay nao trong thang vay", MarketUnaccented, Market], group.Examples);
        Assert.Equal(["vneid", "dich-vu-cong"], group.SuggestedFaqIds);
        Assert.Equal(Asked("", minute: 1).At, group.FirstAt);
        Assert.Equal(Asked("", minute: 3).At, group.LastAt);
        Assert.Equal(["", "D0101", "D0102"], group.AreaCodes);
        Assert.StartsWith("g_", group.Id);
    }

    [Fact]
    public void Different_questions_stay_apart_and_the_latest_activity_comes_first()
    {
        var groups = QuestionGrouper.Group(
            [
                (Asked(Market, 1, Channel.Sms, 1), null),
                (Asked(MarketWhere, 2, Channel.Sms, 2), null),
                (Asked("Tiền điện tháng này đóng ở đâu?", 3, Channel.Sms, 3), null),
                (Asked(MarketUnaccented, 4, Channel.Sms, 4), null),
            ],
            Tokenizer);

        Assert.Equal(3, groups.Count);
        Assert.Equal(2, groups[0].Count);
        Assert.Equal([MarketUnaccented, Market], groups[0].Examples);
        Assert.Equal(["Tiền điện tháng này đóng ở đâu?"], groups[1].Examples);
        Assert.Equal([MarketWhere], groups[2].Examples);
    }

    [Fact]
    public void A_group_keeps_its_id_as_more_questions_join()
    {
        var first = GroupOf(Asked(Market, minute: 1));
        var later = GroupOf(Asked(Market, minute: 1), Asked(MarketUnaccented, 2, minute: 2));
        Assert.Equal(first.Id, later.Id);
    }
}
