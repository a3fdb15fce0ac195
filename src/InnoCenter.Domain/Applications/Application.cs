using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Domain.Applications;

/// <summary>
/// An application (申报) to have a consortium recognised as a Manufacturing Innovation Center. The lead applicant is
/// the applying user's organisation; the policy version in force when it was created stays attached to it.
/// </summary>
public sealed class Application : IAudited, IVersioned
{
    private readonly List<ConsortiumMember> _members = [];
    private readonly List<PlannedIndicator> _indicators = [];
    private readonly List<ApplicationEvent> _events = [];

    private Application()
    {
    }

    public Guid Id { get; private set; }

    public Guid LeadOrganizationId { get; private set; }

    /// <summary>
    /// 牵头单位名称: the lead's name as on its record, kept in step when the organisation is renamed, so that the
    /// pipeline lists and searches it without reading the organisations table for every application.
    /// </summary>
    public string LeadName { get; private set; } = string.Empty;

    /// <summary>拟建创新中心名称</summary>
    public string CenterName { get; private set; } = string.Empty;

    /// <summary>A key-area code of the policy (重点领域).</summary>
    public string KeyArea { get; private set; } = string.Empty;

    /// <summary>GB/T 4754-2017 manufacturing division, C13–C43.</summary>
    public string IndustryDivision { get; private set; } = string.Empty;

    /// <summary>建设方案摘要</summary>
    public string PlanSummary { get; private set; } = string.Empty;

    /// <summary>三年建设目标</summary>
    public string Goals { get; private set; } = string.Empty;

    public string PolicyCode { get; private set; } = string.Empty;

