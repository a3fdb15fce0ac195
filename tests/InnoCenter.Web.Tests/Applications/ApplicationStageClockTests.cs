using System.Net.Http.Json;
using InnoCenter.Domain.Applications;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Applications;

/// <summary>
/// The overdue counts read each application's kept stage clock (its status change plus its version's days for the
/// stage). The writes that start and move applications keep the clocks; a rebuild from the applications gives the same.
/// Each test runs on a database of its own, so the whole table is the test's.
/// </summary>
public abstract class ApplicationStageClockTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Stage_clocks_kept_by_the_moves_equal_the_hand_computation_and_a_rebuild()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var app = own.Factory;
        var flow = await ApplicationFlow.StartAsync(app);
        var waiting = await flow.SubmittedAsync();
        var checking = await flow.SubmittedAsync();
        (await flow.ActAsync(flow.Admin, checking, "begin-formal-check")).EnsureSuccessStatusCode();
        var returned = await flow.SubmittedAsync();
        (await flow.ActAsync(flow.Admin, returned, "begin-formal-check")).EnsureSuccessStatusCode();
        (await flow.ActAsync(flow.Admin, returned, "return", new TransitionRequest { Reason = "请补充审计报告" })).EnsureSuccessStatusCode();
        await flow.CreateDraftAsync();

        var days = app.Services.GetRequiredService<PolicyProvider>().Current.Applications.StageDays;
        var apps = await app.WithDbAsync(db => db.Applications.AsNoTracking().Select(a => new { a.Id, a.Status, a.StatusChangedAt }).ToListAsync());
        var expected = apps
            .Where(a => days.ContainsKey(a.Status.ToString()))
            .Select(a => (a.Id, a.Status, DueAt: a.StatusChangedAt.AddDays(days[a.Status.ToString()])))
            .OrderBy(c => c.Id).ToList();
        var kept = await ClocksAsync(app);
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, kept);

        // The backfill's path: the marker row asks for a rebuild from the applications at the next start.
        await app.WithDbAsync(async db =>
        {
            await db.ApplicationStageClocks.ExecuteDeleteAsync();
            db.ApplicationStageClocks.Add(new ApplicationStageClock(ApplicationStageClock.RebuildPendingApplication, ApplicationStatus.Draft, DateTimeOffset.UnixEpoch));
            return await db.SaveChangesAsync();
        });
        Assert.True(await ApplicationStageClocks.RunIfPendingAsync(app.Services));
        Assert.Equal(expected, await ClocksAsync(app));

        // Five days and a bit later only the application waiting in Submitted (five days) is late; formal check has ten.
        app.Clock.Advance(TimeSpan.FromDays(days["Submitted"]) + TimeSpan.FromHours(1));
        var workbench = (await flow.Admin.GetFromJsonAsync<WorkbenchDto>("/api/v1/workbench", Json.Options))!;
        var items = workbench.Groups.SelectMany(g => g.Items).ToDictionary(i => i.Key);
        Assert.Equal((1, 1), (items["workbench.applications.toCheck"].Count, items["workbench.applications.toCheck"].Overdue));
        Assert.Equal((1, 0), (items["workbench.applications.inFormalCheck"].Count, items["workbench.applications.inFormalCheck"].Overdue));
        Assert.Equal(1, items["workbench.applications.overdueStages"].Count);
        var late = (await flow.Admin.GetFromJsonAsync<PipelineDto>("/api/v1/applications?overdue=true&pageSize=100", Json.Options))!.Applications.Items;
        Assert.Equal([waiting], late.Select(a => a.Id));
    }

    private static Task<List<(Guid Id, ApplicationStatus Status, DateTimeOffset DueAt)>> ClocksAsync(AppFactory app) =>
        app.WithDbAsync(async db => (await db.ApplicationStageClocks.AsNoTracking().ToListAsync())
            .Select(c => (c.ApplicationId, c.Status, c.DueAt)).OrderBy(c => c.ApplicationId).ToList());
}

public sealed class SqliteApplicationStageClockTests : ApplicationStageClockTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresApplicationStageClockTests : ApplicationStageClockTests<PostgresAppFactory>;
