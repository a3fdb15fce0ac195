using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Assessment;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Assessment;

/// <summary>Admins change the indicator system's weights before a cycle opens; the change is a new pack version, and cycles already opened keep theirs.</summary>
public abstract class WeightsTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Changed_weights_become_a_new_pack_version_in_force_and_an_opened_cycle_keeps_the_version_it_froze()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var y = AssessmentTestData.LastYear;
        var before = await app.Admin.OpenCycleAsync(y - 1);
        var current = await app.Admin.GetFromJsonAsync<WeightsDto>("/api/v1/policy/assessment", Json.Options);

        var saved = await app.Admin.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest
        {
            BaseVersion = current!.Version,
            DimensionPoints = new() { ["results"] = 30m, ["talent"] = 10m },
            Indicators = new() { ["rd-staff-share"] = new IndicatorWeightRequest { ZeroAt = 5m, FullAt = 40m }, ["invention-grants"] = new IndicatorWeightRequest { Weight = 8m } },
            GradeMinimums = new() { ["excellent"] = 92m },
        });
        await AssessmentTestData.EnsureAsync(saved);
        var after = (await saved.Content.ReadFromJsonAsync<WeightsDto>(Json.Options))!;
        var opened = await app.Admin.OpenCycleAsync(y);
        var cycles = await app.Factory.WithDbAsync(db => db.AssessmentCycles.AsNoTracking().ToListAsync());
        var versions = await app.Factory.WithDbAsync(db => db.PolicyPacks.Where(p => p.Code == "tianjin-2020").OrderBy(p => p.Version)
            .Select(p => new { p.Version, Applied = p.AppliedAt != null }).ToListAsync());
        var inForce = await app.Factory.WithDbAsync(db => InnoCenter.Web.Infrastructure.Policy.PolicyVersions
            .InForce(db.PolicyPacks, "tianjin-2020", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1)).Select(p => p.Version).FirstAsync());
        var stale = await app.Admin.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest { BaseVersion = current.Version, GradeMinimums = new() { ["excellent"] = 95m } });
        var page = await app.Admin.GetStringAsync("/Assessment/Weights");

        Assert.Equal((1, 2), (current.Version, after.Version));
        Assert.Equal(30m, after.Dimensions.Single(d => d.Code == "results").Points);
        Assert.False(after.Dimensions.Single(d => d.Code == "results").IsDefault);
        Assert.True(after.Dimensions.Single(d => d.Code == "transfer").IsDefault);
        var staffShare = after.Indicators.Single(i => i.Code == "rd-staff-share");
        Assert.Equal((5m, 40m), (staffShare.ZeroAt, staffShare.FullAt));
        Assert.Equal(92m, after.Grades.Single(g => g.Code == "excellent").Min);
        Assert.Equal([(1, true), (2, true)], versions.Select(v => (v.Version, v.Applied)));
        Assert.Equal(2, inForce);
        var first = cycles.Single(c => c.Id == before.Id);
        var second = cycles.Single(c => c.Id == opened.Id);
        Assert.Equal((1, 25m, 90m), (first.PolicyVersion, first.Rules.IndicatorSystem.Dimensions[0].Points, first.Rules.GradeBands[0].Min));
        Assert.Equal((2, 30m, 92m), (second.PolicyVersion, second.Rules.IndicatorSystem.Dimensions[0].Points, second.Rules.GradeBands[0].Min));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("value=\"30\"", page);
    }

    [ProviderFact]
    public async Task Weights_that_break_the_rules_are_refused_with_the_packs_own_messages_and_only_admins_change_them()
    {
        await using var app = await AssessmentApp<TFactory>.StartAsync();
        var center = await app.Factory.ClientFor(Roles.CenterUser);
        var english = await app.Factory.ClientFor(Roles.Admin, culture: "en-US");

        var notHundred = await app.Admin.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest { BaseVersion = 1, DimensionPoints = new() { ["results"] = 40m } });
        var negative = await app.Admin.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest
        {
            BaseVersion = 1, Indicators = new() { ["pct-applications"] = new IndicatorWeightRequest { Weight = -1m } },
        });
        var flat = await english.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest
        {
            BaseVersion = 1, Indicators = new() { ["rd-spending-share"] = new IndicatorWeightRequest { ZeroAt = 30m, FullAt = 30m } },
        });
        var bands = await app.Admin.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest { BaseVersion = 1, GradeMinimums = new() { ["good"] = 95m } });
        var unknown = await app.Admin.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest { BaseVersion = 1, DimensionPoints = new() { ["finance"] = 5m } });
        var nothing = await app.Admin.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest { BaseVersion = 1, DimensionPoints = new() { ["results"] = 25m } });
        var byCenter = await center.PutAsJsonAsync("/api/v1/policy/assessment", new WeightsRequest { BaseVersion = 1, DimensionPoints = new() { ["results"] = 30m, ["talent"] = 10m } });
        var pageRefusal = await app.Admin.GetAsync("/Assessment/Weights");

        Assert.Contains("100", await notHundred.ProblemAsync(HttpStatusCode.BadRequest));
        var negativeBody = await negative.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("PCT国际专利申请量", negativeBody);
        Assert.Contains("正数", negativeBody);
        Assert.Contains("zero and full points cannot be the same", await flat.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("良好", await bands.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("finance", await unknown.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Contains("没有修改", await nothing.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Forbidden, byCenter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageRefusal.StatusCode);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.PolicyPacks.CountAsync(p => p.Code == "tianjin-2020")));
    }
}

public sealed class SqliteWeightsTests : WeightsTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresWeightsTests : WeightsTests<PostgresAppFactory>;
