using System.Linq.Expressions;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>One organisation's statement of a month that is overdue today, with its total and due date.</summary>
public sealed record OverdueStatement(Guid OrganizationId, int Year, int Month, long TotalFen, DateOnly DueOn)
{
    public decimal Total => TotalFen / 100m;
}

/// <summary>
/// The statements overdue today over the last year, for one payer (the workbench) or for all (the reminder job), in a
/// bounded number of queries whatever the number of payers and months: the charges summed by payer and month in one
/// grouped query, the recorded payments in one, and the pack versions in force on the issue dates from one read of the
/// small pack table. Overdue as <see cref="StatementPayment.StateOf"/> says: charged, not recorded paid, past its due date.
/// </summary>
public sealed class OverdueStatements(AppDbContext db, PolicyProvider policy, PolicyVersions versions, TimeProvider clock)
{
    /// <summary>How many months back overdue statements are looked for.</summary>
    public const int LookBackMonths = 12;

    /// <summary>Oldest first, then by organisation; <paramref name="organizationId"/> null means every payer.</summary>
    public async Task<IReadOnlyList<OverdueStatement>> ListAsync(Guid? organizationId, CancellationToken ct)
    {
        var today = clock.TodayInBeijing();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = Enumerable.Range(0, LookBackMonths).Select(i => thisMonth.AddMonths(i - LookBackMonths)).ToList();
        var dueOn = await DueDatesAsync(months, ct);
        var pastDue = Enumerable.Range(0, months.Count).Where(i => today > dueOn[i]).ToList();
        if (pastDue.Count == 0)
        {
            return [];
        }

        // Only the months already past due are read: from the first of them to the end of the last.
        var first = months[pastDue[0]];
        var last = months[pastDue[^1]];
        var (from, _) = ResourceFigures.MonthBounds(first.Year, first.Month);
        var (_, to) = ResourceFigures.MonthBounds(last.Year, last.Month);
        var starts = months.Select(m => ResourceFigures.MonthBounds(m.Year, m.Month).From).ToList();
        var charged = ResourceFigures.Charged(db.ResourceBookings.AsNoTracking()).Where(b => b.ChargeFen > 0 && b.Starts >= from && b.Starts < to);
        if (organizationId is { } org)
        {
            charged = charged.Where(b => b.BookerOrganizationId == org);
        }

        var sums = await charged
            .Select(MonthOf(starts))
            .GroupBy(x => new { x.Organization, x.Month })
            .Select(g => new { g.Key.Organization, g.Key.Month, Fen = g.Sum(x => x.Fen) })
            .ToListAsync(ct);

        var firstKey = (first.Year * 12) + first.Month;
        var lastKey = (last.Year * 12) + last.Month;
        var paidQuery = db.ResourceStatementPayments.AsNoTracking()
            .Where(p => p.Status == StatementPaymentState.Paid && (p.Year * 12) + p.Month >= firstKey && (p.Year * 12) + p.Month <= lastKey);
        if (organizationId is { } payer)
        {
            paidQuery = paidQuery.Where(p => p.OrganizationId == payer);
        }

        var paid = (await paidQuery.Select(p => new { p.OrganizationId, p.Year, p.Month }).ToListAsync(ct))
            .Select(p => (p.OrganizationId, p.Year, p.Month)).ToHashSet();
        return sums
            .Where(s => s.Fen > 0 && today > dueOn[s.Month])
            .Select(s => new OverdueStatement(s.Organization, months[s.Month].Year, months[s.Month].Month, s.Fen, dueOn[s.Month]))
            .Where(s => !paid.Contains((s.OrganizationId, s.Year, s.Month)))
            .OrderBy(s => s.Year).ThenBy(s => s.Month).ThenBy(s => s.OrganizationId)
            .ToList();
    }

    /// <summary>
    /// The resource rules a statement is judged by: the pack version in force (for this platform's pack code) on the day
    /// the statement is issued; the pack in force now for a statement not issued yet or issued before any stored version.
    /// </summary>
    public async Task<ResourceRules> RulesForAsync(int year, int month, CancellationToken ct) =>
        (await RulesForAsync([new DateOnly(year, month, 1)], ct))[0];

    /// <summary>The rules of each month's statement (see <see cref="RulesForAsync(int, int, CancellationToken)"/>), from one read of the pack table.</summary>
    private async Task<IReadOnlyList<ResourceRules>> RulesForAsync(IReadOnlyList<DateOnly> months, CancellationToken ct)
    {
        var current = policy.Current;
        var today = clock.TodayInBeijing();
        var applied = await db.PolicyPacks.AsNoTracking().Where(p => p.Code == current.Code && p.AppliedAt != null)
            .Select(p => new { p.Version, p.EffectiveFrom, p.AppliedAt }).ToListAsync(ct);
        var result = new List<ResourceRules>(months.Count);
        foreach (var m in months)
        {
            var issued = StatementPayment.IssuedOn(m.Year, m.Month);
            if (issued > today)
            {
                result.Add(current.Resources);
                continue;
            }

            // As PolicyVersions.InForce orders them: the latest start that has begun, then the one applied last.
            var version = applied.Where(p => p.EffectiveFrom <= issued)
                .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.AppliedAt).Select(p => p.Version).FirstOrDefault();
            result.Add((await versions.ForCaseAsync(current.Code, version, ct)).Resources);
        }

        return result;
    }

    private async Task<IReadOnlyList<DateOnly>> DueDatesAsync(IReadOnlyList<DateOnly> months, CancellationToken ct)
    {
        var rules = await RulesForAsync(months, ct);
        return months.Select((m, i) => StatementPayment.DueOn(m.Year, m.Month, rules[i])).ToList();
    }

    private sealed class Charge
    {
        public Guid Organization { get; init; }

        public int Month { get; init; }

        public long Fen { get; init; }
    }

    /// <summary>
    /// Each booking with the index of the month (Beijing) it started in, as one CASE expression over the months' first
    /// instants, so the database groups by month on both engines (no date functions, which differ between them).
    /// </summary>
    private static Expression<Func<ResourceBooking, Charge>> MonthOf(IReadOnlyList<DateTimeOffset> monthStarts)
    {
        var b = Expression.Parameter(typeof(ResourceBooking), "b");
        var starts = Expression.Property(b, nameof(ResourceBooking.Starts));
        Expression month = Expression.Constant(0);
        for (var i = 1; i < monthStarts.Count; i++)
        {
            month = Expression.Condition(Expression.GreaterThanOrEqual(starts, Expression.Constant(monthStarts[i])), Expression.Constant(i), month);
        }

        var charge = Expression.MemberInit(
            Expression.New(typeof(Charge)),
            Expression.Bind(typeof(Charge).GetProperty(nameof(Charge.Organization))!, Expression.Property(b, nameof(ResourceBooking.BookerOrganizationId))),
            Expression.Bind(typeof(Charge).GetProperty(nameof(Charge.Month))!, month),
            Expression.Bind(typeof(Charge).GetProperty(nameof(Charge.Fen))!, Expression.Property(b, nameof(ResourceBooking.ChargeFen))));
        return Expression.Lambda<Func<ResourceBooking, Charge>>(charge, b);
    }
}
