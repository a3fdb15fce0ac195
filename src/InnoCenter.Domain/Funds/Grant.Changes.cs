using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Funds;

/// <summary>Changes to a running grant (调剂, 延期): asked by one Admin, decided by another.</summary>
public sealed partial class Grant
{
    /// <summary>Asks to move money from one line to another (调剂); it takes effect when another Admin approves it.</summary>
    public Result<GrantChange> RequestAdjustment(Guid fromLine, Guid toLine, decimal? amount, string? reason, Guid by, DateTimeOffset now)
    {
        if (Status is not (GrantStatus.Approved or GrantStatus.InExecution))
        {
            return Failure.IllegalTransition("funds.change_not_open", Status.ToString());
        }

        var errors = new List<Error>();
        var from = _lines.FirstOrDefault(l => l.Id == fromLine);
        var to = _lines.FirstOrDefault(l => l.Id == toLine);
        if (from is null)
        {
            errors.Add(new Error("funds.line_unknown", "fromLineId"));
        }

        if (to is null)
        {
            errors.Add(new Error("funds.line_unknown", "toLineId"));
        }
        else if (to.Id == fromLine)
        {
            errors.Add(new Error("funds.same_line", "toLineId"));
        }

        var fen = FundMoney.PositiveFen(amount, "amount", errors);
        if (fen is not null && from is not null && fen > from.AmountFen)
        {
            errors.Add(new Error("funds.line_below_zero", "amount", from.Amount));
        }

        Checks.Required(reason, FieldLengths.Reason, "reason", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var change = GrantChange.Adjust(Id, fromLine, toLine, fen!.Value, reason!.Trim(), by, now);
        _changes.Add(change);
        return change;
    }

    /// <summary>Asks to move the period's end later (延期), never past the pack's longest execution period.</summary>
    public Result<GrantChange> RequestExtension(DateOnly? newEnd, string? reason, FundRules rules, Guid by, DateTimeOffset now)
    {
        if (Status is not (GrantStatus.Approved or GrantStatus.InExecution))
        {
            return Failure.IllegalTransition("funds.change_not_open", Status.ToString());
        }

        var errors = new List<Error>();
        if (newEnd is null)
        {
            errors.Add(new Error("validation.required", "periodTo"));
        }
        else if (newEnd <= PeriodTo)
        {
            errors.Add(new Error("funds.extension_not_later", "periodTo", PeriodTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
        else
        {
            CheckPeriod(PeriodFrom, newEnd, rules, errors);
        }

        Checks.Required(reason, FieldLengths.Reason, "reason", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var change = GrantChange.Extend(Id, PeriodTo, newEnd!.Value, reason!.Trim(), by, now);
        _changes.Add(change);
        return change;
    }

    /// <summary>
    /// Approves or rejects a pending change. An approved adjustment never leaves the line it takes from below what is
    /// already spent on it (<paramref name="spentFen"/>, net of reversals, per line).
    /// </summary>
    public Result<GrantChange> DecideChange(
        Guid changeId, bool approve, string? reason, IReadOnlyDictionary<Guid, long> spentFen, Guid by, DateTimeOffset now)
    {
        var change = _changes.FirstOrDefault(c => c.Id == changeId);
        if (change is null)
        {
            return Failure.NotFound("funds.change_not_found");
        }

        if (change.Status != ChangeStatus.Pending || IsClosed)
        {
            return Failure.IllegalTransition("funds.change_decided");
        }

        if (change.RequestedBy == by)
        {
            return Failure.Forbidden("funds.four_eyes");
        }

        var errors = new List<Error>();
        Checks.Required(reason, FieldLengths.Reason, "reason", errors);
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        if (approve && change.Kind == GrantChangeKind.Adjustment)
        {
            var from = _lines.First(l => l.Id == change.FromLineId);
            var to = _lines.First(l => l.Id == change.ToLineId);
            var spent = spentFen.GetValueOrDefault(from.Id);
            if (from.AmountFen - change.AmountFen!.Value < spent)
            {
                return Failure.Validation(new Error("funds.line_below_spent", "amount", FundMoney.Yuan(spent), from.Amount));
            }

            from.Shift(-change.AmountFen.Value);
            to.Shift(change.AmountFen.Value);
        }
        else if (approve && change.Kind == GrantChangeKind.Extension)
        {
            PeriodTo = change.NewPeriodTo!.Value;
        }

        change.Decide(approve, reason!.Trim(), by, now);
        return change;
    }
}
