namespace InnoCenter.Domain.Applications;

/// <summary>Where an application (申报) stands in the recognition lifecycle of DESIGN §1.</summary>
public enum ApplicationStatus
{
    /// <summary>草稿</summary>
    Draft,

    /// <summary>已提交</summary>
    Submitted,

    /// <summary>形式审查</summary>
    FormalReview,

    /// <summary>退回修改</summary>
    ReturnedForRevision,

    /// <summary>专家评审</summary>
    ExpertReview,

    /// <summary>现场考察</summary>
    SiteInspection,

    /// <summary>审议决定</summary>
    Deliberation,

    /// <summary>公示</summary>
    PublicNotice,

    /// <summary>已批复（授牌）</summary>
    Approved,

    /// <summary>未通过</summary>
    Rejected,

    /// <summary>已撤回</summary>
    Withdrawn,
}

/// <summary>What can be done to an application; each action is allowed from some states, to some actors.</summary>
public enum ApplicationAction
{
    Submit,
    BeginFormalCheck,
    PassFormalCheck,
    ReturnForRevision,
    CompleteExpertReview,
    CompleteSiteInspection,
    Approve,
    Reject,
    UpholdObjection,
    CloseNotice,
    Withdraw,
}

/// <summary>Who acts: the applicant's staff, a programme officer, or the platform itself (a background job).</summary>
public enum ApplicationActor
{
    Applicant,
    Admin,
    System,
}

/// <summary>The transition table: the one place that says which action leads where, from where, by whom.</summary>
public static class ApplicationLifecycle
{
    private sealed record Transition(ApplicationAction Action, ApplicationStatus From, ApplicationStatus To, ApplicationActor Actor);

    private static readonly ApplicationStatus[] Final = [ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn];

    private static readonly Transition[] Table =
    [
        new(ApplicationAction.Submit, ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationActor.Applicant),
        new(ApplicationAction.Submit, ApplicationStatus.ReturnedForRevision, ApplicationStatus.Submitted, ApplicationActor.Applicant),
        new(ApplicationAction.BeginFormalCheck, ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationActor.Admin),
        new(ApplicationAction.PassFormalCheck, ApplicationStatus.FormalReview, ApplicationStatus.ExpertReview, ApplicationActor.Admin),
        new(ApplicationAction.ReturnForRevision, ApplicationStatus.Submitted, ApplicationStatus.ReturnedForRevision, ApplicationActor.Admin),
        new(ApplicationAction.ReturnForRevision, ApplicationStatus.FormalReview, ApplicationStatus.ReturnedForRevision, ApplicationActor.Admin),
        new(ApplicationAction.CompleteExpertReview, ApplicationStatus.ExpertReview, ApplicationStatus.SiteInspection, ApplicationActor.Admin),
        new(ApplicationAction.CompleteSiteInspection, ApplicationStatus.SiteInspection, ApplicationStatus.Deliberation, ApplicationActor.Admin),
        new(ApplicationAction.Approve, ApplicationStatus.Deliberation, ApplicationStatus.PublicNotice, ApplicationActor.Admin),
        new(ApplicationAction.Reject, ApplicationStatus.Deliberation, ApplicationStatus.Rejected, ApplicationActor.Admin),
        new(ApplicationAction.UpholdObjection, ApplicationStatus.PublicNotice, ApplicationStatus.Deliberation, ApplicationActor.Admin),
        new(ApplicationAction.CloseNotice, ApplicationStatus.PublicNotice, ApplicationStatus.Approved, ApplicationActor.System),
    ];

    public static bool IsFinal(ApplicationStatus status) => Final.Contains(status);

    /// <summary>The state an action leads to, or null when the action is not allowed from here for this actor.</summary>
    public static ApplicationStatus? Target(ApplicationStatus from, ApplicationAction action, ApplicationActor actor)
    {
        if (action == ApplicationAction.Withdraw)
        {
            // The applicant may withdraw from any state that is not final.
            return actor == ApplicationActor.Applicant && !IsFinal(from) ? ApplicationStatus.Withdrawn : null;
        }

        return Table.FirstOrDefault(t => t.From == from && t.Action == action && t.Actor == actor)?.To;
    }

    /// <summary>What this actor may do from this state — named in the refusal of an illegal transition.</summary>
    public static IReadOnlyList<ApplicationAction> AllowedActions(ApplicationStatus from, ApplicationActor actor)
    {
        var actions = Table.Where(t => t.From == from && t.Actor == actor).Select(t => t.Action).Distinct().ToList();
        if (actor == ApplicationActor.Applicant && !IsFinal(from))
        {
            actions.Add(ApplicationAction.Withdraw);
        }

        return actions;
    }
}
