using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Resources;

/// <summary>The payment state of a statement as the API and pages show it; a statement never recorded has version 0.</summary>
public sealed record StatementPaymentDto(
    Guid OrganizationId, int Year, int Month, decimal Total, StatementPaymentState State, DateOnly IssuedOn, DateOnly DueOn,
    DateOnly? PaidOn, decimal? Amount, string? Reference, int Version);

public sealed record StatementPaymentRequest
{
    public DateOnly? PaidOn { get; init; }

    /// <summary>The amount received in yuan; it must be the statement's total.</summary>
    public decimal? Amount { get; init; }

    public string? Reference { get; init; }

    /// <summary>The version read with the payment state (0 for a statement never recorded).</summary>
    public int? Version { get; init; }
}

/// <summary>One organisation's statement in the list of a month's statements.</summary>
public sealed record StatementListRow(Guid OrganizationId, string OrganizationName, decimal Total, StatementPaymentState State, DateOnly DueOn, DateOnly? PaidOn, string? Reference);

/// <summary>
/// 付款状态 of the monthly statements: read beside the statement; recorded paid (version-checked) by an Admin or by the
/// users who run every resource charged on it — never by the paying organisation itself; a month's statements listed by
/// state. Overdue is computed on every read from paymentDaysAfterIssue of the pack version in force on the issue date.
/// </summary>
public sealed class StatementPayments(AppDbContext db, ResourceAccess access, ResourceFigures figures, OverdueStatements overdue, TimeProvider clock)
{
    public async Task<Result<StatementPaymentDto>> GetAsync(Guid organizationId, int year, int month, CancellationToken ct)
    {
        var statement = await figures.StatementAsync(organizationId, year, month, ct);
        if (!statement.IsSuccess)
        {
            return statement.Failure!;
        }

        return await OfStatementAsync(statement.Value, ct);
    }

