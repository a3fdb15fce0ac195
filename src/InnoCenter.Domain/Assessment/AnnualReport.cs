using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Assessment;

/// <summary>Where an annual report stands.</summary>
public enum ReportStatus
{
    /// <summary>填报中</summary>
    Draft,

    /// <summary>已报送, waiting for the Admin's check.</summary>
    Submitted,

    /// <summary>已退回 with a reason; the center corrects and submits again.</summary>
    Returned,

    /// <summary>已受理: the content is final and goes to scoring and to the expert panel.</summary>
    Accepted,
}

public enum ReportValueKind
{
    /// <summary>A ledger roll-up figure (台账汇总数), pre-filled; the center may correct it with a reason and evidence.</summary>
    Figure,

    /// <summary>The value of a quantitative indicator with a manual source, entered by the center.</summary>
    Manual,
}

/// <summary>What the center has to supply before a report may be submitted.</summary>
public sealed record SubmissionRequirements(bool HasOperationReport, IReadOnlySet<string> EvidenceRequired);

/// <summary>
/// 年度运行发展报告: the operation report document (kept as an attachment of the report) and the values the indicators
/// read — ledger figures pre-filled from the roll-up of the year, and manual values. A corrected figure keeps the ledger
/// value beside the reported one, with the reason and the evidence.
/// </summary>
public sealed class AnnualReport : IAudited, IVersioned
{
    private readonly List<ReportValue> _values = [];

    private AnnualReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid CenterId { get; private set; }

    public int Year { get; private set; }

    /// <summary>This cycle's assessment is the center's re-check after rectification (整改复查).</summary>
    public bool IsRecheck { get; private set; }

    public ReportStatus Status { get; private set; }

    /// <summary>When the ledger figures were last read.</summary>
    public DateTimeOffset LedgerReadAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    /// <summary>Submitted (the last time) after the deadline.</summary>
    public bool SubmittedLate { get; private set; }

    public string? ReturnReason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    public IReadOnlyList<ReportValue> Values => _values;

    public bool IsEditable => Status is ReportStatus.Draft or ReportStatus.Returned;

    public static AnnualReport Create(
        Guid cycleId, Guid centerId, int year, bool recheck, IReadOnlyDictionary<string, decimal> figures, IEnumerable<string> figureKeys,
        IEnumerable<string> manualCodes, DateTimeOffset now)
    {
        var report = new AnnualReport
        {
            Id = Guid.CreateVersion7(),
            CycleId = cycleId,
            CenterId = centerId,
            Year = year,
            IsRecheck = recheck,
            Status = ReportStatus.Draft,
            LedgerReadAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var key in figureKeys.Distinct(StringComparer.Ordinal))
        {
            var value = figures.TryGetValue(key, out var v) ? v : 0m;
            report._values.Add(ReportValue.Figure(report.Id, key, value, now));
        }

        foreach (var code in manualCodes.Distinct(StringComparer.Ordinal))
        {
            report._values.Add(ReportValue.Manual(report.Id, code, now));
        }

        return report;
    }

    public ReportValue? Find(string code) => _values.FirstOrDefault(v => v.Code == code);

    /// <summary>Marks a change made beside the values (a new version of the operation report), so that a stale copy conflicts.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>
    /// Reads the ledger figures again: every figure takes the new ledger value; a figure the center had corrected keeps
    /// its reported value, unless the ledger now says the same, when the correction has nothing left to correct.
    /// </summary>
    public Result<AnnualReport> RefreshLedger(IReadOnlyDictionary<string, decimal> figures, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return Failure.IllegalTransition("assessment.report_not_editable", Status.ToString());
        }

        foreach (var value in _values.Where(v => v.Kind == ReportValueKind.Figure))
        {
            value.TakeLedger(figures.TryGetValue(value.Code, out var v) ? v : 0m, now);
        }

