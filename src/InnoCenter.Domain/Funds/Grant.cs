using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Funds;

/// <summary>
/// 专项资金支持项目: a grant to one center under the pack version it began under. Four eyes: the Admin who drafted it
/// never approves it, and the Admin who asked for a change (调剂, 延期) never approves that change.
/// </summary>
public sealed partial class Grant : IAudited, IVersioned
{
    private readonly List<GrantLine> _lines = [];
    private readonly List<GrantTarget> _targets = [];
    private readonly List<GrantEvent> _events = [];
    private readonly List<GrantChange> _changes = [];

    private Grant()
    {
    }

    public Guid Id { get; private set; }

    public Guid CenterId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>文号 of the decision.</summary>
    public string DocumentNumber { get; private set; } = string.Empty;

    /// <summary>The main source (pack <c>funds.sources</c>), the one whose tranches the platform releases.</summary>
    public string Source { get; private set; } = string.Empty;

    /// <summary>支持方式 (pack <c>funds.forms</c>).</summary>
    public string Form { get; private set; } = string.Empty;

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public GrantStatus Status { get; private set; }

    public string PolicyCode { get; private set; } = string.Empty;

    public int PolicyVersion { get; private set; }

    public decimal Amount { get; private set; }

    public long AmountFen { get; private set; }

    public Guid DraftedBy { get; private set; }

    public DateTimeOffset DraftedAt { get; private set; }

    public Guid? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>资金安排公开: when an Admin published the allocation (and, once accepted, its result) on the portal.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public Guid? PublishedBy { get; private set; }

    /// <summary>When an Admin asked the center for its performance self-evaluation (绩效自评).</summary>
    public DateTimeOffset? EvaluationRequestedAt { get; private set; }

    public DateTimeOffset? EvaluationSubmittedAt { get; private set; }

    public Guid? EvaluationSubmittedBy { get; private set; }

    /// <summary>验收结论 for the whole grant (pack <c>funds.verdicts</c>), recorded when it is accepted.</summary>
    public string? Verdict { get; private set; }

    public Guid? VerdictBy { get; private set; }

    public DateTimeOffset? VerdictAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<GrantLine> Lines => _lines;

    public IReadOnlyList<GrantTarget> Targets => _targets;

    public IReadOnlyList<GrantEvent> Events => _events;

    public IReadOnlyList<GrantChange> Changes => _changes;

    public bool IsClosed => Status is GrantStatus.Accepted or GrantStatus.Terminated;

    public GrantLine? FindLine(string? category) => _lines.FirstOrDefault(l => l.Category == category);