    /// <summary>The payment state of a statement the caller has already read (and was allowed to), without reading it again.</summary>
    public async Task<StatementPaymentDto> OfStatementAsync(Statement statement, CancellationToken ct)
    {
        var (organizationId, year, month) = (statement.OrganizationId, statement.Year, statement.Month);
        var row = await db.ResourceStatementPayments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.OrganizationId == organizationId && p.Year == year && p.Month == month, ct);
        return Dto(organizationId, year, month, statement.Total, row, await RulesForAsync(year, month, ct));
    }

    /// <summary>Whether the user may record this statement paid: an Admin, or whoever runs every resource charged on it, never the payer.</summary>
    public async Task<bool> CanRecordAsync(Guid organizationId, int year, int month, CancellationToken ct) =>
        access.IsAdmin
        || (access.OrganizationId is { } own && own != organizationId && await figures.ManagesAllChargesAsync(organizationId, year, month, ct));

    public async Task<Result<StatementPaymentDto>> RecordPaidAsync(Guid organizationId, int year, int month, StatementPaymentRequest request, CancellationToken ct)
    {
        if (year is < 2000 or > 2200 || month is < 1 or > 12)
        {
            return access.IsAdmin ? Failure.Validation(new Error("resources.month_invalid", "month")) : Failure.Forbidden();
        }

        if (!await CanRecordAsync(organizationId, year, month, ct))
        {
            return Failure.Forbidden();
        }

        var totalFen = await figures.StatementQuery(organizationId, year, month).SumAsync(b => b.ChargeFen, ct);
        if (totalFen <= 0)
        {
            return Failure.IllegalTransition("resources.statement_nothing_to_pay");
        }

        var row = await db.ResourceStatementPayments
            .FirstOrDefaultAsync(p => p.OrganizationId == organizationId && p.Year == year && p.Month == month, ct);
        if ((row?.Version ?? 0) != (request.Version ?? -1))
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        if (row is null)
        {
            row = StatementPayment.Open(organizationId, year, month);
            db.ResourceStatementPayments.Add(row);
        }

        var today = clock.TodayInBeijing();
        var marked = row.MarkPaid(request.PaidOn, request.Amount, totalFen / 100m, request.Reference, access.UserId!.Value, clock.GetUtcNow(), today);
        if (!marked.IsSuccess)
        {
            return marked.Failure!;
        }

        try
        {
            if (await db.SaveVersionedAsync(ct) is { } lost)
            {
                return lost;
            }
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two first recordings of one statement raced; the second lost.
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        return Dto(organizationId, year, month, totalFen / 100m, row, await RulesForAsync(year, month, ct));
    }

    /// <summary>
    /// A month's statements with a charge, with their state, a page at a time (not paid first where the month is not yet
    /// due, paid first once it is overdue; then by name): all of them for an Admin; for others, those they may record
    /// paid. The state is filtered by the database: a statement is paid by its row, and every unpaid statement of a
    /// month is overdue or not together (they share the due date), so the computed state is a question of the month.
    /// </summary>
    public async Task<Result<PagedResult<StatementListRow>>> ListAsync(int year, int month, StatementPaymentState? state, int? page, int? pageSize, CancellationToken ct)
    {
        if (!access.IsAdmin && access.OrganizationId is null)
        {
            return Failure.Forbidden();
        }

        if (year is < 2000 or > 2200 || month is < 1 or > 12)
        {
            return Failure.Validation(new Error("resources.month_invalid", "month"));
        }

        var (p, size) = Paging.Normalize(page, pageSize);
        var rules = await RulesForAsync(year, month, ct);
        var dueOn = StatementPayment.DueOn(year, month, rules);
        var notPaid = clock.TodayInBeijing() > dueOn ? StatementPaymentState.Overdue : StatementPaymentState.Unpaid;
        if (state is { } asked && asked != StatementPaymentState.Paid && asked != notPaid)
        {
            return new PagedResult<StatementListRow>([], p, size, 0);
        }

        // The month's charge per payer is kept by the booking writes (ResourceChargeKeeper): one row per payer, not the
        // month's charged bookings grouped on every request.
        var charges = db.ResourceMonthCharges.AsNoTracking().Where(c => c.Year == year && c.Month == month);
        if (!access.IsAdmin)
        {
            // Payers with a charge on something the user runs, kept only where the user runs all their charges: decided
            // in memory over the (payer, center, owner) groups of the few payers concerned, then read like the Admin's.
            var charged = figures.StatementQuery(null, year, month).Where(b => b.ChargeFen > 0);
            var own = access.OrganizationId!.Value;
            var edited = await access.CentersEditedAsync(ct);
            var payers = charged.Where(b => b.OwnerOrganizationId == own || edited.Contains(b.CenterId)).Select(b => b.BookerOrganizationId);
            var groups = await charged.Where(b => b.BookerOrganizationId != own && payers.Contains(b.BookerOrganizationId))
                .GroupBy(b => new { b.BookerOrganizationId, b.CenterId, b.OwnerOrganizationId })
                .Select(g => new { g.Key.BookerOrganizationId, g.Key.CenterId, g.Key.OwnerOrganizationId })
                .ToListAsync(ct);
            var manages = await access.ManagerAsync(ct);
            var kept = groups.GroupBy(g => g.BookerOrganizationId)
                .Where(payer => payer.All(x => manages(x.CenterId, x.OwnerOrganizationId)))
                .Select(payer => payer.Key).ToList();
            charges = charges.Where(c => kept.Contains(c.PayerOrganizationId));
        }

        // The kept rows carry the payer's name and whether it paid, indexed (year, month, paid, name, payer): a page is
        // read one payment group at a time in name order from the index, without joining or sorting the month's payers.
        var paidFirst = notPaid == StatementPaymentState.Overdue;
        var counts = await charges.GroupBy(c => c.Paid).Select(g => new { Paid = g.Key, Count = g.Count() }).ToListAsync(ct);
        int CountOf(bool paid) => counts.Where(c => c.Paid == paid).Sum(c => c.Count);
        IQueryable<ResourceMonthCharge> Group(bool paid) => charges.Where(c => c.Paid == paid).OrderBy(c => c.PayerName).ThenBy(c => c.PayerOrganizationId);
        bool[] order = state switch
        {
            StatementPaymentState.Paid => [true],
            null => [paidFirst, !paidFirst],
            _ => [false],
        };
        var total = order.Sum(CountOf);
        var skip = (p - 1) * size;
        var items = new List<ResourceMonthCharge>();
        foreach (var g in order)
        {
            var inGroup = CountOf(g);
            if (items.Count < size && skip < inGroup)
            {
                items.AddRange(await Group(g).Skip(skip).Take(size - items.Count).ToListAsync(ct));
            }

            skip = Math.Max(0, skip - inGroup);
        }

        var ids = items.Select(i => i.PayerOrganizationId).ToList();
        var payments = await db.ResourceStatementPayments.AsNoTracking()
            .Where(x => x.Year == year && x.Month == month && ids.Contains(x.OrganizationId))
            .ToDictionaryAsync(x => x.OrganizationId, ct);
        var list = items.Select(i => Dto(i.PayerOrganizationId, year, month, i.ChargeFen / 100m, payments.GetValueOrDefault(i.PayerOrganizationId), rules))
            .Select((d, n) => new StatementListRow(d.OrganizationId, items[n].PayerName, d.Total, d.State, d.DueOn, d.PaidOn, d.Reference))
            .ToList();
        return new PagedResult<StatementListRow>(list, p, size, total);
    }

    /// <summary>The months (oldest first, up to a year back) whose statement of the organisation is overdue today.</summary>
    public async Task<IReadOnlyList<(int Year, int Month)>> OverdueMonthsAsync(Guid organizationId, CancellationToken ct) =>
        (await overdue.ListAsync(organizationId, ct)).Select(s => (s.Year, s.Month)).ToList();

    private Task<ResourceRules> RulesForAsync(int year, int month, CancellationToken ct) => overdue.RulesForAsync(year, month, ct);

    private StatementPaymentDto Dto(Guid organizationId, int year, int month, decimal total, StatementPayment? row, ResourceRules rules)
    {
        var state = StatementPayment.StateOf(row?.Status, total, year, month, rules, clock.TodayInBeijing());
        return new StatementPaymentDto(organizationId, year, month, total, state, StatementPayment.IssuedOn(year, month),
            StatementPayment.DueOn(year, month, rules), row?.PaidOn, row?.Amount, row?.Reference, row?.Version ?? 0);
    }
}
