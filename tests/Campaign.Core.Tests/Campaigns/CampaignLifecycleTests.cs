using Campaign.Core.Campaigns;
using static Campaign.Core.Tests.Campaigns.CampaignSamples;

namespace Campaign.Core.Tests.Campaigns;

/// <summary>The lifecycle as a matrix (state × action × who), written out here independently of the implementation, and what each move records.</summary>
public sealed class CampaignLifecycleTests
{
    private const string Owner = "ana";

    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["author (officer)"] = new(Owner, ActorRole.Officer),
        ["author (approver)"] = new(Owner, ActorRole.Approver),
        ["author (admin)"] = new(Owner, ActorRole.Admin),
        ["another officer"] = new("binh", ActorRole.Officer),
        ["an approver"] = new("chi", ActorRole.Approver),
        ["an admin"] = new("dung", ActorRole.Admin),
        ["the scheduler"] = Actor.Scheduler,
    };

    // Rows of the matrix: a paused campaign is two rows, by what it was paused from.
    private static readonly Dictionary<string, Func<CampaignRecord>> States = new()
    {
        ["draft"] = () => In(CampaignStatus.Draft),
        ["submitted"] = () => In(CampaignStatus.Submitted) with { SubmittedBy = Owner, SubmittedAt = Now },
        ["approved"] = () => In(CampaignStatus.Approved) with { SubmittedBy = Owner, ApprovedBy = "chi" },
        ["scheduled"] = () => In(CampaignStatus.Scheduled),
        ["running"] = () => In(CampaignStatus.Running),
        ["paused (scheduled)"] = () => In(CampaignStatus.Paused) with { PausedFrom = CampaignStatus.Scheduled },
        ["paused (running)"] = () => In(CampaignStatus.Paused) with { PausedFrom = CampaignStatus.Running },
        ["completed"] = () => In(CampaignStatus.Completed),
        ["cancelled"] = () => In(CampaignStatus.Cancelled),
    };

    /// <summary>From which rows each move works, and where it leads ("back" = the status it was paused from).</summary>
    private static readonly Dictionary<CampaignAction, (string[] From, string To)> Moves = new()
    {
        [CampaignAction.Edit] = (["draft", "submitted", "approved", "scheduled", "paused (scheduled)"], "draft"),
        [CampaignAction.Submit] = (["draft"], "submitted"),
        [CampaignAction.Approve] = (["submitted"], "approved"),
        [CampaignAction.Reject] = (["submitted"], "draft"),
        [CampaignAction.Schedule] = (["approved"], "scheduled"),
        [CampaignAction.Start] = (["scheduled"], "running"),
        [CampaignAction.Complete] = (["scheduled", "running"], "completed"),
        [CampaignAction.Pause] = (["scheduled", "running"], "paused"),
        [CampaignAction.Resume] = (["paused (scheduled)", "paused (running)"], "back"),
        [CampaignAction.Cancel] = (["draft", "submitted", "approved", "scheduled", "running", "paused (scheduled)", "paused (running)"], "cancelled"),
    };

    /// <summary>Who may make each move; null = allowed, otherwise the refusal.</summary>
    private static LifecycleErrorKind? Permission(CampaignAction action, string actor)
    {
        var isAuthor = actor.StartsWith("author", StringComparison.Ordinal);
        var isReviewer = actor is "an approver" or "an admin" or "author (approver)" or "author (admin)";
        var isScheduler = actor == "the scheduler";
        return action switch
        {
            CampaignAction.Edit or CampaignAction.Submit => isAuthor ? null : LifecycleErrorKind.NotOwner,
            CampaignAction.Approve or CampaignAction.Reject => !isReviewer ? LifecycleErrorKind.NotAllowedForRole
                : isAuthor ? LifecycleErrorKind.SamePerson : null,
            CampaignAction.Schedule => isAuthor || isReviewer || isScheduler ? null : LifecycleErrorKind.NotAllowedForRole,
            CampaignAction.Start or CampaignAction.Complete => isScheduler ? null : LifecycleErrorKind.NotAllowedForRole,
            _ => isAuthor || isReviewer ? null : LifecycleErrorKind.NotAllowedForRole,   // pause, resume, cancel
        };
    }

    public static TheoryData<string, CampaignAction, string> Matrix()
    {
        var data = new TheoryData<string, CampaignAction, string>();
        foreach (var state in States.Keys)
        {
            foreach (var action in Enum.GetValues<CampaignAction>())
            {
                foreach (var actor in Actors.Keys)
                {
                    data.Add(state, action, actor);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_state_action_and_actor(string state, CampaignAction action, string actor)
    {
        var campaign = States[state]();
        var lifecycle = new CampaignLifecycle(Clock());

        var result = action == CampaignAction.Edit
            ? lifecycle.Edit(campaign, Definition() with { Title = "Sửa lại" }, Actors[actor])
            : lifecycle.Apply(campaign, action, Actors[actor], reason: "Ghi rõ địa chỉ bộ phận một cửa");

        var (from, to) = Moves[action];
        var expectedError = Permission(action, actor) ?? (from.Contains(state) ? null : LifecycleErrorKind.WrongState);
        if (expectedError is { } kind)
        {
            Assert.False(result.Succeeded, $"expected {kind}, got {result}");
            Assert.Equal(kind, result.Error.Kind);
            Assert.Equal(action, result.Error.Action);
            Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
            Assert.Equal(kind, CampaignLifecycle.Check(campaign, action, Actors[actor])?.Kind);
            Assert.DoesNotContain(action, CampaignLifecycle.AllowedActions(campaign, Actors[actor]));
        }
        else
        {
            Assert.True(result.Succeeded, $"expected → {to}, got {result}");
            var expected = to == "back" ? campaign.PausedFrom!.Value.Key() : to;
            Assert.Equal(expected, result.Campaign.Status.Key());
            Assert.Equal(Now.AddMinutes(5), result.Campaign.UpdatedAt);
            Assert.Equal(campaign.Version, result.Campaign.Version);
            Assert.Equal(result.Campaign.Status == CampaignStatus.Paused, result.Campaign.PausedFrom is not null);
            Assert.Contains(action, CampaignLifecycle.AllowedActions(campaign, Actors[actor]));
        }
    }

    [Fact]
    public void The_happy_path_records_who_did_what_and_when()
    {
        var clock = CampaignSamples.Clock();
        var lifecycle = new CampaignLifecycle(clock);
        var author = new Actor(Owner, ActorRole.Officer);
        var approver = new Actor("chi", ActorRole.Approver);

        var draft = lifecycle.Create("7", Definition(), author);
        clock.Advance(TimeSpan.FromMinutes(1));
        var submitted = lifecycle.Submit(draft.Campaign!, author);
        clock.Advance(TimeSpan.FromMinutes(1));
        var approved = lifecycle.Approve(submitted.Campaign!, approver);
        var scheduled = lifecycle.Schedule(approved.Campaign!, Actor.Scheduler);
        var running = lifecycle.Start(scheduled.Campaign!, Actor.Scheduler);
        var completed = lifecycle.Complete(running.Campaign!, Actor.Scheduler);

        var c = completed.Campaign!;
        Assert.Equal(CampaignStatus.Completed, c.Status);
        Assert.Equal(Owner, c.OwnerId);
        Assert.Equal(Now, c.CreatedAt);
        Assert.Equal((Owner, Now.AddMinutes(1)), (c.SubmittedBy, c.SubmittedAt));
        Assert.Equal(("chi", Now.AddMinutes(2)), (c.ApprovedBy, c.ApprovedAt));
        Assert.Equal(Now.AddMinutes(2), c.UpdatedAt);
    }

    [Fact]
    public void The_scheduler_cannot_author_a_campaign()
    {
        var result = new CampaignLifecycle(Clock()).Create("7", Definition(), Actor.Scheduler);
        Assert.Equal(LifecycleErrorKind.NotAllowedForRole, result.Error?.Kind);
    }

    [Fact]
    public void Four_eyes_holds_even_for_an_admin_author()
    {
        var lifecycle = new CampaignLifecycle(Clock());
        var admin = new Actor(Owner, ActorRole.Admin);
        var submitted = lifecycle.Submit(Draft(), admin).Campaign!;

        var own = lifecycle.Approve(submitted, admin);
        var other = lifecycle.Approve(submitted, new Actor("dung", ActorRole.Admin));

        Assert.Equal(LifecycleErrorKind.SamePerson, own.Error?.Kind);
        Assert.Contains("someone else must approve it", own.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Approved, other.Campaign?.Status);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_goes_back_to_draft_with_it()
    {
        var lifecycle = new CampaignLifecycle(Clock());
        var submitted = lifecycle.Submit(Draft(), new Actor(Owner, ActorRole.Officer)).Campaign!;
        var approver = new Actor("chi", ActorRole.Approver);

        var silent = lifecycle.Reject(submitted, approver, "  ");
        var rejected = lifecycle.Reject(submitted, approver, " Thiếu số điện thoại liên hệ. ").Campaign!;

        Assert.Equal(LifecycleErrorKind.ReasonRequired, silent.Error?.Kind);
        Assert.Equal(CampaignStatus.Draft, rejected.Status);
        Assert.Null(rejected.SubmittedBy);
        Assert.Equal(new Rejection("chi", Now.AddMinutes(5), "Thiếu số điện thoại liên hệ."), rejected.LastRejection);
        // The author can fix and resubmit; the rejection stays for the next reviewer to see.
        var resubmitted = lifecycle.Submit(rejected, new Actor(Owner, ActorRole.Officer)).Campaign!;
        Assert.Equal(CampaignStatus.Submitted, resubmitted.Status);
        Assert.NotNull(resubmitted.LastRejection);
    }

    [Fact]
    public void Editing_an_approved_campaign_clears_the_approval()
    {
        var approved = In(CampaignStatus.Scheduled) with { SubmittedBy = Owner, SubmittedAt = Now, ApprovedBy = "chi", ApprovedAt = Now };
        var edited = new CampaignLifecycle(Clock()).Edit(approved, Definition() with { Title = "Lịch mới" }, new Actor(Owner, ActorRole.Officer)).Campaign!;

        Assert.Equal(CampaignStatus.Draft, edited.Status);
        Assert.Equal("Lịch mới", edited.Title);
        Assert.Equal((null, null, null, null), (edited.SubmittedBy, edited.SubmittedAt, edited.ApprovedBy, edited.ApprovedAt));
    }

    [Fact]
    public void A_campaign_paused_while_running_resumes_running_and_cannot_be_edited()
    {
        var lifecycle = new CampaignLifecycle(Clock());
        var author = new Actor(Owner, ActorRole.Officer);
        var paused = lifecycle.Pause(In(CampaignStatus.Running), author).Campaign!;

        Assert.Equal((CampaignStatus.Paused, CampaignStatus.Running), (paused.Status, paused.PausedFrom));
        var edit = lifecycle.Edit(paused, Definition(), author);
        Assert.Equal(LifecycleErrorKind.WrongState, edit.Error?.Kind);
        Assert.Contains("already sent messages", edit.Error!.Message, StringComparison.Ordinal);
        var resumed = lifecycle.Resume(paused, new Actor("chi", ActorRole.Approver)).Campaign!;
        Assert.Equal(CampaignStatus.Running, resumed.Status);
        Assert.Null(resumed.PausedFrom);
    }

    [Fact]
    public void Refusals_say_what_would_work()
    {
        var lifecycle = new CampaignLifecycle(Clock());
        Assert.Equal("a draft campaign cannot be approved; approve works on submitted campaigns",
            lifecycle.Approve(Draft(), new Actor("chi", ActorRole.Approver)).Error?.Message);
        Assert.Equal("an officer cannot approve this campaign; only an approver or an admin can approve it",
            lifecycle.Approve(In(CampaignStatus.Submitted), new Actor("binh", ActorRole.Officer)).Error?.Message);
        Assert.Equal("an approved campaign cannot be paused; pause works on scheduled or running campaigns",
            lifecycle.Pause(In(CampaignStatus.Approved), new Actor("chi", ActorRole.Approver)).Error?.Message);
        Assert.Equal("an officer cannot schedule this campaign; only its author, an approver, an admin or the scheduler can schedule it",
            lifecycle.Schedule(In(CampaignStatus.Approved), new Actor("binh", ActorRole.Officer)).Error?.Message);
        Assert.Equal("only the campaign's author can submit it",
            lifecycle.Submit(Draft(), new Actor("dung", ActorRole.Admin)).Error?.Message);
        Assert.Equal("an admin cannot start this campaign; only the scheduler can start it",
            lifecycle.Start(In(CampaignStatus.Scheduled), new Actor("dung", ActorRole.Admin)).Error?.Message);
    }

    [Fact]
    public void The_author_sees_only_the_buttons_that_work()
    {
        var author = new Actor(Owner, ActorRole.Officer);
        Assert.Equal([CampaignAction.Edit, CampaignAction.Submit, CampaignAction.Cancel], CampaignLifecycle.AllowedActions(Draft(), author));
        Assert.Equal([CampaignAction.Pause, CampaignAction.Cancel], CampaignLifecycle.AllowedActions(In(CampaignStatus.Running), author));
        Assert.Empty(CampaignLifecycle.AllowedActions(In(CampaignStatus.Completed), author));
    }

    private static CampaignRecord In(CampaignStatus status) => Draft(Owner) with { Status = status };

    // Every move in the matrix happens five minutes after the campaign was last touched.
    private static Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock()
    {
        var clock = CampaignSamples.Clock();
        clock.Advance(TimeSpan.FromMinutes(5));
        return clock;
    }
}