        LedgerReadAt = now;
        UpdatedAt = now;
        return this;
    }

    /// <summary>
    /// Reports a figure different from the ledger's: only with a reason and evidence (a new file, or the one already
    /// attached to this figure). Reporting the ledger's own value withdraws the correction.
    /// </summary>
    public Result<ReportValue> CorrectFigure(string key, decimal value, string? reason, Guid? evidenceFileId, Guid? by, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return Failure.IllegalTransition("assessment.report_not_editable", Status.ToString());
        }

        var figure = _values.FirstOrDefault(v => v.Code == key && v.Kind == ReportValueKind.Figure);
        if (figure is null)
        {
            return Failure.Validation(new Error("assessment.value_unknown", "code", key));
        }

        if (value == figure.LedgerValue)
        {
            figure.Withdraw(by, now);
            UpdatedAt = now;
            return figure;
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new Error("assessment.change_reason_required", "reason", figure.LedgerValue ?? 0m));
        }
        else if (reason.Trim().Length > FieldLengths.Reason)
        {
            errors.Add(new Error("validation.too_long", "reason", FieldLengths.Reason));
        }

        var evidence = evidenceFileId ?? figure.EvidenceFileId;
        if (evidence is null)
        {
            errors.Add(new Error("assessment.change_evidence_required", "evidence"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        figure.Correct(value, reason!.Trim(), evidence!.Value, by, now);
        UpdatedAt = now;
        return figure;
    }

    /// <summary>Enters (or clears, with null) a manual value; evidence may come with it or later, and is checked on submission.</summary>
    public Result<ReportValue> EnterManual(string code, decimal? value, Guid? evidenceFileId, Guid? by, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return Failure.IllegalTransition("assessment.report_not_editable", Status.ToString());
        }

        var manual = _values.FirstOrDefault(v => v.Code == code && v.Kind == ReportValueKind.Manual);
        if (manual is null)
        {
            return Failure.Validation(new Error("assessment.value_unknown", "code", code));
        }

        manual.Enter(value, evidenceFileId, by, now);
        UpdatedAt = now;
        return manual;
    }

    /// <summary>
    /// Submits (or resubmits after a return): the operation report must be attached, every manual value entered, and
    /// evidence attached where the indicator asks for it. Every missing item is named at once.
    /// </summary>
    public Result<ReportStatus> Submit(SubmissionRequirements requirements, DateOnly today, DateOnly deadline, Guid? by, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return Failure.IllegalTransition("assessment.report_not_editable", Status.ToString());
        }

        var errors = new List<Error>();
        if (!requirements.HasOperationReport)
        {
            errors.Add(new Error("assessment.operation_report_required", "operationReport"));
        }

        foreach (var v in _values.Where(v => v.Kind == ReportValueKind.Manual))
        {
            if (v.Value is null)
            {
                errors.Add(new Error("assessment.value_required", $"values[{v.Code}]", v.Code));
            }
            else if (requirements.EvidenceRequired.Contains(v.Code) && v.EvidenceFileId is null)
            {
                errors.Add(new Error("assessment.evidence_required", $"values[{v.Code}]", v.Code));
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        Status = ReportStatus.Submitted;
        SubmittedAt = now;
        SubmittedBy = by;
        SubmittedLate = today > deadline;
        ReturnReason = null;
        UpdatedAt = now;
        return Status;
    }

    /// <summary>受理: the Admin found the report complete; its content is final.</summary>
    public Result<ReportStatus> Accept(Guid? by, DateTimeOffset now)
    {
        if (Status != ReportStatus.Submitted)
        {
            return Failure.IllegalTransition("assessment.report_not_submitted", Status.ToString());
        }

        Status = ReportStatus.Accepted;
        DecidedAt = now;
        DecidedBy = by;
        UpdatedAt = now;
        return Status;
    }

    /// <summary>退回: the Admin sends the report back, saying what to correct.</summary>
    public Result<ReportStatus> Return(string? reason, Guid? by, DateTimeOffset now)
    {
        if (Status != ReportStatus.Submitted)
        {
            return Failure.IllegalTransition("assessment.report_not_submitted", Status.ToString());
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(new Error("assessment.return_reason_required", "reason"));
        }

        if (reason.Trim().Length > FieldLengths.Reason)
        {
            return Failure.Validation(new Error("validation.too_long", "reason", FieldLengths.Reason));
        }

        Status = ReportStatus.Returned;
        ReturnReason = reason.Trim();
        DecidedAt = now;
        DecidedBy = by;
        UpdatedAt = now;
        return Status;
    }

    /// <summary>The figures as scoring reads them: the reported value of each (the ledger's unless corrected).</summary>
    public IReadOnlyDictionary<string, decimal> Figures() =>
        _values.Where(v => v.Kind == ReportValueKind.Figure && v.Value is not null).ToDictionary(v => v.Code, v => v.Value!.Value, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, decimal> ManualValues() =>
        _values.Where(v => v.Kind == ReportValueKind.Manual && v.Value is not null).ToDictionary(v => v.Code, v => v.Value!.Value, StringComparer.Ordinal);
}

/// <summary>One value of an annual report: a ledger figure (with the ledger's value kept beside the reported one) or a manual value.</summary>
public sealed class ReportValue : IAudited
{
    private ReportValue()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>A ledger roll-up key for a figure, an indicator code for a manual value.</summary>
    public string Code { get; private set; } = string.Empty;

    public ReportValueKind Kind { get; private set; }

    /// <summary>The ledger's figure (figures only).</summary>
    public decimal? LedgerValue { get; private set; }

    /// <summary>The value the center reports: the ledger's unless corrected; for a manual value, what was entered.</summary>
    public decimal? Value { get; private set; }

    /// <summary>Why a figure differs from the ledger (更正理由).</summary>
    public string? Reason { get; private set; }

    /// <summary>The stored file that proves the value (佐证材料).</summary>
    public Guid? EvidenceFileId { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public Guid? ChangedBy { get; private set; }

    public bool IsCorrected => Kind == ReportValueKind.Figure && Value != LedgerValue;

    internal static ReportValue Figure(Guid reportId, string key, decimal ledger, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), ReportId = reportId, Code = key, Kind = ReportValueKind.Figure, LedgerValue = ledger, Value = ledger, ChangedAt = now,
    };

    internal static ReportValue Manual(Guid reportId, string code, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), ReportId = reportId, Code = code, Kind = ReportValueKind.Manual, ChangedAt = now,
    };

    internal void TakeLedger(decimal ledger, DateTimeOffset now)
    {
        var corrected = IsCorrected;
        LedgerValue = ledger;
        if (!corrected || Value == ledger)
        {
            Value = ledger;
            Reason = null;
        }

        ChangedAt = now;
    }

    internal void Correct(decimal value, string reason, Guid evidence, Guid? by, DateTimeOffset now)
    {
        Value = value;
        Reason = reason;
        EvidenceFileId = evidence;
        ChangedAt = now;
        ChangedBy = by;
    }

    internal void Withdraw(Guid? by, DateTimeOffset now)
    {
        Value = LedgerValue;
        Reason = null;
        ChangedAt = now;
        ChangedBy = by;
    }

    internal void Enter(decimal? value, Guid? evidence, Guid? by, DateTimeOffset now)
    {
        Value = value;
        EvidenceFileId = evidence ?? EvidenceFileId;
        ChangedAt = now;
        ChangedBy = by;
    }
}
