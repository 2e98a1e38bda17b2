using Campaign.Core.Content;
using Campaign.Core.Faq;
using Campaign.TestSupport;

namespace Campaign.Core.Tests.Faq;

/// <summary>The matcher on the shipped content: its own phrasings, shorthand, typing slips, and refusals.</summary>
public sealed class FaqMatcherTests
{
    private static readonly CampaignContent Content = ContentLoader.Load(RepoPaths.Content);
    private static readonly FaqMatcher Matcher = new(FaqIndex.Build(Content));

    public static TheoryData<string, string> OwnPhrasings()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in Content.Faq)
        {
            data.Add(entry.Question, entry.Id);
            foreach (var phrasing in entry.Phrasings)
            {
                data.Add(phrasing, entry.Id);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OwnPhrasings))]
    public void Every_entry_is_found_by_its_own_phrasings(string phrasing, string id)
    {
        var match = Matcher.Match(phrasing);
        Assert.Equal(id, match.Suggestions.Count > 0 ? match.Suggestions[0].Id : null);
    }

    [Fact]
    public void Own_phrasings_are_answered_confidently()
    {
        var cases = OwnPhrasings().Select(row => new FaqEvaluation.LabelledQuestion((string)row[0], (string)row[1]));
        var result = FaqEvaluation.Run(Matcher, cases);
        Assert.True(result.Accuracy >= 0.95, $"accuracy {result.Accuracy:0.000}; misses: {string.Join(" | ", result.Misses.Take(15).Select(m => m.Query + " -> " + m.Got))}");
    }

    [Theory]
    [InlineData("Làm sao kích hoạt tài khoản định danh điện tử mức 2?", "vneid")]
    [InlineData("lam sao kich hoat tai khoan dinh danh dien tu muc 2", "vneid")]
    [InlineData("kich hoat vneid ntn", "vneid")]
    [InlineData("kichs hoatj vneid", "vneid")]
    [InlineData("VNEID MUC 2 LAM O DAU", "vneid")]
    [InlineData("nộp hồ sơ trên cổng dịch vụ công quốc gia thế nào", "dich-vu-cong")]
    [InlineData("nop ho so dvc online", "dich-vu-cong")]
    [InlineData("thanh toan bang ma qr khi di cho", "thanh-toan-so")]
    [InlineData("ng la goi dien bao trung thuong doi chuyen tien", "lua-dao-mang")]
    [InlineData("muon ngung nhan tin nhan", "huy-nhan-tin")]
    [InlineData("tin nhắn này có mất tiền không", "chi-phi-tin-nhan")]
    public void Everyday_questions_get_the_right_answer(string question, string id)
    {
        var match = Matcher.Match(question);
        Assert.Equal(id, match.Answer?.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀😀")]
    [InlineData("xin chao")]
    [InlineData("hom nay ngay may am lich")]
    [InlineData("gia heo hoi hom nay bao nhieu mot ky")]
    [InlineData("nha cai uy tin nap lan dau tang 100%")]
    [InlineData("asdkjh qwe zxcv")]
    public void Off_topic_questions_are_not_answered(string question)
    {
        Assert.Null(Matcher.Match(question).Answer);
    }

    [Fact]
    public void Not_sure_still_suggests_the_closest_topics()
    {
        var match = Matcher.Match("điện thoại");
        Assert.InRange(match.Suggestions.Count, 1, 3);
    }

    [Fact]
    public void Marks_that_match_add_to_the_score()
    {
        var accented = Matcher.Match("định danh điện tử");
        var folded = Matcher.Match("dinh danh dien tu");
        Assert.Equal(accented.Suggestions[0].Id, folded.Suggestions[0].Id);
        Assert.True(accented.Score > folded.Score);
    }

    [Fact]
    public void Very_long_input_is_handled()
    {
        var match = Matcher.Match(string.Concat(Enumerable.Repeat("vneid muc 2 ", 2000)));
        Assert.Equal("vneid", match.Suggestions[0].Id);
    }
}
