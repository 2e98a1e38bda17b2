using static Campaign.Core.Campaigns.CampaignStatus;

namespace Campaign.Core.Campaigns;

/// <summary>
/// The moves a campaign makes, who may make them, and what each changes:
/// <code>
/// Draft ─submit→ Submitted ─approve→ Approved ─schedule→ Scheduled ─start→ Running ─complete→ Completed
///   ↑              │reject (reason)                         │  ↑                │
///   └──────────────┘                                 pause  ↓  │ resume         ↓ pause
///                                                        Paused (remembers Scheduled or Running)
/// edit: Draft, Submitted, Approved, Scheduled, or Paused before the first occurrence → Draft (approval cleared)
/// cancel: any status that is not final → Cancelled;   complete: also from Scheduled (nothing left to fire)
/// </code>
/// Checks run in a fixed order — role, then author, then four-eyes, then status — so the same
/// request always gets the same refusal. Moves are pure: nothing is saved here (see
/// <see cref="CampaignStore.TransitionAsync"/>), and <see cref="CampaignRecord.Version"/> is untouched.
/// </summary>
public sealed class CampaignLifecycle(TimeProvider time)
{
    [Flags]
    private enum Who
    {
        Author = 1,
        Reviewer = 2,   // approver or admin
        Scheduler = 4,
    }

    private sealed record Rule(CampaignStatus[] From, Who Who, bool FourEyes = false);

    private static readonly CampaignStatus[] NotFinal = [Draft, Submitted, Approved, Scheduled, Running, Paused];

    private static readonly Dictionary<CampaignAction, Rule> Rules = new()
    {
        // Paused is editable only when paused before anything fired; checked in Check().
        [CampaignAction.Edit] = new([Draft, Submitted, Approved, Scheduled, Paused], Who.Author),
        [CampaignAction.Submit] = new([Draft], Who.Author),
        [CampaignAction.Approve] = new([Submitted], Who.Reviewer, FourEyes: true),
        [CampaignAction.Reject] = new([Submitted], Who.Reviewer, FourEyes: true),
        [CampaignAction.Schedule] = new([Approved], Who.Author | Who.Reviewer | Who.Scheduler),
        [CampaignAction.Start] = new([Scheduled], Who.Scheduler),
        [CampaignAction.Complete] = new([Scheduled, Running], Who.Scheduler),
        [CampaignAction.Pause] = new([Scheduled, Running], Who.Author | Who.Reviewer),
        [CampaignAction.Resume] = new([Paused], Who.Author | Who.Reviewer),
        [CampaignAction.Cancel] = new(NotFinal, Who.Author | Who.Reviewer),
    };

