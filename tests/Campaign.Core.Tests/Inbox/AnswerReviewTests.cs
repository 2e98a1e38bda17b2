using Campaign.Core.Inbox;
using Campaign.Core.Officers;
using static Campaign.Core.Tests.Inbox.InboxSamples;

namespace Campaign.Core.Tests.Inbox;

public sealed class AnswerReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static InboxAnswer Proposed() =>
        AnswerDrafting.NewEntry("ans_1", Draft(), GroupOf(Asked(Market), Asked(MarketUnaccented, 2, minute: 1)), Shipped, new HashSet<string>(), "off_a", Now).Answer!;

    [Fact]
    public void The_proposer_never_reviews_their_own_answer_whatever_their_role()
    {
        Assert.Equal(ReviewRefusal.SamePerson, AnswerReview.Check(Proposed(), "off_a", OfficerRole.Admin, approve: true, null));
        Assert.Equal(ReviewRefusal.SamePerson, AnswerReview.Check(Proposed(), "off_a", OfficerRole.Approver, approve: false, "no"));
    }

    [Fact]
    public void Only_approvers_and_admins_review()
    {
        Assert.Equal(ReviewRefusal.NotReviewer, AnswerReview.Check(Proposed(), "off_b", OfficerRole.Officer, approve: true, null));
        Assert.Null(AnswerReview.Check(Proposed(), "off_b", OfficerRole.Approver, approve: true, null));
        Assert.Null(AnswerReview.Check(Proposed(), "off_b", OfficerRole.Admin, approve: true, null));
    }

    [Fact]
    public void A_rejection_needs_a_comment_and_an_answer_is_reviewed_once()
    {
        Assert.Equal(ReviewRefusal.CommentRequired, AnswerReview.Check(Proposed(), "off_b", OfficerRole.Approver, approve: false, " "));
        var rejected = AnswerReview.Apply(Proposed(), "off_b", approve: false, "Ngày họp chợ chưa đúng", Now);
        Assert.Equal(AnswerStatus.Rejected, rejected.Status);
        Assert.Equal("Ngày họp chợ chưa đúng", rejected.Comment);
        Assert.Equal("off_b", rejected.ReviewedBy);
        Assert.Equal(ReviewRefusal.NotProposed, AnswerReview.Check(rejected, "off_c", OfficerRole.Admin, approve: true, null));
    }
}