    public int PolicyVersion { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>The deliberation meeting (审议会议) that decided.</summary>
    public DateOnly? MeetingDate { get; private set; }

    /// <summary>The number of the decision minutes.</summary>
    public string? DecisionNumber { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateOnly? NoticeStartsOn { get; private set; }

    /// <summary>The last day of the notice window (公示期), inclusive.</summary>
    public DateOnly? NoticeEndsOn { get; private set; }

    /// <summary>批复文号</summary>
    public string? ApprovalNumber { get; private set; }

    /// <summary>牌匾编号</summary>
    public string? PlaqueNumber { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<ConsortiumMember> Members => _members;

    public IReadOnlyList<PlannedIndicator> Indicators => _indicators;

    public IReadOnlyList<ApplicationEvent> Events => _events;

    public static Application Start(Guid leadOrganizationId, string leadName, ApplicationDetails details, string policyCode, int policyVersion, Guid createdBy, DateTimeOffset now)
    {
        var app = new Application
        {
            Id = Guid.CreateVersion7(),
            LeadOrganizationId = leadOrganizationId,
            LeadName = leadName,
            PolicyCode = policyCode,
            PolicyVersion = policyVersion,
            Status = ApplicationStatus.Draft,
            StatusChangedAt = now,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        app.ApplyDetails(details);
        return app;
    }

    /// <summary>The lead organisation was renamed on its record.</summary>
    public void RecordLeadName(string name) => LeadName = name;

    /// <summary>The applicant edits only a draft or an application returned for revision.</summary>
    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.ReturnedForRevision;

    public Result<Application> Edit(ApplicationDetails details)
    {
        if (!IsEditable)
        {
            return Failure.IllegalTransition("application.not_editable", Status.ToString());
        }

        ApplyDetails(details);
        return this;
    }

    /// <summary>Replaces the consortium. The lead is always a member, with the kind of an enterprise.</summary>
    public Result<Application> SetMembers(IEnumerable<ConsortiumMember> members)
    {
        if (!IsEditable)
        {
            return Failure.IllegalTransition("application.not_editable", Status.ToString());
        }

        _members.Clear();
        _members.AddRange(members);
        return this;
    }

    public Result<Application> SetIndicators(IEnumerable<PlannedIndicator> indicators)
    {
        if (!IsEditable)
        {
            return Failure.IllegalTransition("application.not_editable", Status.ToString());
        }

        _indicators.Clear();
        _indicators.AddRange(indicators);
        return this;
    }

    public Result<ApplicationStatus> Submit(Actor actor, DateTimeOffset now)
    {
        var moved = Move(ApplicationAction.Submit, actor, now, null);
        if (moved.IsSuccess)
        {
            SubmittedAt = now;
        }

        return moved;
    }

    public Result<ApplicationStatus> BeginFormalCheck(Actor actor, DateTimeOffset now) =>
        Move(ApplicationAction.BeginFormalCheck, actor, now, null);

    public Result<ApplicationStatus> PassFormalCheck(Actor actor, DateTimeOffset now, string? note) =>
        Move(ApplicationAction.PassFormalCheck, actor, now, note);

    public Result<ApplicationStatus> ReturnForRevision(Actor actor, DateTimeOffset now, string reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? Failure.Validation(new Error("application.reason_required", "reason"))
            : Move(ApplicationAction.ReturnForRevision, actor, now, reason);

    public Result<ApplicationStatus> CompleteExpertReview(Actor actor, DateTimeOffset now, string? note) =>
        Move(ApplicationAction.CompleteExpertReview, actor, now, note);

    public Result<ApplicationStatus> CompleteSiteInspection(Actor actor, DateTimeOffset now, string? note) =>
        Move(ApplicationAction.CompleteSiteInspection, actor, now, note);

    /// <summary>The decision to approve opens the public notice window; the title comes only when it closes.</summary>
    public Result<ApplicationStatus> Approve(Actor actor, DateTimeOffset now, Decision decision, DateOnly noticeStartsOn, DateOnly noticeEndsOn)
    {
        var moved = Move(ApplicationAction.Approve, actor, now, decision.Reason);
        if (moved.IsSuccess)
        {
            Record(decision);
            NoticeStartsOn = noticeStartsOn;
            NoticeEndsOn = noticeEndsOn;
        }

        return moved;
    }

    public Result<ApplicationStatus> Reject(Actor actor, DateTimeOffset now, Decision decision)
    {
        if (string.IsNullOrWhiteSpace(decision.Reason))
        {
            return Failure.Validation(new Error("application.reason_required", "reason"));
        }

        var moved = Move(ApplicationAction.Reject, actor, now, decision.Reason);
        if (moved.IsSuccess)
        {
            Record(decision);
        }

        return moved;
    }

    /// <summary>An upheld objection sends the application back to deliberation and ends the notice.</summary>
    public Result<ApplicationStatus> UpholdObjection(Actor actor, DateTimeOffset now, string reason)
    {
        var moved = Move(ApplicationAction.UpholdObjection, actor, now, reason);
        if (moved.IsSuccess)
        {
            NoticeStartsOn = null;
            NoticeEndsOn = null;
        }

        return moved;
    }

    public Result<ApplicationStatus> CloseNotice(DateTimeOffset now, DateOnly today, string approvalNumber, string plaqueNumber)
    {
        if (NoticeEndsOn is not { } end || today <= end)
        {
            return Failure.IllegalTransition("application.notice_not_over", NoticeEndsOn?.ToString("yyyy-MM-dd") ?? "-");
        }

        var moved = Move(ApplicationAction.CloseNotice, Actor.System, now, null);
        if (moved.IsSuccess)
        {
            ApprovalNumber = approvalNumber;
            PlaqueNumber = plaqueNumber;
            ApprovedOn = today;
        }

        return moved;
    }

    public Result<ApplicationStatus> Withdraw(Actor actor, DateTimeOffset now, string? reason) =>
        Move(ApplicationAction.Withdraw, actor, now, reason);

    private Result<ApplicationStatus> Move(ApplicationAction action, Actor actor, DateTimeOffset now, string? reason)
    {
        var target = ApplicationLifecycle.Target(Status, action, actor.Kind);
        if (target is null)
        {
            var allowed = ApplicationLifecycle.AllowedActions(Status, actor.Kind);
            return Failure.IllegalTransition(
                "application.illegal_transition", action.ToString(), Status.ToString(), allowed.Select(a => a.ToString()).ToArray());
        }

        _events.Add(new ApplicationEvent(Id, now, Status, target.Value, action, reason?.Trim(), actor.UserId, actor.Name));
        Status = target.Value;
        StatusChangedAt = now;
        return target.Value;
    }

    private void Record(Decision decision)
    {
        MeetingDate = decision.MeetingDate;
        DecisionNumber = decision.DecisionNumber.Trim();
        DecisionReason = decision.Reason?.Trim();
    }

    private void ApplyDetails(ApplicationDetails d)
    {
        CenterName = d.CenterName.Trim();
        KeyArea = d.KeyArea;
        IndustryDivision = d.IndustryDivision;
        PlanSummary = d.PlanSummary.Trim();
        Goals = d.Goals.Trim();
    }
}

/// <summary>Validated editable fields of an application.</summary>
public sealed record ApplicationDetails(string CenterName, string KeyArea, string IndustryDivision, string PlanSummary, string Goals);

/// <summary>The record of a deliberation: meeting date, decision number, and the reason (required to reject).</summary>
public sealed record Decision(DateOnly MeetingDate, string DecisionNumber, string? Reason);

/// <summary>Who performed a transition.</summary>
public sealed record Actor(ApplicationActor Kind, Guid? UserId, string? Name)
{
    public static readonly Actor System = new(ApplicationActor.System, null, "system");
}

/// <summary>A member of the applying consortium (联合体成员), the lead included.</summary>
public sealed class ConsortiumMember : IAudited
{
    private ConsortiumMember()
    {
    }

    public ConsortiumMember(Guid organizationId, OrganizationType kind, string region, decimal? equitySharePercent, bool isLead)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        Kind = kind;
        Region = region;
        EquitySharePercent = equitySharePercent;
        IsLead = isLead;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public OrganizationType Kind { get; private set; }

    /// <summary>Copied from the organisation when it joined the consortium, so the 京津冀 view of the application is stable.</summary>
    public string Region { get; private set; } = "";

    /// <summary>Equity share in percent where the member is a shareholder; the shares given total 100.</summary>
    public decimal? EquitySharePercent { get; private set; }

    public bool IsLead { get; private set; }
}

/// <summary>A planned indicator of the three-year goals (建设目标与预期指标).</summary>
public sealed class PlannedIndicator : IAudited
{
    private PlannedIndicator()
    {
    }

    public PlannedIndicator(string name, string unit, decimal? year1, decimal? year2, decimal? year3, string? figure = null)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        Unit = unit.Trim();
        Figure = string.IsNullOrWhiteSpace(figure) ? null : figure.Trim();
        Year1 = year1;
        Year2 = year2;
        Year3 = year3;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Unit { get; private set; } = string.Empty;

    /// <summary>
    /// The ledger figure it names (a key of <see cref="Assessment.LedgerRollupKeys"/>), whose actual the roll-up gives;
    /// null for a free indicator, whose actual the center reports with evidence.
    /// </summary>
    public string? Figure { get; private set; }

    public decimal? Year1 { get; private set; }

    public decimal? Year2 { get; private set; }

    public decimal? Year3 { get; private set; }
}

/// <summary>One step on the application's timeline; returns stay in the history.</summary>
public sealed class ApplicationEvent : IAudited
{
    private ApplicationEvent()
    {
    }

    public ApplicationEvent(Guid applicationId, DateTimeOffset at, ApplicationStatus from, ApplicationStatus to, ApplicationAction action, string? reason, Guid? actorId, string? actorName)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        At = at;
        From = from;
        To = to;
        Action = action;
        Reason = reason;
        ActorId = actorId;
        ActorName = actorName;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public ApplicationStatus From { get; private set; }

    public ApplicationStatus To { get; private set; }

    public ApplicationAction Action { get; private set; }

    public string? Reason { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? ActorName { get; private set; }
}