    /// <summary>A new draft owned by <paramref name="author"/>; the scheduler cannot author campaigns.</summary>
    public LifecycleResult Create(string id, CampaignDefinition definition, Actor author)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(author);
        if (author.Role == ActorRole.System)
        {
            return Fail(LifecycleErrorKind.NotAllowedForRole, CampaignAction.Edit, Draft, "campaigns are written by officers, not by the scheduler");
        }
        var now = time.GetUtcNow();
        return LifecycleResult.Success(new CampaignRecord
        {
            Id = id,
            Title = definition.Title,
            OwnerId = author.Id,
            Audience = definition.Audience,
            Message = definition.Message,
            Schedule = definition.Schedule,
            Status = Draft,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    /// <summary>Replaces what the author wrote. Anything past draft goes back to draft: the approved text is no longer what would be sent.</summary>
    public LifecycleResult Edit(CampaignRecord campaign, CampaignDefinition definition, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Move(campaign, CampaignAction.Edit, actor, c => BackToDraft(c.With(definition)));
    }

    public LifecycleResult Submit(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Submit, actor, c => c with { Status = Submitted, SubmittedBy = actor.Id, SubmittedAt = c.UpdatedAt });

    /// <summary>Four-eyes: an approver or admin who is neither the author nor the submitter.</summary>
    public LifecycleResult Approve(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Approve, actor, c => c with { Status = Approved, ApprovedBy = actor.Id, ApprovedAt = c.UpdatedAt });

    /// <summary>Back to draft with a reason the author can act on.</summary>
    public LifecycleResult Reject(CampaignRecord campaign, Actor actor, string reason)
    {
        var refused = Check(campaign, CampaignAction.Reject, actor);
        if (refused is null && string.IsNullOrWhiteSpace(reason))
        {
            return Fail(LifecycleErrorKind.ReasonRequired, CampaignAction.Reject, campaign.Status, "say what the author should change");
        }
        return Move(campaign, CampaignAction.Reject, actor, c => BackToDraft(c) with { LastRejection = new Rejection(actor.Id, c.UpdatedAt, reason.Trim()) });
    }

    /// <summary>Hands an approved campaign to the scheduler; the host may do this right after approval.</summary>
    public LifecycleResult Schedule(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Schedule, actor, c => c with { Status = Scheduled });

    /// <summary>The scheduler, when the first occurrence fires.</summary>
    public LifecycleResult Start(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Start, actor, c => c with { Status = Running });

    /// <summary>The scheduler, when nothing is left to fire (a one-off delivered, a recurring campaign past its end).</summary>
    public LifecycleResult Complete(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Complete, actor, c => c with { Status = Completed });

    public LifecycleResult Pause(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Pause, actor, c => c with { Status = Paused, PausedFrom = campaign.Status });

    /// <summary>Back to where it was paused from: scheduled or running.</summary>
    public LifecycleResult Resume(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Resume, actor, c => c with { Status = c.PausedFrom ?? Scheduled, PausedFrom = null });

    public LifecycleResult Cancel(CampaignRecord campaign, Actor actor) =>
        Move(campaign, CampaignAction.Cancel, actor, c => c with { Status = Cancelled, PausedFrom = null });

    /// <summary>Any move but <see cref="CampaignAction.Edit"/> (which needs the new definition) by name, as an API route would.</summary>
    public LifecycleResult Apply(CampaignRecord campaign, CampaignAction action, Actor actor, string? reason = null) => action switch
    {
        CampaignAction.Submit => Submit(campaign, actor),
        CampaignAction.Approve => Approve(campaign, actor),
        CampaignAction.Reject => Reject(campaign, actor, reason ?? ""),
        CampaignAction.Schedule => Schedule(campaign, actor),
        CampaignAction.Start => Start(campaign, actor),
        CampaignAction.Complete => Complete(campaign, actor),
        CampaignAction.Pause => Pause(campaign, actor),
        CampaignAction.Resume => Resume(campaign, actor),
        CampaignAction.Cancel => Cancel(campaign, actor),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "use Edit(campaign, definition, actor)"),
    };

    /// <summary>The moves <paramref name="actor"/> may make now, for showing only the buttons that work.</summary>
    public static IReadOnlyList<CampaignAction> AllowedActions(CampaignRecord campaign, Actor actor) =>
        Enum.GetValues<CampaignAction>().Where(a => Check(campaign, a, actor) is null).ToArray();

    /// <summary>Why <paramref name="actor"/> may not make the move now, or null when they may (a rejection's reason is checked on the move).</summary>
    public static LifecycleError? Check(CampaignRecord campaign, CampaignAction action, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(actor);
        var rule = Rules[action];
        var status = campaign.Status;
        var isAuthor = actor.Role != ActorRole.System && string.Equals(actor.Id, campaign.OwnerId, StringComparison.Ordinal);
        var allowed = (rule.Who.HasFlag(Who.Author) && isAuthor)
            || (rule.Who.HasFlag(Who.Reviewer) && actor.Role is ActorRole.Approver or ActorRole.Admin)
            || (rule.Who.HasFlag(Who.Scheduler) && actor.Role == ActorRole.System);
        if (!allowed)
        {
            return rule.Who == Who.Author
                ? new LifecycleError(LifecycleErrorKind.NotOwner, action, status, $"only the campaign's author can {Verb(action)} it")
                : new LifecycleError(LifecycleErrorKind.NotAllowedForRole, action, status, $"{Article(actor.Role)} cannot {Verb(action)} this campaign; {WhoMay(rule.Who, action)}");
        }
        if (rule.FourEyes && (isAuthor || string.Equals(actor.Id, campaign.SubmittedBy, StringComparison.Ordinal)))
        {
            return new LifecycleError(LifecycleErrorKind.SamePerson, action, status,
                action == CampaignAction.Reject
                    ? "you wrote or submitted this campaign, so someone else must review it; to take it back, edit it (it returns to draft)"
                    : "you wrote or submitted this campaign, so someone else must approve it");
        }
        if (Array.IndexOf(rule.From, status) < 0)
        {
            return new LifecycleError(LifecycleErrorKind.WrongState, action, status,
                $"{WithArticle(status.Key())} campaign cannot be {Past(action)}; {Verb(action)} works on {Either(rule.From.Select(s => s.Key()))} campaigns");
        }
        if (action == CampaignAction.Edit && status == Paused && campaign.PausedFrom == Running)
        {
            return new LifecycleError(LifecycleErrorKind.WrongState, action, status,
                "this campaign has already sent messages, so its content can no longer change; cancel it and create a new one");
        }
        return null;
    }

    private LifecycleResult Move(CampaignRecord campaign, CampaignAction action, Actor actor, Func<CampaignRecord, CampaignRecord> change)
    {
        var refused = Check(campaign, action, actor);
        return refused is not null
            ? LifecycleResult.Failure(refused)
            : LifecycleResult.Success(change(campaign with { UpdatedAt = time.GetUtcNow() }));
    }

    private static CampaignRecord BackToDraft(CampaignRecord c) => c with
    {
        Status = Draft,
        PausedFrom = null,
        SubmittedBy = null,
        SubmittedAt = null,
        ApprovedBy = null,
        ApprovedAt = null,
    };

    private static LifecycleResult Fail(LifecycleErrorKind kind, CampaignAction action, CampaignStatus status, string message) =>
        LifecycleResult.Failure(new LifecycleError(kind, action, status, message));

    private static string Verb(CampaignAction action) => action.ToString().ToLowerInvariant();

    private static string Past(CampaignAction action) => action switch
    {
        CampaignAction.Edit => "edited",
        CampaignAction.Submit => "submitted",
        CampaignAction.Approve => "approved",
        CampaignAction.Reject => "rejected",
        CampaignAction.Schedule => "scheduled",
        CampaignAction.Start => "started",
        CampaignAction.Complete => "completed",
        CampaignAction.Pause => "paused",
        CampaignAction.Resume => "resumed",
        CampaignAction.Cancel => "cancelled",
        _ => action.ToString(),
    };

    private static string Article(ActorRole role) => role switch
    {
        ActorRole.Officer => "an officer",
        ActorRole.Approver => "an approver",
        ActorRole.Admin => "an admin",
        _ => "the scheduler",
    };

    private static string WhoMay(Who who, CampaignAction action)
    {
        var names = new List<string>();
        if (who.HasFlag(Who.Author))
        {
            names.Add("its author");
        }
        if (who.HasFlag(Who.Reviewer))
        {
            names.AddRange(["an approver", "an admin"]);
        }
        if (who.HasFlag(Who.Scheduler))
        {
            names.Add("the scheduler");
        }
        return $"only {Either(names)} can {Verb(action)} it";
    }

    /// <summary>"a, b or c".</summary>
    private static string Either(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }

    private static string WithArticle(string word) => ("aeiou".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ") + word;
}
