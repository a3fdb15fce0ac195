using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Funds;

/// <summary>What the center enters for one payment.</summary>
public sealed record ExpenditureDraft(string? Category, DateOnly? SpentOn, string? Payee, decimal? Amount, string? Purpose);

/// <summary>
/// 支出: a payment the center made from a grant against one budget line. Never edited: a mistake is corrected by a
/// reversing entry (冲销) with a reason, so the books keep both.
/// </summary>
public sealed class Expenditure : IAudited
{
    private Expenditure()
    {
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public Guid LineId { get; private set; }

    public Guid CenterId { get; private set; }

    public string Category { get; private set; } = string.Empty;

    public DateOnly SpentOn { get; private set; }

    public string Payee { get; private set; } = string.Empty;

    public string? Purpose { get; private set; }

    /// <summary>Negative on a reversing entry.</summary>
    public decimal Amount { get; private set; }

    public long AmountFen { get; private set; }

    /// <summary>The entry this one reverses; set only on a reversing entry.</summary>
    public Guid? ReversesId { get; private set; }

    public string? Reason { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Refused with its reason outside the grant's period, in a category the grant has no line for, or when the line
    /// would be overspent (<paramref name="lineSpentFen"/>: spent on it so far, net of reversals).
    /// </summary>
    public static Result<Expenditure> Record(Grant grant, ExpenditureDraft d, Func<Guid, long> lineSpentFen, Guid by, DateTimeOffset now)
    {
        if (grant.Status != GrantStatus.InExecution)
        {
            return Failure.IllegalTransition("funds.grant_not_running", grant.Status.ToString());
        }

        var errors = new List<Error>();
        GrantLine? line = null;
        if (string.IsNullOrWhiteSpace(d.Category))
        {
            errors.Add(new Error("validation.required", "category"));
        }
        else if ((line = grant.FindLine(d.Category)) is null)
        {
            errors.Add(new Error("funds.no_line_for_category", "category", d.Category));
        }

        if (d.SpentOn is null)
        {
            errors.Add(new Error("validation.required", "spentOn"));
        }
        else if (d.SpentOn < grant.PeriodFrom || d.SpentOn > grant.PeriodTo)
        {
            errors.Add(new Error("funds.outside_period", "spentOn", grant.PeriodFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), grant.PeriodTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Checks.Required(d.Payee, FieldLengths.OrganizationName, "payee", errors);
        Checks.MaxLength(d.Purpose, FieldLengths.Reason, "purpose", errors);
        var fen = FundMoney.PositiveFen(d.Amount, "amount", errors);
        if (fen is not null && line is not null)
        {
            var left = line.AmountFen - lineSpentFen(line.Id);
            if (fen > left)
            {
                errors.Add(new Error("funds.line_overspent", "amount", FundMoney.Yuan(left)));
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new Expenditure
        {
            Id = Guid.CreateVersion7(),
            GrantId = grant.Id,
            LineId = line!.Id,
            CenterId = grant.CenterId,
            Category = line.Category,
            SpentOn = d.SpentOn!.Value,
            Payee = d.Payee!.Trim(),
            Purpose = string.IsNullOrWhiteSpace(d.Purpose) ? null : d.Purpose.Trim(),
            AmountFen = fen!.Value,
            Amount = FundMoney.Yuan(fen.Value),
            RecordedBy = by,
            RecordedAt = now,
        };
    }

    /// <summary>冲销: a new entry of the opposite amount, with a reason; the original stays as it was.</summary>
    public Result<Expenditure> Reverse(string? reason, bool alreadyReversed, Guid by, DateTimeOffset now)
    {
        if (ReversesId is not null || alreadyReversed)
        {
            return Failure.IllegalTransition("funds.already_reversed");
        }

        var errors = new List<Error>();
        if (!Checks.Required(reason, FieldLengths.Reason, "reason", errors))
        {
            return Failure.Validation(errors);
        }

        return new Expenditure
        {
            Id = Guid.CreateVersion7(),
            GrantId = GrantId,
            LineId = LineId,
            CenterId = CenterId,
            Category = Category,
            SpentOn = SpentOn,
            Payee = Payee,
            Purpose = Purpose,
            AmountFen = -AmountFen,
            Amount = -Amount,
            ReversesId = Id,
            Reason = reason!.Trim(),
            RecordedBy = by,
            RecordedAt = now,
        };
    }
}
