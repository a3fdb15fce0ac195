using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Funds;

/// <summary>
/// 验收: an Admin asks for the performance self-evaluation (绩效自评); the center reports, per performance target, the
/// actual value with evidence and a comment, and submits; an Admin then records a verdict per target and for the grant,
/// which accepts it.
/// </summary>
public sealed partial class Grant
{
    public bool EvaluationSubmitted => EvaluationSubmittedAt is not null;

    /// <summary>The commission asks the center for its self-evaluation; once is enough.</summary>
    public Result<bool> RequestEvaluation(DateTimeOffset now)
    {
        if (Status != GrantStatus.InExecution)
        {
            return Failure.IllegalTransition("funds.grant_not_running", Status.ToString());
        }

        if (EvaluationRequestedAt is not null || EvaluationSubmitted)
        {
            return Failure.IllegalTransition("funds.evaluation_already_requested");
        }

        EvaluationRequestedAt = now;
        return true;
    }

    /// <summary>The center's actual value and comment for one target; open while the grant runs and until it submits.</summary>
    public Result<GrantTarget> ReportTarget(Guid targetId, decimal? actual, string? comment)
    {
        if (OpenForSelfEvaluation() is { } closed)
        {
            return closed;
        }

        var target = _targets.FirstOrDefault(t => t.Id == targetId);
        if (target is null)
        {
            return Failure.NotFound("funds.target_not_found");
        }

        var errors = new List<Error>();
        if (actual is null)
        {
            errors.Add(new Error("validation.required", "actualValue"));
        }
        else if (actual < 0)
        {
            errors.Add(new Error("funds.target_negative", "actualValue"));
        }

        Checks.MaxLength(comment, FieldLengths.Reason, "comment", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        target.Report(actual!.Value, comment);
        return target;
    }

    /// <summary>
    /// 提交绩效自评: every target has its actual value and at least one evidence file; a grant without targets needs
    /// its acceptance evidence instead. Every missing piece is named.
    /// </summary>
    public Result<bool> SubmitEvaluation(IReadOnlyDictionary<Guid, int> evidenceByTarget, bool hasGrantEvidence, Guid by, DateTimeOffset now)
    {
        if (OpenForSelfEvaluation() is { } closed)
        {
            return closed;
        }

        var errors = new List<Error>();
        for (var i = 0; i < _targets.Count; i++)
        {
            if (_targets[i].ActualValue is null)
            {
                errors.Add(new Error("funds.evaluation_value_missing", $"targets[{i}].actualValue", _targets[i].Indicator));
            }

            if (evidenceByTarget.GetValueOrDefault(_targets[i].Id) == 0)
            {
                errors.Add(new Error("funds.evaluation_evidence_missing", $"targets[{i}].evidence", _targets[i].Indicator));
            }
        }

        if (_targets.Count == 0 && !hasGrantEvidence)
        {
            errors.Add(new Error("funds.evaluation_acceptance_missing", "evidence"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        EvaluationSubmittedAt = now;
        EvaluationSubmittedBy = by;
        return true;
    }

    /// <summary>
    /// 验收结论: the Admin's verdict on every target and on the grant, from the pack's verdicts, with a reason; the grant
    /// is then accepted (验收完成) whatever the verdict, which stays on it for the disclosure and the reports.
    /// </summary>
    public Result<bool> RecordVerdict(
        string? verdict, IReadOnlyDictionary<Guid, string?> targetVerdicts, string? reason, IReadOnlyList<CodeItem> verdicts, Guid by, DateTimeOffset now)
    {
        if (Status != GrantStatus.InExecution)
        {
            return Illegal(GrantStatus.Accepted);
        }

        if (!EvaluationSubmitted)
        {
            return Failure.IllegalTransition("funds.evaluation_not_submitted");
        }

        var errors = new List<Error>();
        Code(verdict, verdicts, "verdict", errors);
        for (var i = 0; i < _targets.Count; i++)
        {
            Code(targetVerdicts.GetValueOrDefault(_targets[i].Id), verdicts, $"targets[{i}].verdict", errors);
        }

        Checks.Required(reason, FieldLengths.Reason, "reason", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        foreach (var t in _targets)
        {
            t.Judge(targetVerdicts[t.Id]!);
        }

        Verdict = verdict;
        VerdictBy = by;
        VerdictAt = now;
        return Move(GrantStatus.Accepted, reason!.Trim(), by, now);
    }

    private Failure? OpenForSelfEvaluation()
    {
        if (Status != GrantStatus.InExecution)
        {
            return Failure.IllegalTransition("funds.grant_not_running", Status.ToString());
        }

        return EvaluationSubmitted ? Failure.IllegalTransition("funds.evaluation_submitted") : null;
    }
}
