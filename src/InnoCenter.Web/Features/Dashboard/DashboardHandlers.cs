using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;

namespace InnoCenter.Web.Features.Dashboard;

/// <summary>The dashboard for programme officers: the shared figures, measured against the pack's pilot targets and labelled for the reader.</summary>
public sealed class DashboardHandlers(DashboardSnapshots snapshots, DashboardQueries queries, PolicyProvider policy, Text text, TimeProvider clock)
{
    public async Task<DashboardDto> GetAsync()
    {
        // Not the request's token: other readers may be waiting on this computation.
        var f = await snapshots.GetAsync(() => queries.ComputeAsync(CancellationToken.None));
        var pack = policy.Current;
        var en = LocalizationSetup.IsEnglish;

        var byStatus = Enum.GetValues<CenterStatus>()
            .Select(s => new CountItem(s.ToString(), text[$"centers.status.{s}"], f.Centers.Count(c => c.Status == s)))
            .ToList();
        var byArea = f.Centers.GroupBy(c => c.KeyArea)
            .Select(g => new CountItem(g.Key, pack.KeyAreas.LabelOf(g.Key, en), g.Count()))
            .OrderByDescending(i => i.Count).ThenBy(i => i.Code, StringComparer.Ordinal)
            .ToList();
        var byYear = f.Centers.GroupBy(c => c.ApprovedOn.Year).OrderBy(g => g.Key).Select(g => new YearCount(g.Key, g.Count())).ToList();
        var applications = Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft)
            .Select(s => new CountItem(s.ToString(), ApplicationLabels.Status(text, s), f.ApplicationsByStatus.GetValueOrDefault(s)))
            .ToList();
        var ledger = new LedgerTrendDto(
            f.LedgerYears,
            DashboardQueries.LedgerFigureKeys.Select(k => new LedgerSeriesDto(k, text["ledger.rollup." + k], f.LedgerTotals[k])).ToList());
        var grades = f.AssessmentYear is { } year
            ? new AssessmentGradesDto(year, pack.Assessment.GradeBands
                .Select(b => new CountItem(b.Code, en ? b.En : b.Zh, f.AssessmentGrades.GetValueOrDefault(b.Code)))
                .ToList())
            : null;

        return new DashboardDto(f.AsOf, Pilot(pack.Pilot, f.Centers), byStatus, byArea, byYear, applications, f.OverdueApplications, ledger, grades, f.Resources);
    }

    private PilotDto? Pilot(PilotTargets? pilot, IReadOnlyList<CenterFact> centers)
    {
        if (pilot is null)
        {
            return null;
        }

        var today = clock.TodayInBeijing();
        var targets = pilot.Targets.Select(t =>
        {
            var counting = centers.Where(c => Counts(t.Counts, c)).ToList();
            var achieved = t.Counts == PilotMeasure.Recognised
                ? counting.Count(c => c.ApprovedOn >= pilot.StartsOn && c.ApprovedOn < pilot.EndsOn)
                : counting.Count;
            var progress = pilot.Progress(t, achieved, today);
            return new PilotTargetDto(t.Code, t.Label(LocalizationSetup.IsEnglish), t.Min, t.Max, achieved, counting.Count,
                progress.ToString(), text[$"dashboard.pilot.progress.{progress}"]);
        }).ToList();
        return new PilotDto(pilot.StartsOn, pilot.EndsOn, targets);
    }

    private static bool Counts(PilotMeasure measure, CenterFact c) => measure switch
    {
        PilotMeasure.Recognised => c.Status != CenterStatus.Revoked,
        PilotMeasure.NationalRecommended => c.Status is CenterStatus.RecommendedNational or CenterStatus.National,
        PilotMeasure.National => c.Status == CenterStatus.National,
        _ => false,
    };
}
