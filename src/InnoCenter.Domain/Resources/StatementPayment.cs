using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;

namespace InnoCenter.Domain.Resources;

/// <summary>付款状态 of a monthly statement. Only Unpaid and Paid are ever stored; Overdue is computed on read, so it is never stale.</summary>
public enum StatementPaymentState
{
    Unpaid,
    Paid,
    Overdue,
}

/// <summary>
/// The payment record of one organisation's monthly statement (对账单): created when the resources' side records it paid,
/// with the date, the amount received and the bank reference. A statement is issued when its month ends (Beijing).
/// </summary>
public sealed class StatementPayment : IAudited, IVersioned
{
    private StatementPayment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    /// <summary>Unpaid or Paid as recorded; never Overdue (see <see cref="StateOf"/>).</summary>
    public StatementPaymentState Status { get; private set; } = StatementPaymentState.Unpaid;

    public DateOnly? PaidOn { get; private set; }

    /// <summary>The amount received, in yuan: the statement's total when it was recorded.</summary>
    public decimal? Amount { get; private set; }

    /// <summary>付款凭证号: the bank or invoice reference.</summary>
    public string? Reference { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public int Version { get; set; }

    public static StatementPayment Open(Guid organizationId, int year, int month) =>
        new() { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Year = year, Month = month };

    /// <summary>The Beijing date the statement is issued: the first day after its month.</summary>
    public static DateOnly IssuedOn(int year, int month) => new DateOnly(year, month, 1).AddMonths(1);

    /// <summary>The last day to pay: the pack's days after issue (the pack version in force on the issue date).</summary>
    public static DateOnly DueOn(int year, int month, ResourceRules rules) => IssuedOn(year, month).AddDays(rules.PaymentDaysAfterIssue);

    /// <summary>The state on a Beijing date: paid as recorded; unpaid with a charge and today past the due date is overdue.</summary>
    public static StatementPaymentState StateOf(StatementPaymentState? stored, decimal total, int year, int month, ResourceRules rules, DateOnly today) =>
        stored == StatementPaymentState.Paid ? StatementPaymentState.Paid
        : total > 0m && today > DueOn(year, month, rules) ? StatementPaymentState.Overdue
        : StatementPaymentState.Unpaid;

    /// <summary>Records the statement paid; the amount must be the statement's total to the fen (no part payments).</summary>
    public Result<bool> MarkPaid(DateOnly? paidOn, decimal? amount, decimal total, string? reference, Guid by, DateTimeOffset now, DateOnly today)
    {
        if (Status == StatementPaymentState.Paid)
        {
            return Failure.IllegalTransition("resources.statement_already_paid");
        }

        var errors = new List<Error>();
        if (paidOn is not { } on || on > today || on < new DateOnly(Year, Month, 1))
        {
            errors.Add(new Error("resources.paid_on_invalid", "paidOn"));
        }

        if (amount is not { } a || decimal.Round(a, 2) != a || a != total)
        {
            errors.Add(new Error("resources.payment_amount_mismatch", "amount", total.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > FieldLengths.TokenName)
        {
            errors.Add(new Error("resources.payment_reference_required", "reference"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        Status = StatementPaymentState.Paid;
        PaidOn = paidOn;
        Amount = amount;
        Reference = reference!.Trim();
        RecordedBy = by;
        RecordedAt = now;
        return true;
    }
}
