using Campaign.Core.Content;
using Campaign.Core.Conversations;
using Campaign.Core.Faq;
using Campaign.Core.Inbox;
using Campaign.Core.Tests.Conversations;

namespace Campaign.Core.Tests.Inbox;

/// <summary>Questions the shipped FAQ does not answer, and a draft answer to them.</summary>
internal static class InboxSamples
{
    public const string Market = "Chợ phiên của xã họp vào ngày nào trong tháng?";
    public const string MarketUnaccented = "cho phien cua xa hop vao ngay nao trong thang";
    public const string MarketWhere = "Chợ phiên của xã ở chỗ nào vậy?";

    public static FaqTokenizer Tokenizer { get; } = FaqIndex.Build(EngineHarness.SharedContent).Tokenizer;

    public static UnansweredQuestion Asked(string text, long subscriberId = 1, Channel channel = Channel.Sms, int minute = 0, params string[] suggested) =>
        new(channel, subscriberId, text, suggested, new DateTimeOffset(2026, 11, 23, 9, minute, 0, TimeSpan.Zero));

    public static AnswerDraft Draft(params string[] phrasings) => new(
        "Chợ phiên của xã họp ngày nào?",
        "Chợ phiên của xã họp vào ngày mùng 5 và 20 âm lịch hằng tháng, từ sáng sớm đến trưa, ở bãi đất trước nhà văn hóa xã.",
        "Chợ phiên của xã họp ngày mùng 5 và 20 âm lịch hằng tháng, từ sáng sớm đến trưa, trước nhà văn hóa xã.",
        Phrasings: phrasings.Length > 0 ? phrasings : ["chợ phiên họp ngày mấy", "cho phien hop ngay may", "phien cho xa ngay nao"]);

    public static QuestionGroup GroupOf(params UnansweredQuestion[] questions) =>
        Assert.Single(QuestionGrouper.Group(questions.Select(q => (q, (string?)"D0101")), Tokenizer));

    public static CampaignContent Shipped => EngineHarness.SharedContent;
}
