using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;

namespace InnoCenter.Domain.Tests.Resources;

/// <summary>The payment state of a March 2027 statement, issued 1 April 2027 (Beijing), under 30 and 60 payment days.</summary>
public sealed class StatementPaymentStateTests
{
    private static readonly ResourceRules Thirty = new() { PaymentDaysAfterIssue = 30 };
    private static readonly ResourceRules Sixty = new() { PaymentDaysAfterIssue = 60 };

    [Theory]
    [InlineData(30, "2027-05-01", StatementPaymentState.Unpaid)]
    [InlineData(30, "2027-05-02", StatementPaymentState.Overdue)]
    [InlineData(60, "2027-05-02", StatementPaymentState.Unpaid)]
    [InlineData(60, "2027-05-31", StatementPaymentState.Unpaid)]
    [InlineData(60, "2027-06-01", StatementPaymentState.Overdue)]
    public void An_unpaid_charged_statement_is_overdue_only_after_the_packs_days_from_its_issue(int days, string today, StatementPaymentState expected)
    {
        var rules = days == 30 ? Thirty : Sixty;

        Assert.Equal(expected, StatementPayment.StateOf(null, 400m, 2027, 3, rules, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_paid_statement_or_one_with_nothing_charged_is_never_overdue()
    {
        var late = new DateOnly(2028, 1, 1);

        Assert.Equal(StatementPaymentState.Paid, StatementPayment.StateOf(StatementPaymentState.Paid, 400m, 2027, 3, Thirty, late));
        Assert.Equal(StatementPaymentState.Unpaid, StatementPayment.StateOf(null, 0m, 2027, 3, Thirty, late));
    }

    [Fact]
    public void Recording_a_payment_needs_the_exact_total_a_date_within_reach_and_a_reference_and_happens_once()
    {
        var today = new DateOnly(2027, 4, 10);
        var p = StatementPayment.Open(Guid.NewGuid(), 2027, 3);

        var wrong = p.MarkPaid(new DateOnly(2027, 2, 28), 399.99m, 400m, " ", Guid.NewGuid(), DateTimeOffset.UtcNow, today);
        var right = p.MarkPaid(today, 400m, 400m, " HX-1 ", Guid.NewGuid(), DateTimeOffset.UtcNow, today);
        var twice = p.MarkPaid(today, 400m, 400m, "HX-2", Guid.NewGuid(), DateTimeOffset.UtcNow, today);

        Assert.Equal(["paidOn", "amount", "reference"], wrong.Failure!.Errors.Select(e => e.Field));
        Assert.True(right.IsSuccess);
        Assert.Equal((StatementPaymentState.Paid, "HX-1", 400m), (p.Status, p.Reference, p.Amount));
        Assert.Equal("resources.statement_already_paid", Assert.Single(twice.Failure!.Errors).Code);
    }
}
