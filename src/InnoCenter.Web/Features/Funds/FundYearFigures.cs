using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>
/// A center's fund figures for a year (<see cref="FundFigureKeys"/>), over its grants that run in the year and are past
/// the draft: money received and spent in the year, and the execution rate up to the year's end (spent ÷ received,
/// both cumulative). Every sum is taken by the database over the whole-fen columns, grouped by center.
/// </summary>
public sealed class FundYearFigures(AppDbContext db)
{
    private const decimal FenPerWan = 1_000_000m;

    public async Task<IReadOnlyDictionary<string, decimal>> ForCenterYearAsync(Guid centerId, int year, CancellationToken ct) =>
        (await ComputeAsync(year, centerId, ct)).GetValueOrDefault(centerId) ?? Empty;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ForYearAsync(int year, CancellationToken ct) =>
        await ComputeAsync(year, null, ct);

    private static readonly IReadOnlyDictionary<string, decimal> Empty = new Dictionary<string, decimal>();

    private async Task<Dictionary<Guid, IReadOnlyDictionary<string, decimal>>> ComputeAsync(int year, Guid? only, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var grants = db.FundGrants.AsNoTracking()
            .Where(g => g.Status != GrantStatus.Draft && g.PeriodFrom <= end && g.PeriodTo >= start && (only == null || g.CenterId == only));
        var receipts = db.FundReceipts.AsNoTracking().Join(grants, r => r.GrantId, g => g.Id, (r, g) => new { g.CenterId, r.ReceivedOn, r.AmountFen });
        var spending = db.FundExpenditures.AsNoTracking().Where(e => grants.Any(g => g.Id == e.GrantId));

        var receivedYear = await receipts.Where(r => r.ReceivedOn >= start && r.ReceivedOn <= end)
            .GroupBy(r => r.CenterId).Select(g => new { g.Key, Fen = g.Sum(r => r.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var receivedToEnd = await receipts.Where(r => r.ReceivedOn <= end)
            .GroupBy(r => r.CenterId).Select(g => new { g.Key, Fen = g.Sum(r => r.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var spentYear = await spending.Where(e => e.SpentOn >= start && e.SpentOn <= end)
            .GroupBy(e => e.CenterId).Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var spentToEnd = await spending.Where(e => e.SpentOn <= end)
            .GroupBy(e => e.CenterId).Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);

        var result = new Dictionary<Guid, IReadOnlyDictionary<string, decimal>>();
        foreach (var center in receivedToEnd.Keys.Union(spentToEnd.Keys))
        {
            var received = receivedToEnd.GetValueOrDefault(center);
            var figures = new Dictionary<string, decimal>(StringComparer.Ordinal)
            {
                [FundFigureKeys.ReceivedWan] = Math.Round(receivedYear.GetValueOrDefault(center) / FenPerWan, 2, MidpointRounding.AwayFromZero),
                [FundFigureKeys.SpentWan] = Math.Round(spentYear.GetValueOrDefault(center) / FenPerWan, 2, MidpointRounding.AwayFromZero),
            };
            if (received > 0)
            {
                figures[FundFigureKeys.ExecutionRate] = Math.Round(spentToEnd.GetValueOrDefault(center) * 100m / received, 2, MidpointRounding.AwayFromZero);
            }

            result[center] = figures;
        }

        return result;
    }
}
