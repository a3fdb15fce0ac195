using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;

namespace InnoCenter.Web.Features.Plans;

/// <summary>
/// Fills the assessment's plan-completion indicator (规划完成率, named by the cycle's pack in <c>plans.completionIndicator</c>)
/// from the plan against actuals of the year. A center whose plan sets no target for the year is not filled: it enters
/// the value itself, with evidence. The experts' grade of plan implementation stays beside it.
/// </summary>
public sealed class PlanReportPrefill(PlanProgressQueries progress, TimeProvider clock) : IReportPrefill
{
    public IReadOnlyCollection<string> CodesFor(PolicyPack pack) =>
        pack.Plans.CompletionIndicator is { } code ? [code] : [];

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> ValuesAsync(
        PolicyPack pack, int year, IReadOnlyCollection<Guid> centerIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, IReadOnlyDictionary<string, decimal>>();
        if (pack.Plans.CompletionIndicator is not { } code)
        {
            return result;
        }

        var today = clock.TodayInBeijing();
        var all = centerIds.Count == 1
            ? [(await progress.ForCenterAsync(centerIds.First(), year, pack.Plans, today, ct))!]
            : await progress.ForAllAsync(year, pack.Plans, today, ct);
        foreach (var p in all.Where(p => centerIds.Contains(p.CenterId)))
        {
            if (p.Completion is { } completion)
            {
                result[p.CenterId] = new Dictionary<string, decimal> { [code] = completion };
            }
        }

        return result;
    }
}
