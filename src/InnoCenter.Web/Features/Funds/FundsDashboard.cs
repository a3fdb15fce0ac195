using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

public sealed record FundsDashboardDto(
    IReadOnlyList<int> Years, IReadOnlyList<FundSeries> ReceivedBySource, IReadOnlyList<FundSeries> SpentByCategory,
    IReadOnlyList<decimal?> ExecutionRate, IReadOnlyList<WarningCount> OpenWarnings);

/// <summary>One line of a chart: a label and a value per year (yuan).</summary>
public sealed record FundSeries(string Code, string Label, IReadOnlyList<decimal> Values);

public sealed record WarningCount(string Kind, string Label, int Count);

/// <summary>
/// 资金看板: money received by source and spent by category per year, the execution rate up to each year's end and the
/// open warnings by kind, over all grants: the kept yearly totals (<see cref="FundYearTotal"/>) and one count of the
/// stored warnings, in two queries.
/// </summary>
public sealed class FundsDashboard(AppDbContext db, FundsAccess access, PolicyProvider policy, Text text, TimeProvider clock)
{
    /// <summary>How many years back from this one the charts show.</summary>
    private const int YearsShown = 5;

    public async Task<Result<FundsDashboardDto>> GetAsync(CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var rules = policy.Current.Funds;
        var en = LocalizationSetup.IsEnglish;
        var thisYear = clock.TodayInBeijing().Year;
        var years = Enumerable.Range(thisYear - YearsShown + 1, YearsShown).ToList();
        var received = new Dictionary<string, decimal[]>();
        var spent = new Dictionary<string, decimal[]>();
        var rates = new List<decimal?>();

        // Kept by the writes (FundTotalsKeeper): a row per year, kind and code, not the entries; every year up to this
        // one, since the execution rate up to a year's end needs the years before the charts too.
        var totals = await db.FundYearTotals.AsNoTracking().Where(t => t.Year > FundYearTotal.RebuildPendingYear && t.Year <= thisYear)
            .Select(t => new { t.Year, t.Kind, t.Code, t.Fen }).ToListAsync(ct);
        var receipts = totals.Where(t => t.Kind == FundYearTotal.Received).ToList();
        var expenditures = totals.Where(t => t.Kind == FundYearTotal.Spent).ToList();
        for (var i = 0; i < years.Count; i++)
        {
            var year = years[i];
            foreach (var s in receipts.Where(r => r.Year == year))
            {
                (received.TryGetValue(s.Code, out var v) ? v : received[s.Code] = new decimal[years.Count])[i] = FundMoney.Yuan(s.Fen);
            }

            foreach (var c in expenditures.Where(e => e.Year == year))
            {
                (spent.TryGetValue(c.Code, out var v) ? v : spent[c.Code] = new decimal[years.Count])[i] = FundMoney.Yuan(c.Fen);
            }

            rates.Add(FundMoney.Percent(expenditures.Where(e => e.Year <= year).Sum(e => e.Fen), receipts.Where(r => r.Year <= year).Sum(r => r.Fen)));
        }

        var warnings = await db.FundWarningRecords.AsNoTracking().Where(w => w.ResolvedAt == null)
            .GroupBy(w => w.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new FundsDashboardDto(
            years,
            Order(received, rules.Sources.Select(s => s.Code)).Select(kv => new FundSeries(kv.Key, rules.Sources.LabelOf(kv.Key, en), kv.Value)).ToList(),
            Order(spent, rules.Categories.Select(c => c.Code)).Select(kv => new FundSeries(kv.Key, rules.Categories.LabelOf(kv.Key, en), kv.Value)).ToList(),
            rates,
            FundWarnings.Kinds.Select(k => new WarningCount(k, text["funds.warning_kind." + k], warnings.GetValueOrDefault(k))).ToList());
    }

    /// <summary>The pack's order first, then any code a later pack dropped.</summary>
    private static IEnumerable<KeyValuePair<string, decimal[]>> Order(Dictionary<string, decimal[]> series, IEnumerable<string> codes)
    {
        var order = codes.ToList();
        return series.OrderBy(kv => order.IndexOf(kv.Key) is var i && i >= 0 ? i : int.MaxValue).ThenBy(kv => kv.Key, StringComparer.Ordinal);
    }
}
