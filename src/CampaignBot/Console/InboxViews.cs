using Campaign.Core.Inbox;

namespace CampaignBot.Console;

/// <summary>One group of the inbox as <c>GET /api/admin/inbox</c> lists it; <see cref="PendingAnswerId"/> names an answer awaiting review, if any.</summary>
public sealed record InboxGroupView(
    string Id,
    string Question,
    int Count,
    IReadOnlyDictionary<string, int> Channels,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> SuggestedFaqIds,
    string? PendingAnswerId)
{
    public static InboxGroupView Of(QuestionGroup group, string? pendingAnswerId) => new(
        group.Id, group.Question, group.Count, group.Channels, group.FirstAt, group.LastAt, group.Examples, group.SuggestedFaqIds, pendingAnswerId);
}

/// <summary>The body of <c>POST /api/admin/inbox/{id}/attach</c>.</summary>
public sealed record AttachRequest(string? FaqId);

/// <summary>The body of <c>POST /api/admin/answers/{id}/approve</c> and <c>/reject</c> (a rejection needs the comment).</summary>
public sealed record ReviewRequest(string? Comment);
