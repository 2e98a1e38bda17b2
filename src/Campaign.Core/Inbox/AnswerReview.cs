using Campaign.Core.Officers;

namespace Campaign.Core.Inbox;

/// <summary>
/// The four-eyes rule for inbox answers: an approver or admin who did not propose the answer
/// approves or rejects it, once; a rejection carries a comment.
/// </summary>
public static class AnswerReview
{
    public const int MaxCommentLength = 1000;

    public static ReviewRefusal? Check(InboxAnswer answer, string reviewerId, OfficerRole role, bool approve, string? comment)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!role.Includes(OfficerRole.Approver))
        {
            return ReviewRefusal.NotReviewer;
        }
        if (string.Equals(answer.ProposedBy, reviewerId, StringComparison.Ordinal))
        {
            return ReviewRefusal.SamePerson;
        }
        if (answer.Status != AnswerStatus.Proposed)
        {
            return ReviewRefusal.NotProposed;
        }
        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            return ReviewRefusal.CommentRequired;
        }
        return null;
    }

    public static InboxAnswer Apply(InboxAnswer answer, string reviewerId, bool approve, string? comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = comment?.Trim();
        return answer with
        {
            Status = approve ? AnswerStatus.Approved : AnswerStatus.Rejected,
            ReviewedBy = reviewerId,
            ReviewedAt = now,
            Comment = string.IsNullOrEmpty(text) ? null : text.Length <= MaxCommentLength ? text : text[..MaxCommentLength],
        };
    }
}