    /// <summary>Checks a draft against the pack and makes the grant; every field in error is named.</summary>
    public static Result<Grant> Draft(
        GrantDraft d, PolicyPack pack, Guid by, DateTimeOffset now)
    {
        var rules = pack.Funds;
        if (!rules.IsConfigured)
        {
            return Failure.Validation(new Error("funds.not_configured"));
        }

        var errors = new List<Error>();
        if (d.CenterId is null || d.CenterId == Guid.Empty)
        {
            errors.Add(new Error("validation.required", "centerId"));
        }

        Checks.Required(d.Title, FieldLengths.Title, "title", errors);
        Checks.Required(d.DocumentNumber, FieldLengths.Code, "documentNumber", errors);
        Code(d.Source, rules.Sources, "source", errors);
        Code(d.Form, rules.Forms, "form", errors);
        CheckPeriod(d.PeriodFrom, d.PeriodTo, rules, errors);

        var lines = new List<(string Category, List<(string Source, long Fen)> Shares)>();
        var drafts = d.Lines ?? [];
        if (drafts.Count == 0)
        {
            errors.Add(new Error("funds.lines_required", "lines"));
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var field = $"lines[{i}]";
            var ok = Code(drafts[i].Category, rules.Categories, field + ".category", errors);
            if (ok && lines.Any(l => l.Category == drafts[i].Category))
            {
                errors.Add(new Error("funds.duplicate_category", field + ".category", drafts[i].Category!));
            }

            var shares = new List<(string, long)>();
            var shareDrafts = drafts[i].Shares ?? [];
            if (shareDrafts.Count == 0)
            {
                errors.Add(new Error("funds.shares_required", field + ".shares"));
            }

            for (var j = 0; j < shareDrafts.Count; j++)
            {
                var sf = $"{field}.shares[{j}]";
                var sourceOk = Code(shareDrafts[j].Source, rules.Sources, sf + ".source", errors);
                if (sourceOk && shares.Any(s => s.Item1 == shareDrafts[j].Source))
                {
                    errors.Add(new Error("funds.duplicate_source", sf + ".source", shareDrafts[j].Source!));
                }

                if (FundMoney.PositiveFen(shareDrafts[j].Amount, sf + ".amount", errors) is { } fen && sourceOk)
                {
                    shares.Add((shareDrafts[j].Source!, fen));
                }
            }

            if (ok)
            {
                lines.Add((drafts[i].Category!, shares));
            }
        }

        var indicators = pack.Assessment.IndicatorSystem.Indicators;
        var targets = d.Targets ?? [];
        for (var i = 0; i < targets.Count; i++)
        {
            var field = $"targets[{i}]";
            if (string.IsNullOrWhiteSpace(targets[i].Indicator))
            {
                errors.Add(new Error("validation.required", field + ".indicator"));
            }
            else if (indicators.All(x => x.Code != targets[i].Indicator))
            {
                errors.Add(new Error("policy.unknown_code", field + ".indicator", targets[i].Indicator!));
            }

            if (targets[i].Value is null)
            {
                errors.Add(new Error("validation.required", field + ".value"));
            }
            else if (targets[i].Value < 0)
            {
                errors.Add(new Error("funds.target_negative", field + ".value"));
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var grant = new Grant
        {
            Id = Guid.CreateVersion7(),
            CenterId = d.CenterId!.Value,
            Title = d.Title!.Trim(),
            DocumentNumber = d.DocumentNumber!.Trim(),
            Source = d.Source!,
            Form = d.Form!,
            PeriodFrom = d.PeriodFrom!.Value,
            PeriodTo = d.PeriodTo!.Value,
            Status = GrantStatus.Draft,
            PolicyCode = pack.Code,
            PolicyVersion = pack.Version,
            DraftedBy = by,
            DraftedAt = now,
        };
        foreach (var (category, shares) in lines)
        {
            grant._lines.Add(GrantLine.Create(grant.Id, category, shares));
        }

        foreach (var t in targets)
        {
            grant._targets.Add(new GrantTarget(grant.Id, t.Indicator!, t.Value!.Value));
        }

        grant.AmountFen = grant._lines.Sum(l => l.AmountFen);
        grant.Amount = FundMoney.Yuan(grant.AmountFen);
        grant._events.Add(new GrantEvent(grant.Id, null, GrantStatus.Draft, null, by, now));
        return grant;
    }

    /// <summary>批准: a second Admin, never the drafter.</summary>
    public Result<bool> Approve(Guid by, DateTimeOffset now)
    {
        if (Status != GrantStatus.Draft)
        {
            return Illegal(GrantStatus.Approved);
        }

        if (by == DraftedBy)
        {
            return Failure.Forbidden("funds.four_eyes");
        }

        ApprovedBy = by;
        ApprovedAt = now;
        return Move(GrantStatus.Approved, null, by, now);
    }

    /// <summary>
    /// 公开: the allocation (center, project, source, amount, year) becomes public, and with it the acceptance result once
    /// there is one. Only an approved grant has an allocation to publish; publishing twice is refused.
    /// </summary>
    public Result<bool> Publish(Guid by, DateTimeOffset now)
    {
        if (Status is GrantStatus.Draft or GrantStatus.Terminated || PublishedAt is not null)
        {
            return Failure.IllegalTransition("funds.publish_not_allowed", Status.ToString());
        }

        PublishedAt = now;
        PublishedBy = by;
        return true;
    }

    /// <summary>开始执行: the approved grant's money may now be released and spent.</summary>
    public Result<bool> Start(Guid by, DateTimeOffset now) =>
        Status == GrantStatus.Approved ? Move(GrantStatus.InExecution, null, by, now) : Illegal(GrantStatus.InExecution);

    /// <summary>验收通过.</summary>
    public Result<bool> Accept(string? reason, Guid by, DateTimeOffset now)
    {
        if (Status != GrantStatus.InExecution)
        {
            return Illegal(GrantStatus.Accepted);
        }

        return RequireReason(reason) is { } refused ? refused : Move(GrantStatus.Accepted, reason!.Trim(), by, now);
    }

    /// <summary>终止: from any state that is not already closed, always with a reason.</summary>
    public Result<bool> Terminate(string? reason, Guid by, DateTimeOffset now)
    {
        if (IsClosed)
        {
            return Illegal(GrantStatus.Terminated);
        }

        return RequireReason(reason) is { } refused ? refused : Move(GrantStatus.Terminated, reason!.Trim(), by, now);
    }

    private static void CheckPeriod(DateOnly? from, DateOnly? to, FundRules rules, List<Error> errors)
    {
        if (from is null)
        {
            errors.Add(new Error("validation.required", "periodFrom"));
        }

        if (to is null)
        {
            errors.Add(new Error("validation.required", "periodTo"));
        }

        if (from is null || to is null)
        {
            return;
        }

        if (to < from)
        {
            errors.Add(new Error("funds.period_reversed", "periodTo"));
        }
        else if (to >= from.Value.AddYears(rules.MaxExecutionYears))
        {
            errors.Add(new Error("funds.period_too_long", "periodTo", rules.MaxExecutionYears));
        }
    }

    private static bool Code(string? code, IReadOnlyList<CodeItem> table, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new Error("validation.required", field));
            return false;
        }

        if (table.All(c => c.Code != code))
        {
            errors.Add(new Error("policy.unknown_code", field, code));
            return false;
        }

        return true;
    }

    private static Failure? RequireReason(string? reason)
    {
        var errors = new List<Error>();
        return Checks.Required(reason, FieldLengths.Reason, "reason", errors) ? null : Failure.Validation(errors);
    }

    private Failure Illegal(GrantStatus to) => Failure.IllegalTransition("funds.illegal_transition", Status.ToString(), to.ToString());

    private Result<bool> Move(GrantStatus to, string? reason, Guid by, DateTimeOffset now)
    {
        _events.Add(new GrantEvent(Id, Status, to, reason, by, now));
        Status = to;
        return true;
    }
}
