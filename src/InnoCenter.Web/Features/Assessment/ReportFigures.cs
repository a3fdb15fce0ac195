using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Features.Ledger;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// The figures an annual report is pre-filled with: the ledger's roll-up and, beside it, the Funds module's figures
/// for the year (<c>funds.*</c> keys), so that a pack's <c>{ "funds": … }</c> indicator fills itself instead of being typed.
/// </summary>
public sealed class ReportFigures(LedgerRollup rollup, FundYearFigures funds)
{
    public async Task<IReadOnlyDictionary<string, decimal>> ForCenterYearAsync(Guid centerId, int year, CancellationToken ct) =>
        Merge(await rollup.ForCenterYearAsync(centerId, year, ct), await funds.ForCenterYearAsync(centerId, year, ct));

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ForYearAsync(int year, CancellationToken ct)
    {
        var ledger = await rollup.ForYearAsync(year, ct);
        var money = await funds.ForYearAsync(year, ct);
        return ledger.Keys.Union(money.Keys).ToDictionary(
            c => c,
            c => Merge(ledger.GetValueOrDefault(c) ?? new Dictionary<string, decimal>(), money.GetValueOrDefault(c) ?? new Dictionary<string, decimal>()));
    }

    private static IReadOnlyDictionary<string, decimal> Merge(IReadOnlyDictionary<string, decimal> ledger, IReadOnlyDictionary<string, decimal> money)
    {
        var all = new Dictionary<string, decimal>(ledger, StringComparer.Ordinal);
        foreach (var (key, value) in money)
        {
            all[key] = value;
        }

        return all;
    }
}
