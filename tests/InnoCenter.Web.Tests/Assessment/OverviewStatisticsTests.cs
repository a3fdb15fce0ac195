using System.Net.Http.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>
/// The overview's statistics are kept when a cycle is scored and equal a recomputation from the stored results; its
/// table of centers is paged in the order of the totals.
/// </summary>
public abstract class OverviewStatisticsTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Scoring_keeps_statistics_equal_to_a_recomputation_from_the_results_and_the_overview_pages_by_total()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var strong = await app.Factory.CreateCenterAsync("统计强" + tag, AssessmentTestData.ThreeYearsAgo);
        var middle = await app.Factory.CreateCenterAsync("统计中" + tag, AssessmentTestData.ThreeYearsAgo);
        var weak = await app.Factory.CreateCenterAsync("统计弱" + tag, AssessmentTestData.ThreeYearsAgo);
        var (cycle, reports) = await app.RunToScoredAsync(AssessmentTestData.LastYear, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [strong] = (Profile.Strong, 1m), [middle] = (Profile.Strong, 0.5m), [weak] = (Profile.Weak, 0m),
        });

        var (kept, computed) = await KeptAndComputedAsync(app.Factory, cycle.Id);
        var whole = (await app.Admin.GetFromJsonAsync<OverviewDto>($"/api/v1/assessment/cycles/{cycle.Id}/overview", Json.Options))!;
        var second = (await app.Admin.GetFromJsonAsync<OverviewDto>($"/api/v1/assessment/cycles/{cycle.Id}/overview?page=2&pageSize=1", Json.Options))!;
        var secondPage = await app.Admin.GetStringAsync($"/Assessment/Overview/{cycle.Id}?page=2");

        Assert.NotNull(kept);
        Assert.Equal(Canonical(computed), Canonical(kept!));
        Assert.Equal(3, kept!.Results);
        Assert.Equal(3, kept.Ranking.Count);
        // The table is ordered by total, highest first; the statistics describe all three whatever the page.
        var totals = whole.Centers.Items.Select(c => c.Total).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);
        Assert.Equal(reports[weak.Id].Id, whole.Centers.Items[2].ReportId);
        Assert.Equal((2, 1, 3, 3), (second.Centers.Page, second.Centers.PageSize, second.Centers.Total, second.Centers.PageCount));
        Assert.Equal(whole.Centers.Items[1].ReportId, Assert.Single(second.Centers.Items).ReportId);
        Assert.Equal((whole.Mean, whole.Min, whole.Max, whole.Scored), (second.Mean, second.Min, second.Max, second.Scored));
        Assert.Equal(kept.Mean, whole.Mean);
        Assert.Equal(whole.Dimensions.Select(d => (d.Code, d.Mean, d.Min, d.Max)), second.Dimensions.Select(d => (d.Code, d.Mean, d.Min, d.Max)));
        Assert.Equal(3, whole.Grades.Sum(g => g.Count));
        // Each row's points per dimension (read from its breakdown) agree with the kept spread of that dimension.
        foreach (var d in whole.Dimensions)
        {
            Assert.Equal(d.Max, whole.Centers.Items.Max(c => c.DimensionPoints[d.Code]));
            Assert.Equal(d.Min, whole.Centers.Items.Min(c => c.DimensionPoints[d.Code]));
        }

        // The page shows 20 a page: all three are on the first, none on the second.
        Assert.Contains("统计强" + tag, whole.Centers.Items.Select(c => c.CenterName));
        Assert.DoesNotContain("统计强" + tag, secondPage);
    }

    [ProviderFact]
    public async Task Scoring_again_replaces_the_kept_statistics_and_a_missing_row_is_rebuilt_at_start()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var one = await app.Factory.CreateCenterAsync("重算甲" + tag, AssessmentTestData.ThreeYearsAgo);
        var two = await app.Factory.CreateCenterAsync("重算乙" + tag, AssessmentTestData.ThreeYearsAgo);
        var (cycle, _) = await app.RunToScoredAsync(AssessmentTestData.LastYear, new Dictionary<TestCenter, (Profile, decimal)>
        {
            [one] = (Profile.Strong, 1m), [two] = (Profile.Weak, 0m),
        });
        var firstAt = await app.Factory.WithDbAsync(db => db.AssessmentCycleStatistics.AsNoTracking().Where(s => s.CycleId == cycle.Id).Select(s => s.ComputedAt).SingleAsync());

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await AssessmentTestData.EnsureAsync(await app.Admin.PostAsync($"/api/v1/assessment/cycles/{cycle.Id}/score", null));
        var (rescored, recomputed) = await KeptAndComputedAsync(app.Factory, cycle.Id);
        var rescoredAt = await app.Factory.WithDbAsync(db => db.AssessmentCycleStatistics.AsNoTracking().Where(s => s.CycleId == cycle.Id).Select(s => s.ComputedAt).SingleAsync());

        // A cycle scored before the statistics were kept has no row: the overview computes the same, and the start keeps it.
        await app.Factory.WithDbAsync(db => db.AssessmentCycleStatistics.Where(s => s.CycleId == cycle.Id).ExecuteDeleteAsync());
        var withoutRow = (await app.Admin.GetFromJsonAsync<OverviewDto>($"/api/v1/assessment/cycles/{cycle.Id}/overview", Json.Options))!;
        var rebuilt = await app.Factory.WithDbAsync(db => CycleStatisticsStore.RunIfPendingAsync(db, app.Factory.Clock, CancellationToken.None));
        var (kept, computed) = await KeptAndComputedAsync(app.Factory, cycle.Id);

        Assert.True(rescoredAt > firstAt);
        Assert.Equal(Canonical(recomputed), Canonical(rescored!));
        Assert.Equal((2, rescored!.Mean, rescored.Min, rescored.Max), (withoutRow.Scored, withoutRow.Mean, withoutRow.Min, withoutRow.Max));
        Assert.Equal(rescored.Ranking, withoutRow.Centers.Items.Select(c => c.ReportId));
        Assert.True(rebuilt >= 1);
        Assert.Equal(Canonical(computed), Canonical(kept!));
    }

    private static Task<(CycleFigures? Kept, CycleFigures Computed)> KeptAndComputedAsync(AppFactory factory, Guid cycleId) =>
        factory.WithDbAsync(async db =>
        {
            var json = await db.AssessmentCycleStatistics.AsNoTracking().Where(s => s.CycleId == cycleId).Select(s => s.FiguresJson).SingleOrDefaultAsync();
            var cycle = await db.AssessmentCycles.AsNoTracking().SingleAsync(c => c.Id == cycleId);
            return (json is null ? null : CycleStatistics.Read(json), await CycleStatisticsStore.ComputeAsync(db, cycle, CancellationToken.None));
        });

    /// <summary>
    /// The figures as one comparable text (records compare their lists by reference). Decimals by value: a total read
    /// back from the database carries the column's scale (100.0000) where the scorer's has its own (100).
    /// </summary>
    private static string Canonical(CycleFigures f) => string.Join(
        "|",
        f.Results, f.Complete, N(f.Mean), N(f.Min), N(f.Max),
        string.Join(",", f.GradeCounts.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Value}")),
        string.Join(",", f.Dimensions.Select(d => $"{d.Code}:{N(d.Mean)}/{N(d.Min)}/{N(d.Max)}")),
        string.Join(",", f.Ranking));

    private static string N(decimal? value) => value?.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}

public sealed class SqliteOverviewStatisticsTests : OverviewStatisticsTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresOverviewStatisticsTests : OverviewStatisticsTests<PostgresAppFactory>;
