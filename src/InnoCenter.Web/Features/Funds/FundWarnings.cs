using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// The fund warnings (预警), computed set-based for all grants at once: one query per warning kind and pack version in
/// use, each filtering in the database over the fen sums, so the board costs the same few queries for ten grants or
/// ten thousand. Thresholds come from the pack version each grant began under.
/// </summary>
public sealed class FundWarnings(AppDbContext db, PolicyVersions versions, Text text, TimeProvider clock)
{
    public const string NearLimit = "near-limit";
    public const string Overspent = "overspent";
    public const string Idle = "idle";
    public const string LowExecution = "low-execution";
    public const string Matching = "matching";
    public const string CarryOver = "carry-over";

    public static readonly IReadOnlyList<string> Kinds = [Overspent, NearLimit, Idle, LowExecution, Matching, CarryOver];

    private sealed class Totals
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = string.Empty;
        public Guid CenterId { get; init; }
        public string CenterName { get; init; } = string.Empty;
        public DateOnly PeriodTo { get; init; }
        public GrantStatus Status { get; init; }
        public long Received { get; init; }
        public long Spent { get; init; }
        public long Clawed { get; init; }
        public DateOnly? LastSpent { get; init; }
        public DateOnly? FirstReceived { get; init; }
    }

    /// <summary>Every live warning, optionally of one kind or of some centers only.</summary>
    public async Task<IReadOnlyList<FundWarning>> AllAsync(string? kind, IReadOnlyList<Guid>? centers, CancellationToken ct) =>
        await ComputeAsync(db.FundGrants.AsNoTracking().Where(g => centers == null || centers.Contains(g.CenterId)), kind, ct);

    /// <summary>
    /// The live warnings of one grant from its kept sums (<see cref="FundFigures.KeptSumsAsync"/>), with no query: the
    /// same rules and arguments as the set-based queries below, applied to one grant's figures in memory, in the board's
    /// order. <c>FundGrantSumsTests</c> holds the two to the same answer after a random mix of writes.
    /// </summary>
    public IReadOnlyList<FundWarning> ForGrant(Grant g, string centerName, FundFigures.Sums sums, FundRules rules)
    {
        if (g.Status is not (GrantStatus.InExecution or GrantStatus.Accepted) || !rules.IsConfigured)
        {
            return [];
        }

        var today = clock.TodayInBeijing();
        var en = LocalizationSetup.IsEnglish;
        var running = g.Status == GrantStatus.InExecution;
        var found = new List<FundWarning>();
        FundWarning Warn(string kind, string? subject, decimal? figure, params object[] args) =>
            new(g.Id, g.Title, g.CenterId, centerName, kind, text[$"funds.warning.{kind}", args], subject, figure);

        var nearBasisPoints = (long)(rules.Warnings.NearLimitPercent * 100);
        foreach (var l in g.Lines.OrderBy(l => rules.Categories.ToList().FindIndex(c => c.Code == l.Category)))
        {
            var spentOnLine = sums.SpentByLine.GetValueOrDefault(l.Id);
            if (spentOnLine * 10000 >= l.AmountFen * nearBasisPoints)
            {
                var label = rules.Categories.LabelOf(l.Category, en);
                var percent = FundMoney.Percent(spentOnLine, l.AmountFen);
                found.Add(Warn(spentOnLine > l.AmountFen ? Overspent : NearLimit, label, percent, label, percent ?? 0m, rules.Warnings.NearLimitPercent));
            }
        }

        var (received, spent) = (sums.ReceivedFen, sums.SpentFen);
        var balance = received - spent - sums.ClawedBackFen;
        var idleSince = today.AddDays(-rules.Warnings.IdleDays);
        if (running && balance > 0
            && ((sums.LastSpentOn != null && sums.LastSpentOn < idleSince) || (sums.LastSpentOn == null && sums.FirstReceivedOn != null && sums.FirstReceivedOn < idleSince)))
        {
            found.Add(Warn(Idle, null, FundMoney.Yuan(balance), rules.Warnings.IdleDays, FundMoney.Yuan(balance)));
        }

        var lowBasisPoints = (long)(rules.Warnings.LowExecutionPercent * 100);
        if (running && g.PeriodTo >= today && g.PeriodTo <= today.AddMonths(rules.Warnings.LowExecutionMonthsBeforeEnd)
            && received > 0 && spent * 10000 < received * lowBasisPoints)
        {
            found.Add(Warn(LowExecution, null, FundMoney.Percent(spent, received), FundMoney.Percent(spent, received) ?? 0m, rules.Warnings.LowExecutionPercent, g.PeriodTo));
        }

        if (g.PeriodTo < today.AddYears(-rules.Warnings.CarryOverYears) && balance > 0)
        {
            found.Add(Warn(CarryOver, null, FundMoney.Yuan(balance), FundMoney.Yuan(balance), rules.Warnings.CarryOverYears));
        }

        if (running)
        {
            var fiscal = rules.Matching.FiscalSource;
            var (pf, rf) = (sums.PlannedBySource.GetValueOrDefault(fiscal), sums.ReceivedBySource.GetValueOrDefault(fiscal));
            var tolerance = (double)rules.Matching.TolerancePercent;
            foreach (var source in rules.Matching.MatchedSources)
            {
                var (ps, rs) = (sums.PlannedBySource.GetValueOrDefault(source), sums.ReceivedBySource.GetValueOrDefault(source));
                if (pf > 0 && ps > 0 && (double)rs * 100 / ps < (double)rf * 100 / pf - tolerance)
                {
                    var label = rules.Sources.LabelOf(source, en);
                    found.Add(Warn(Matching, label, FundMoney.Percent(rs, ps), label, FundMoney.Percent(rs, ps) ?? 0m, FundMoney.Percent(rf, pf) ?? 0m));
                }
            }
        }

        return found.OrderBy(w => Kinds.ToList().IndexOf(w.Kind)).ToList();
    }

    private async Task<IReadOnlyList<FundWarning>> ComputeAsync(IQueryable<Grant> scope, string? kind, CancellationToken ct)
    {
        var live = scope.Where(g => g.Status == GrantStatus.InExecution || g.Status == GrantStatus.Accepted);
        var packs = await live.Select(g => new { g.PolicyCode, g.PolicyVersion }).Distinct().ToListAsync(ct);
        var today = clock.TodayInBeijing();
        var en = LocalizationSetup.IsEnglish;
        var found = new List<FundWarning>();
        foreach (var key in packs)
        {
            var pack = await versions.ForCaseAsync(key.PolicyCode, key.PolicyVersion, ct);
            var rules = pack.Funds;
            if (!rules.IsConfigured)
            {
                continue;
            }

            var grants = live.Where(g => g.PolicyCode == key.PolicyCode && g.PolicyVersion == key.PolicyVersion);
            bool Wanted(string k) => kind is null || kind == k;
            if (Wanted(Overspent) || Wanted(NearLimit))
            {
                found.AddRange(await LinesAsync(grants, rules, en, kind, ct));
            }

            var totals = TotalsOf(grants);
            if (Wanted(Idle))
            {
                var idleSince = today.AddDays(-rules.Warnings.IdleDays);
                var rows = await totals.Where(t => t.Status == GrantStatus.InExecution && t.Received - t.Spent - t.Clawed > 0
                        && ((t.LastSpent != null && t.LastSpent < idleSince) || (t.LastSpent == null && t.FirstReceived != null && t.FirstReceived < idleSince)))
                    .ToListAsync(ct);
                found.AddRange(rows.Select(t => Warn(t, Idle, null, FundMoney.Yuan(t.Received - t.Spent - t.Clawed), rules.Warnings.IdleDays, FundMoney.Yuan(t.Received - t.Spent - t.Clawed))));
            }

            if (Wanted(LowExecution))
            {
                var near = today.AddMonths(rules.Warnings.LowExecutionMonthsBeforeEnd);
                var basisPoints = (long)(rules.Warnings.LowExecutionPercent * 100);
                var rows = await totals.Where(t => t.Status == GrantStatus.InExecution && t.PeriodTo >= today && t.PeriodTo <= near
                        && t.Received > 0 && t.Spent * 10000 < t.Received * basisPoints)
                    .ToListAsync(ct);
                found.AddRange(rows.Select(t => Warn(t, LowExecution, null, FundMoney.Percent(t.Spent, t.Received), FundMoney.Percent(t.Spent, t.Received) ?? 0m, rules.Warnings.LowExecutionPercent, t.PeriodTo)));
            }

            if (Wanted(CarryOver))
            {
                var limit = today.AddYears(-rules.Warnings.CarryOverYears);
                var rows = await totals.Where(t => t.PeriodTo < limit && t.Received - t.Spent - t.Clawed > 0).ToListAsync(ct);
                found.AddRange(rows.Select(t => Warn(t, CarryOver, null, FundMoney.Yuan(t.Received - t.Spent - t.Clawed), FundMoney.Yuan(t.Received - t.Spent - t.Clawed), rules.Warnings.CarryOverYears)));
            }

            if (Wanted(Matching))
            {
                found.AddRange(await MatchingAsync(grants, rules, en, ct));
            }
        }

        return found.OrderBy(w => Kinds.ToList().IndexOf(w.Kind)).ThenBy(w => w.CenterName).ThenBy(w => w.GrantTitle).ToList();
    }

    private IQueryable<Totals> TotalsOf(IQueryable<Grant> grants) =>
        from g in grants
        join c in db.Centers on g.CenterId equals c.Id
        select new Totals
        {
            Id = g.Id,
            Title = g.Title,
            CenterId = g.CenterId,
            CenterName = c.Name,
            PeriodTo = g.PeriodTo,
            Status = g.Status,
            Received = db.FundReceipts.Where(r => r.GrantId == g.Id).Sum(r => (long?)r.AmountFen) ?? 0,
            Spent = db.FundExpenditures.Where(e => e.GrantId == g.Id).Sum(e => (long?)e.AmountFen) ?? 0,
            Clawed = db.FundClawbacks.Where(x => x.GrantId == g.Id).Sum(x => (long?)x.AmountFen) ?? 0,
            LastSpent = db.FundExpenditures.Where(e => e.GrantId == g.Id).Max(e => (DateOnly?)e.SpentOn),
            FirstReceived = db.FundReceipts.Where(r => r.GrantId == g.Id).Min(r => (DateOnly?)r.ReceivedOn),
        };

    private async Task<IEnumerable<FundWarning>> LinesAsync(IQueryable<Grant> grants, FundRules rules, bool en, string? kind, CancellationToken ct)
    {
        var basisPoints = (long)(rules.Warnings.NearLimitPercent * 100);
        var rows = await (
                from l in db.FundGrantLines
                join g in grants on l.GrantId equals g.Id
                join c in db.Centers on g.CenterId equals c.Id
                let spent = db.FundExpenditures.Where(e => e.LineId == l.Id).Sum(e => (long?)e.AmountFen) ?? 0
                where spent * 10000 >= l.AmountFen * basisPoints
                select new { g.Id, g.Title, g.CenterId, CenterName = c.Name, g.PeriodTo, g.Status, l.Category, l.AmountFen, Spent = spent })
            .ToListAsync(ct);
        return rows
            .Select(r => new { r, Kind = r.Spent > r.AmountFen ? Overspent : NearLimit })
            .Where(x => kind is null || x.Kind == kind)
            .Select(x => new FundWarning(
                x.r.Id, x.r.Title, x.r.CenterId, x.r.CenterName, x.Kind,
                text[$"funds.warning.{x.Kind}", rules.Categories.LabelOf(x.r.Category, en), FundMoney.Percent(x.r.Spent, x.r.AmountFen) ?? 0m, rules.Warnings.NearLimitPercent],
                rules.Categories.LabelOf(x.r.Category, en), FundMoney.Percent(x.r.Spent, x.r.AmountFen)));
    }

    private async Task<IEnumerable<FundWarning>> MatchingAsync(IQueryable<Grant> grants, FundRules rules, bool en, CancellationToken ct)
    {
        var fiscal = rules.Matching.FiscalSource;
        var tolerance = (double)rules.Matching.TolerancePercent;
        var found = new List<FundWarning>();
        foreach (var source in rules.Matching.MatchedSources)
        {
            var rows = await (
                    from g in grants.Where(g => g.Status == GrantStatus.InExecution)
                    join c in db.Centers on g.CenterId equals c.Id
                    let pf = db.FundGrantLineShares.Where(s => s.GrantId == g.Id && s.Source == fiscal).Sum(s => (long?)s.AmountFen) ?? 0
                    let rf = db.FundReceipts.Where(r => r.GrantId == g.Id && r.Source == fiscal).Sum(r => (long?)r.AmountFen) ?? 0
                    let ps = db.FundGrantLineShares.Where(s => s.GrantId == g.Id && s.Source == source).Sum(s => (long?)s.AmountFen) ?? 0
                    let rs = db.FundReceipts.Where(r => r.GrantId == g.Id && r.Source == source).Sum(r => (long?)r.AmountFen) ?? 0
                    where pf > 0 && ps > 0 && (double)rs * 100 / ps < (double)rf * 100 / pf - tolerance
                    select new { g.Id, g.Title, g.CenterId, CenterName = c.Name, pf, rf, ps, rs })
                .ToListAsync(ct);
            found.AddRange(rows.Select(r => new FundWarning(
                r.Id, r.Title, r.CenterId, r.CenterName, Matching,
                text[$"funds.warning.{Matching}", rules.Sources.LabelOf(source, en), FundMoney.Percent(r.rs, r.ps) ?? 0m, FundMoney.Percent(r.rf, r.pf) ?? 0m],
                rules.Sources.LabelOf(source, en), FundMoney.Percent(r.rs, r.ps))));
        }

        return found;
    }

    private FundWarning Warn(Totals t, string kind, string? subject, decimal? figure, params object[] args) =>
        new(t.Id, t.Title, t.CenterId, t.CenterName, kind, text[$"funds.warning.{kind}", args], subject, figure);
}
