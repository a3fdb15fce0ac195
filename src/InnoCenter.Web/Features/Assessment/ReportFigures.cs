using InnoCenter.Web.Features.Ledger;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// The figures an annual report is pre-filled with: the ledger's roll-up and, beside it, the figures other modules add
/// through <see cref="IReportPrefill"/> (the Funds module's <c>funds.*</c> keys), so that a pack's <c>{ "funds": … }</c>
/// indicator fills itself instead of being typed.
/// </summary>
public sealed class ReportFigures(LedgerRollup rollup, IEnumerable<IReportPrefill> modules)
{
    /// <summary>The keys modules compute, so the report page can mark them as computed rather than read from the ledger.</summary>
    public IReadOnlySet<string> ModuleKeys { get; } = modules.SelectMany(m => m.FigureKeys).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, decimal>> ForCenterYearAsync(Guid centerId, int year, CancellationToken ct)
    {
        var all = new Dictionary<string, decimal>(await rollup.ForCenterYearAsync(centerId, year, ct), StringComparer.Ordinal);
        foreach (var module in modules)
        {
            foreach (var (key, value) in (await module.FiguresAsync(year, centerId, ct)).GetValueOrDefault(centerId) ?? new Dictionary<string, decimal>())
            {
                all[key] = value;
            }
        }

        return all;
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ForYearAsync(int year, CancellationToken ct)
    {
        var all = (await rollup.ForYearAsync(year, ct)).ToDictionary(x => x.Key, x => new Dictionary<string, decimal>(x.Value, StringComparer.Ordinal));
        foreach (var module in modules)
        {
            foreach (var (center, figures) in await module.FiguresAsync(year, null, ct))
            {
                if (!all.TryGetValue(center, out var merged))
                {
                    all[center] = merged = new Dictionary<string, decimal>(StringComparer.Ordinal);
                }

                foreach (var (key, value) in figures)
                {
                    merged[key] = value;
                }
            }
        }

        return all.ToDictionary(x => x.Key, x => (IReadOnlyDictionary<string, decimal>)x.Value);
    }
}
