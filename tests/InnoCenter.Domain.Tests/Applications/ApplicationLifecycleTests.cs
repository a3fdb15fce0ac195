using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Tests.Applications;

public sealed class ApplicationLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Applicant = new(ApplicationActor.Applicant, Guid.NewGuid(), "applicant");
    private static readonly Actor Officer = new(ApplicationActor.Admin, Guid.NewGuid(), "officer");
    private static readonly Decision Meeting = new(new DateOnly(2026, 3, 10), "审议〔2026〕3号", "符合条件");

    private static Application Draft() => Application.Start(
        Guid.NewGuid(), "天津智能装备有限公司", new ApplicationDetails("天津智能装备创新中心", "high-end-equipment", "C35", "方案", "目标"), "tianjin-2020", 1, Guid.NewGuid(), Now);

    /// <summary>Walks a fresh application to the given state along the happy path.</summary>
    private static Application At(ApplicationStatus target)
    {
        switch (target)
        {
            case ApplicationStatus.ReturnedForRevision:
                return Then(At(ApplicationStatus.FormalReview), x => x.ReturnForRevision(Officer, Now, "补充材料"), target);
            case ApplicationStatus.Rejected:
                return Then(At(ApplicationStatus.Deliberation), x => x.Reject(Officer, Now, Meeting), target);
            case ApplicationStatus.Withdrawn:
                return Then(Draft(), x => x.Withdraw(Applicant, Now, null), target);
        }

        var a = Draft();
        var steps = new Func<Application, Result<ApplicationStatus>>[]
        {
            x => x.Submit(Applicant, Now),
            x => x.BeginFormalCheck(Officer, Now),
            x => x.PassFormalCheck(Officer, Now, null),
            x => x.CompleteExpertReview(Officer, Now, null),
            x => x.CompleteSiteInspection(Officer, Now, null),
            x => x.Approve(Officer, Now, Meeting, new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 17)),
            x => x.CloseNotice(Now, new DateOnly(2026, 3, 18), "津工信科〔2026〕1号", "TJMIC-2026-001"),
        };
        foreach (var step in steps)
        {
            if (a.Status == target)
            {
                break;
            }

            Assert.True(step(a).IsSuccess, $"could not move on from {a.Status}");
        }

        Assert.Equal(target, a.Status);
        return a;
    }

    private static Application Then(Application a, Func<Application, Result<ApplicationStatus>> step, ApplicationStatus expected)
    {
        Assert.True(step(a).IsSuccess);
        Assert.Equal(expected, a.Status);
        return a;
    }

    [Fact]
    public void The_happy_path_runs_from_draft_to_approved_and_records_every_step()
    {
        var a = At(ApplicationStatus.Approved);

        Assert.Equal(7, a.Events.Count);
        Assert.Equal("津工信科〔2026〕1号", a.ApprovalNumber);
        Assert.Equal("TJMIC-2026-001", a.PlaqueNumber);
        Assert.Equal(new DateOnly(2026, 3, 18), a.ApprovedOn);
        Assert.Equal(ApplicationStatus.Draft, a.Events[0].From);
        Assert.Equal(ApplicationStatus.Approved, a.Events[^1].To);
    }

    [Fact]
    public void A_return_stays_in_the_history_and_the_applicant_resubmits()
    {
        var a = At(ApplicationStatus.FormalReview);

        Assert.True(a.ReturnForRevision(Officer, Now, "缺少出资协议").IsSuccess);
        Assert.True(a.IsEditable);
        Assert.True(a.Submit(Applicant, Now).IsSuccess);

        Assert.Equal(ApplicationStatus.Submitted, a.Status);
        Assert.Contains(a.Events, e => e.Action == ApplicationAction.ReturnForRevision && e.Reason == "缺少出资协议");
    }

    [Fact]
    public void Returning_without_a_reason_is_refused_and_changes_nothing()
    {
        var a = At(ApplicationStatus.FormalReview);

        var result = a.ReturnForRevision(Officer, Now, "  ");

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal(ApplicationStatus.FormalReview, a.Status);
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_ends_the_application()
    {
        var a = At(ApplicationStatus.Deliberation);

        Assert.False(a.Reject(Officer, Now, Meeting with { Reason = null }).IsSuccess);
        Assert.True(a.Reject(Officer, Now, Meeting).IsSuccess);
        Assert.Equal(ApplicationStatus.Rejected, a.Status);
        Assert.Equal("审议〔2026〕3号", a.DecisionNumber);
        Assert.False(a.Withdraw(Applicant, Now, null).IsSuccess);
    }

    [Fact]
    public void An_upheld_objection_returns_the_application_to_deliberation_and_clears_the_window()
    {
        var a = At(ApplicationStatus.PublicNotice);

        Assert.True(a.UpholdObjection(Officer, Now, "成员单位存在失信记录").IsSuccess);

        Assert.Equal(ApplicationStatus.Deliberation, a.Status);
        Assert.Null(a.NoticeEndsOn);
    }

    [Fact]
    public void A_notice_cannot_close_before_its_last_day_has_passed()
    {
        var a = At(ApplicationStatus.PublicNotice);

        var onLastDay = a.CloseNotice(Now, new DateOnly(2026, 3, 17), "n", "p");

        Assert.Equal(FailureKind.IllegalTransition, onLastDay.Failure!.Kind);
        Assert.Equal(ApplicationStatus.PublicNotice, a.Status);
    }

    public static TheoryData<ApplicationStatus> NonFinal => new(
        ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.ExpertReview,
        ApplicationStatus.SiteInspection, ApplicationStatus.Deliberation, ApplicationStatus.PublicNotice);

    [Theory]
    [MemberData(nameof(NonFinal))]
    public void The_applicant_may_withdraw_from_any_state_that_is_not_final(ApplicationStatus state)
    {
        var a = At(state);

        Assert.True(a.Withdraw(Applicant, Now, "调整方向").IsSuccess);
        Assert.Equal(ApplicationStatus.Withdrawn, a.Status);
    }

    [Fact]
    public void An_officer_cannot_withdraw_for_the_applicant()
    {
        var a = At(ApplicationStatus.Submitted);

        Assert.False(a.Withdraw(Officer, Now, null).IsSuccess);
    }

    /// <summary>Every action tried from every state by every actor: only the table's moves succeed, the rest fail loudly and leave the state alone.</summary>
    [Fact]
    public void Every_move_outside_the_table_is_refused_and_names_the_state_and_the_allowed_actions()
    {
        var tried = 0;
        foreach (var state in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                foreach (var actor in new[] { Applicant, Officer, Actor.System })
                {
                    var expected = ApplicationLifecycle.Target(state, action, actor.Kind);
                    var a = At(state);
                    var result = Do(a, action, actor);
                    tried++;
                    if (expected is null)
                    {
                        Assert.False(result.IsSuccess, $"{action} by {actor.Kind} from {state} should fail");
                        Assert.Equal(state, a.Status);
                        if (result.Failure!.Errors[0].Code == "application.illegal_transition")
                        {
                            Assert.Equal(state.ToString(), result.Failure.Errors[0].Args[1]);
                        }
                    }
                    else
                    {
                        Assert.True(result.IsSuccess, $"{action} by {actor.Kind} from {state} should succeed");
                        Assert.Equal(expected, a.Status);
                    }
                }
            }
        }

        Assert.Equal(11 * 11 * 3, tried);
    }

    [Fact]
    public void Only_drafts_and_returned_applications_can_be_edited()
    {
        var submitted = At(ApplicationStatus.Submitted);

        var result = submitted.Edit(new ApplicationDetails("改名", "xinchuang", "C39", "x", "y"));

        Assert.Equal(FailureKind.IllegalTransition, result.Failure!.Kind);
        Assert.Equal("天津智能装备创新中心", submitted.CenterName);
    }

    private static Result<ApplicationStatus> Do(Application a, ApplicationAction action, Actor actor) => action switch
    {
        ApplicationAction.Submit => a.Submit(actor, Now),
        ApplicationAction.BeginFormalCheck => a.BeginFormalCheck(actor, Now),
        ApplicationAction.PassFormalCheck => a.PassFormalCheck(actor, Now, null),
        ApplicationAction.ReturnForRevision => a.ReturnForRevision(actor, Now, "原因"),
        ApplicationAction.CompleteExpertReview => a.CompleteExpertReview(actor, Now, null),
        ApplicationAction.CompleteSiteInspection => a.CompleteSiteInspection(actor, Now, null),
        ApplicationAction.Approve => a.Approve(actor, Now, Meeting, new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 17)),
        ApplicationAction.Reject => a.Reject(actor, Now, Meeting),
        ApplicationAction.UpholdObjection => a.UpholdObjection(actor, Now, "原因"),
        ApplicationAction.CloseNotice => actor.Kind == ApplicationActor.System
            ? a.CloseNotice(Now, new DateOnly(2026, 4, 1), "n", "p")
            : Failure.IllegalTransition("application.illegal_transition", action.ToString(), a.Status.ToString(), Array.Empty<string>()),
        ApplicationAction.Withdraw => a.Withdraw(actor, Now, null),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
