using Campaign.Core.Content;
using Campaign.Core.Inbox;
using Campaign.Core.Officers;
using Campaign.Hosting;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/answers</c>: officers' answers to inbox questions. An approver or admin who did not
/// propose one approves it (live on every instance at once) or rejects it with a comment; approved
/// answers export as <c>content/faq</c> YAML to be committed.
/// </summary>
internal static class AnswerEndpoints
{
    public static RouteGroupBuilder MapAnswers(this RouteGroupBuilder api)
    {
        var answers = api.MapGroup("/answers").WithTags("Inbox");
        answers.MapGet("/", ListAsync).WithAuditAction("answers.list").Produces<IReadOnlyList<InboxAnswer>>();
        answers.MapGet("/export", ExportAsync).WithAuditAction("answers.export").Produces<string>(contentType: "application/yaml");
        answers.MapGet("/{id}", GetAsync).WithAuditAction("answers.read").Produces<InboxAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        answers.MapPost("/{id}/approve", (string id, HttpContext context, AnswerStore store, ContentStore content, FaqOverlaySync overlay, IAuditLog audit, TimeProvider time) =>
                ReviewAsync(id, approve: true, context, store, content, overlay, audit, time))
            .WithAuditAction("answers.approve").Accepts<ReviewRequest>("application/json").Produces<InboxAnswer>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        answers.MapPost("/{id}/reject", (string id, HttpContext context, AnswerStore store, ContentStore content, FaqOverlaySync overlay, IAuditLog audit, TimeProvider time) =>
                ReviewAsync(id, approve: false, context, store, content, overlay, audit, time))
            .WithAuditAction("answers.reject").Accepts<ReviewRequest>("application/json").Produces<InboxAnswer>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, AnswerStore store, ContentStore content, string? status)
    {
        var officer = OfficerContext.Require(context);
        AnswerStatus? only = null;
        if (status is not null)
        {
            if (!AnswerStatusExtensions.TryParse(status, out var parsed))
            {
                return AdminProblems.Invalid("status", $"'{status}' is not a status; use proposed, approved or rejected");
            }
            only = parsed;
        }
        var scope = InboxAccess.ScopeOf(officer, content);
        var visible = (await store.ListAsync(only)).Where(a => InboxAccess.CanSee(officer, a, scope)).ToArray();
        return Results.Json(visible, InboxJson.Options);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, AnswerStore store, ContentStore content, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var answer = await FindVisibleAsync(id, officer, store, content, audit, "answers.read");
        return answer is null ? NotFound(id) : Results.Json(answer, InboxJson.Options);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, AnswerStore store, ContentStore content, IAuditLog audit)
    {
        var officer = OfficerContext.Require(context);
        var entries = FaqYaml.Touched(content.Current, await store.ApprovedAsync());
        await audit.RecordAsync(officer.Audit("answers.export", "answers", AuditOutcome.Allowed,
            new Dictionary<string, string> { ["entries"] = entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return Results.Text(FaqYaml.WriteAll(entries), "application/yaml; charset=utf-8");
    }

    private static async Task<IResult> ReviewAsync(string id, bool approve, HttpContext context, AnswerStore store, ContentStore content, FaqOverlaySync overlay, IAuditLog audit, TimeProvider time)
    {
        var officer = OfficerContext.Require(context);
        var action = approve ? "answers.approve" : "answers.reject";
        var target = "answer:" + id;
        var (body, unreadable) = await AdminJson.ReadAsync<ReviewRequest>(context.Request, optional: true);
        if (unreadable is not null)
        {
            await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Failed, InboxEndpoints.Reason("unreadable")));
            return unreadable;
        }
        var stored = await FindVisibleAsync(id, officer, store, content, audit, action);
        if (stored is null)
        {
            return NotFound(id);
        }
        if (approve && stored.Status == AnswerStatus.Proposed && Conflict(stored, content.Current) is { } conflict)
        {
            await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Failed, InboxEndpoints.Reason("conflict", ("faq", stored.FaqId))));
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The FAQ changed since this answer was written", detail: conflict);
        }

        ReviewRefusal? refusal = null;
        var result = await store.ReviewAsync(id, current =>
        {
            refusal = AnswerReview.Check(current, officer.Id, officer.Role, approve, body?.Comment);
            return refusal is null ? AnswerReview.Apply(current, officer.Id, approve, body?.Comment, time.GetUtcNow()) : null;
        });
        if (result is null)
        {
            return NotFound(id);
        }
        if (refusal is { } refused)
        {
            await audit.RecordAsync(officer.Audit(action, target, refused is ReviewRefusal.NotProposed or ReviewRefusal.CommentRequired ? AuditOutcome.Failed : AuditOutcome.Denied,
                InboxEndpoints.Reason(refused.ToString(), ("status", result.Value.Before.Status.Key()))));
            return Refused(refused, result.Value.Before);
        }
        var reviewed = result.Value.After!;
        if (approve)
        {
            // Live here at once; the other instances follow the pub/sub notice the store sent.
            await overlay.SyncAsync();
        }
        var details = new Dictionary<string, string> { ["faq"] = reviewed.FaqId, ["kind"] = reviewed.Kind == AnswerKind.Attach ? "attach" : "answer" };
        if (reviewed.Comment is not null)
        {
            details["comment"] = reviewed.Comment;
        }
        await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Allowed, details));
        return Results.Json(reviewed, InboxJson.Options);
    }

    /// <summary>Why approving now would not work: the new id taken meanwhile, or the attached entry gone.</summary>
    private static string? Conflict(InboxAnswer answer, CampaignContent current) => answer.Kind switch
    {
        AnswerKind.NewEntry when current.FindFaq(answer.FaqId) is not null =>
            $"There is already an FAQ entry '{answer.FaqId}'. Reject this answer and attach the questions to that entry instead.",
        AnswerKind.Attach when current.FindFaq(answer.FaqId) is null =>
            $"The FAQ entry '{answer.FaqId}' is no longer in content. Reject this answer.",
        _ => null,
    };

    private static async Task<InboxAnswer?> FindVisibleAsync(string id, OfficerContext officer, AnswerStore store, ContentStore content, IAuditLog audit, string action)
    {
        var answer = await store.GetAsync(id);
        if (answer is not null && InboxAccess.CanSee(officer, answer, InboxAccess.ScopeOf(officer, content)))
        {
            return answer;
        }
        await audit.RecordAsync(officer.Audit(action, "answer:" + id, AuditOutcome.Denied, InboxEndpoints.Reason(answer is null ? "not_found" : "outside_scope")));
        return null;
    }

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such answer",
        detail: $"There is no answer '{id}' for questions in your areas.");

    private static IResult Refused(ReviewRefusal refusal, InboxAnswer answer) => refusal switch
    {
        ReviewRefusal.SamePerson => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Someone else must review this answer",
            detail: "You proposed this answer; another approver or admin must approve or reject it."),
        ReviewRefusal.NotProposed => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already reviewed",
            detail: $"This answer is {answer.Status.Key()} already.", extensions: new Dictionary<string, object?> { ["answerStatus"] = answer.Status.Key() }),
        ReviewRefusal.CommentRequired => AdminProblems.Invalid("comment", "say why the answer is rejected, so it can be written better", "A comment is required"),
        _ => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for your role",
            detail: "Only approvers and admins approve or reject answers."),
    };
}
