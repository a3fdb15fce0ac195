using System.Net;
using InnoCenter.Web.Tests.Assessment;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The fund module reads the Assessment module's published grades: a grade the pack says holds support holds every tranche.</summary>
public sealed class FundsAssessmentTests
{
    [Fact]
    public async Task A_published_failing_grade_holds_the_next_tranche_with_the_year_and_grade_shown()
    {
        await using var app = await AssessmentApp<SqliteAppFactory>.StartAsync();
        var center = await app.Factory.CreateCenterAsync(approvedOn: AssessmentTestData.ThreeYearsAgo);
        var g = await app.Factory.RunningGrantAsync(forCenter: center);
        var tranche = await g.PlanAsync(100_000m);
        var (cycle, _) = await app.RunToScoredAsync(AssessmentTestData.LastYear, new Dictionary<TestCenter, (Profile, decimal)> { [center] = (Profile.Weak, 0m) });
        await app.PublishAsync(cycle.Id);

        var held = await (await g.ReleaseAsync(tranche)).ReadAsync(HttpStatusCode.Conflict);

        Assert.Contains("funds.hold.grade", held.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains($"{AssessmentTestData.LastYear} 年度考核结果为“不合格”", held.GetProperty("detail").GetString());
    }
}
