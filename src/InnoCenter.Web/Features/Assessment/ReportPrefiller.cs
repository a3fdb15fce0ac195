using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Infrastructure.Policy;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>
/// Fills the manual values other modules compute (<see cref="IReportPrefill"/>) into annual reports: when a cycle opens,
/// when a report's figures are refreshed and when it is submitted. The cycle's frozen pack version says which
/// indicators are filled, so a cycle opened before a pack named one keeps asking the center for it.
/// </summary>
public sealed class ReportPrefiller(IEnumerable<IReportPrefill> sources, PolicyVersions packs, TimeProvider clock)
{
    public async Task ApplyAsync(AssessmentCycle cycle, IReadOnlyCollection<AnnualReport> reports, CancellationToken ct)
    {
        if (reports.Count == 0)
        {
            return;
        }

        var pack = await packs.ForCaseAsync(cycle.PolicyCode, cycle.PolicyVersion, ct);
        var now = clock.GetUtcNow();
        foreach (var source in sources)
        {
            if (source.CodesFor(pack).Count == 0)
            {
                continue;
            }

            var values = await source.ValuesAsync(pack, cycle.Year, reports.Select(r => r.CenterId).Distinct().ToList(), ct);
            foreach (var report in reports)
            {
                foreach (var (code, value) in values.GetValueOrDefault(report.CenterId) ?? new Dictionary<string, decimal>())
                {
                    if (report.IsEditable && report.Find(code) is { Kind: ReportValueKind.Manual } current && current.Value != value)
                    {
                        report.EnterManual(code, value, current.EvidenceFileId, null, now);
                    }
                }
            }
        }
    }

    /// <summary>The report's manual values another module fills, so the report page marks them as computed, not typed.</summary>
    public async Task<IReadOnlySet<string>> FilledCodesAsync(AssessmentCycle cycle, AnnualReport report, CancellationToken ct)
    {
        var pack = await packs.ForCaseAsync(cycle.PolicyCode, cycle.PolicyVersion, ct);
        var filled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources.Where(s => s.CodesFor(pack).Count > 0))
        {
            var values = await source.ValuesAsync(pack, cycle.Year, [report.CenterId], ct);
            filled.UnionWith(values.GetValueOrDefault(report.CenterId)?.Keys ?? []);
        }

        return filled;
    }

    /// <summary>Whether a report's value is filled by another module, so that the center may not type over it.</summary>
    public async Task<bool> FillsAsync(AssessmentCycle cycle, AnnualReport report, string code, CancellationToken ct)
    {
        var pack = await packs.ForCaseAsync(cycle.PolicyCode, cycle.PolicyVersion, ct);
        foreach (var source in sources.Where(s => s.CodesFor(pack).Contains(code)))
        {
            var values = await source.ValuesAsync(pack, cycle.Year, [report.CenterId], ct);
            if (values.GetValueOrDefault(report.CenterId)?.ContainsKey(code) == true)
            {
                return true;
            }
        }

        return false;
    }
}
