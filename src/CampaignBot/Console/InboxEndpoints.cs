using Campaign.Core.Content;
using Campaign.Core.Inbox;
using Campaign.Core.Officers;
using Campaign.Hosting.Officers;

namespace CampaignBot.Console;

/// <summary>
/// <c>/api/admin/inbox</c>: the questions the bot was not sure about, grouped, from residents in the
/// officer's areas; an officer answers a group (a new FAQ entry) or attaches it to an existing entry.
/// Both are proposals that go live only once someone else approves them (<see cref="AnswerEndpoints"/>).
/// </summary>
internal static class InboxEndpoints
{
    public static RouteGroupBuilder MapInbox(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("Inbox");
        inbox.MapGet("/", ListAsync).WithAuditAction("inbox.list").Produces<IReadOnlyList<InboxGroupView>>();
        inbox.MapPost("/{id}/answer", AnswerAsync).WithAuditAction("inbox.answer")
            .Accepts<AnswerDraft>("application/json").Produces<InboxAnswer>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        inbox.MapPost("/{id}/attach", AttachAsync).WithAuditAction("inbox.attach")
            .Accepts<AttachRequest>("application/json").Produces<InboxAnswer>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext context, UnansweredInbox inbox, AnswerStore answers, ContentStore content)
    {
        var officer = OfficerContext.Require(context);
        var groups = await inbox.GroupsAsync(InboxAccess.ScopeOf(officer, content));
        var pending = await PendingByGroupAsync(answers);
        return Results.Json(groups.Select(g => InboxGroupView.Of(g, pending.GetValueOrDefault(g.Id))).ToArray(), InboxJson.Options);
    }

    private static async Task<IResult> AnswerAsync(string id, HttpContext context, UnansweredInbox inbox, AnswerStore answers, ContentStore content, IAuditLog audit, TimeProvider time)
    {
        var officer = OfficerContext.Require(context);
        var (draft, unreadable) = await AdminJson.ReadAsync<AnswerDraft>(context.Request);
        if (draft is null)
        {
            await audit.RecordAsync(officer.Audit("inbox.answer", "inbox:" + id, AuditOutcome.Failed, Reason("unreadable")));
            return unreadable!;
        }
        return await ProposeAsync("inbox.answer", id, officer, inbox, answers, content, audit, async (group, answerId) =>
        {
            var taken = content.Current.Faq.Select(f => f.Id)
                .Concat((await answers.ListAsync()).Where(a => a.Kind == AnswerKind.NewEntry && a.Status != AnswerStatus.Rejected).Select(a => a.FaqId))
                .ToHashSet(StringComparer.Ordinal);
            return AnswerDrafting.NewEntry(answerId, draft, group, content.Current, taken, officer.Id, time.GetUtcNow());
        });
    }

    private static async Task<IResult> AttachAsync(string id, HttpContext context, UnansweredInbox inbox, AnswerStore answers, ContentStore content, IAuditLog audit, TimeProvider time)
    {
        var officer = OfficerContext.Require(context);
        var (body, unreadable) = await AdminJson.ReadAsync<AttachRequest>(context.Request);
        if (body is null)
        {
            await audit.RecordAsync(officer.Audit("inbox.attach", "inbox:" + id, AuditOutcome.Failed, Reason("unreadable")));
            return unreadable!;
        }
        return await ProposeAsync("inbox.attach", id, officer, inbox, answers, content, audit, (group, answerId) =>
            Task.FromResult(AnswerDrafting.Attach(answerId, body.FaqId, group, content.Current, officer.Id, time.GetUtcNow())));
    }

    /// <summary>Finds the group in the officer's inbox, refuses a second proposal for it, drafts, stores and audits.</summary>
    private static async Task<IResult> ProposeAsync(
        string action, string groupId, OfficerContext officer, UnansweredInbox inbox, AnswerStore answers, ContentStore content, IAuditLog audit,
        Func<QuestionGroup, string, Task<(InboxAnswer? Answer, IReadOnlyList<InboxProblem> Problems)>> draft)
    {
        var target = "inbox:" + groupId;
        var group = await inbox.FindAsync(groupId, InboxAccess.ScopeOf(officer, content));
        if (group is null)
        {
            await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Denied, Reason("not_found")));
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such question group",
                detail: $"There is no group '{groupId}' in your inbox now; it may have been answered. Read the inbox again.");
        }
        var pending = (await answers.ListAsync(AnswerStatus.Proposed))
            .FirstOrDefault(a => a.GroupId == group.Id || a.Signatures.Intersect(group.Signatures, StringComparer.Ordinal).Any());
        if (pending is not null)
        {
            await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Failed, Reason("pending", ("answer", pending.Id))));
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "An answer is already waiting for review",
                detail: $"Answer {pending.Id} for these questions awaits approval; approve or reject it first.",
                extensions: new Dictionary<string, object?> { ["pendingAnswerId"] = pending.Id });
        }

        var (answer, problems) = await draft(group, await answers.NextIdAsync());
        if (answer is null)
        {
            await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Failed,
                Reason("invalid", ("fields", string.Join(",", problems.Select(p => p.Field).Distinct())))));
            return AdminProblems.Invalid(problems.Select(p => new FieldError(p.Field, p.Message)), "The answer has problems");
        }
        if (!await answers.CreateAsync(answer))
        {
            await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Failed, Reason("id_taken")));
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Answer id taken", detail: "Send the request again.");
        }
        await audit.RecordAsync(officer.Audit(action, target, AuditOutcome.Allowed,
            new Dictionary<string, string> { ["answer"] = answer.Id, ["faq"] = answer.FaqId, ["questions"] = group.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return Results.Json(answer, InboxJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Dictionary<string, string>> PendingByGroupAsync(AnswerStore answers)
    {
        var pending = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in await answers.ListAsync(AnswerStatus.Proposed))
        {
            pending.TryAdd(answer.GroupId, answer.Id);
        }
        return pending;
    }

    internal static Dictionary<string, string> Reason(string reason, params (string Key, string Value)[] more)
    {
        var details = new Dictionary<string, string> { ["reason"] = reason };
        foreach (var (key, value) in more)
        {
            details[key] = value;
        }
        return details;
    }
}
