using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Data.Migrations;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Features.Plans;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Plans;

/// <summary>Plan implementation (规划实施): the upgrade's linking of free-text indicators, revisions, plan against actuals, warnings; per provider.</summary>
public abstract class PlanApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_upgrade_links_free_text_indicators_whose_name_is_a_ledger_figure_and_keeps_the_others_free_with_their_targets()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var lead = await admin.CreateOrganizationAsync(TestData.Organization());
        var appId = await factory.WithDbAsync(async db =>
        {
            var app = Application.Start(lead.Id, lead.Name, new ApplicationDetails("升级测试中心", "high-end-equipment", "C34", "摘要", "目标"), "tianjin-2020", 1, Guid.NewGuid(), DateTimeOffset.UtcNow);
            app.SetIndicators([
                new PlannedIndicator(" 发明专利申请 ", "项", 10, 15, 20),
                new PlannedIndicator("Invention Grants", "items", 1, 2, 3),
                new PlannedIndicator("服务中小企业数", "家", 30, null, 50),
                new PlannedIndicator("中试线建成投产", "条", 1, null, null),
            ]);
            db.Applications.Add(app);
            await db.SaveChangesAsync();
            // Stored without a figure, as every indicator was before indicators could name one.
            return app.Id;
        });
        Assert.True(await factory.WithDbAsync(db => db.Set<PlannedIndicator>().Where(i => i.ApplicationId == appId).AllAsync(i => i.Figure == null)));

        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(PlanIndicatorBackfill.Sql()));

        var rows = await factory.WithDbAsync(db => db.Set<PlannedIndicator>().AsNoTracking().Where(i => i.ApplicationId == appId).ToListAsync());
        Assert.Equal(4, rows.Count);
        Assert.Equal(LedgerRollupKeys.InventionApplications, rows.Single(r => r.Name == "发明专利申请").Figure);
        Assert.Equal(LedgerRollupKeys.InventionGrants, rows.Single(r => r.Name == "Invention Grants").Figure);
        Assert.Equal(LedgerRollupKeys.SmeServed, rows.Single(r => r.Name == "服务中小企业数").Figure);
        var free = rows.Single(r => r.Name == "中试线建成投产");
        Assert.Null(free.Figure);
        Assert.Equal(("条", 1m, (decimal?)null), (free.Unit, free.Year1!.Value, free.Year3));
        Assert.Equal(30m, rows.Single(r => r.Name == "服务中小企业数").Year1);
    }

    [ProviderFact]
    public async Task An_approved_revision_sets_the_targets_and_the_ledger_roll_up_gives_the_actual_with_a_behind_schedule_warning()
    {
        var center = await factory.CreateCenterAsync();
        var year = center.ApprovedOn.Year;
        var staff = await factory.CenterUserAsync(center);
        await factory.WithDbAsync(async db =>
        {
            db.LedgerRollupRows.Add(new LedgerRollupRow(center.Id, year, LedgerRollupFigures.IpGranted, false, 3));
            return await db.SaveChangesAsync();
        });

        var proposed = await staff.PostAsJsonAsync($"/api/v1/plans/centers/{center.Id}/revisions", new ProposeRevisionRequest
        {
            EffectiveFromYear = year,
            Reason = "细化建设目标",
            Indicators =
            [
                new PlanIndicatorRequest("发明专利授权", "项", LedgerRollupKeys.InventionGrants, 5, 6, 7),
                new PlanIndicatorRequest("中试验证服务企业", "家", null, 10, 12, 14),
            ],
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var plan = (await proposed.Content.ReadFromJsonAsync<PlanDto>(Json.Options))!;
        var revision = plan.Revisions.Single(r => r.Number == 1);
        Assert.Equal("Proposed", revision.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/plans/centers/{center.Id}/revisions", new ProposeRevisionRequest
        {
            EffectiveFromYear = year, Reason = "再次", Indicators = [new PlanIndicatorRequest("x", "项", null, 1, 1, 1)],
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/plans/revisions/{revision.Id}/approve", new RevisionDecisionRequest(null, revision.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await center.Admin.PostAsJsonAsync($"/api/v1/plans/revisions/{revision.Id}/approve", new RevisionDecisionRequest(null, revision.Version + 1))).StatusCode);

        var approved = await center.Admin.PostAsJsonAsync($"/api/v1/plans/revisions/{revision.Id}/approve", new RevisionDecisionRequest("同意", revision.Version));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var progress = (await staff.GetFromJsonAsync<PlanProgressDto>($"/api/v1/plans/centers/{center.Id}/progress?year={year}", Json.Options))!;
        Assert.Equal(1, progress.RevisionNumber);
        var grants = progress.Lines.Single(l => l.Figure == LedgerRollupKeys.InventionGrants);
        Assert.Equal((5m, 3m, 60m, true), (grants.Target, grants.Actual!.Value, grants.CompletionPercent!.Value, grants.BehindSchedule));
        var freeLine = progress.Lines.Single(l => l.Figure is null);
        Assert.Null(freeLine.Actual);

        var reported = await staff.PutAsJsonAsync($"/api/v1/plans/centers/{center.Id}/actuals", new ReportActualRequest(year, "中试验证服务企业", 10, "服务合同 10 份", null));
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var after = (await reported.Content.ReadFromJsonAsync<PlanProgressDto>(Json.Options))!;
        Assert.Equal(100m, after.Lines.Single(l => l.Figure is null).CompletionPercent);
        Assert.Equal(80m, after.Completion);
        Assert.Equal(1, after.BehindCount);

        var behind = (await center.Admin.GetFromJsonAsync<List<PlanWarningDto>>($"/api/v1/plans/behind?year={year}", Json.Options))!;
        Assert.Contains(behind, w => w.CenterId == center.Id && w.Indicators.SequenceEqual(["发明专利授权"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/plans/behind?year={year}")).StatusCode);
        var export = await staff.GetAsync($"/api/v1/plans/centers/{center.Id}/progress/export?year={year}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [ProviderFact]
    public async Task Bad_proposals_and_reports_are_refused_by_field_and_nothing_is_written()
    {
        var center = await factory.CreateCenterAsync();
        var year = center.ApprovedOn.Year;
        var staff = await factory.CenterUserAsync(center);
        var other = await factory.CreateCenterAsync();

        var bad = await staff.PostAsJsonAsync($"/api/v1/plans/centers/{center.Id}/revisions", new ProposeRevisionRequest
        {
            EffectiveFromYear = year + 5,
            Reason = " ",
            Indicators = [new PlanIndicatorRequest("专利", "项", "no.such.figure", -1, null, null)],
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("reason", fields);
        Assert.Contains("effectiveFromYear", fields);
        Assert.Contains("indicators[0].figure", fields);
        Assert.Contains("indicators[0].year1", fields);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/plans/centers/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await center.Admin.PostAsJsonAsync($"/api/v1/plans/centers/{center.Id}/revisions", new ProposeRevisionRequest { Reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PutAsJsonAsync($"/api/v1/plans/centers/{center.Id}/actuals", new ReportActualRequest(year, "不在规划中", 1, "证据", null))).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PlanRevisions.CountAsync(r => r.CenterId == center.Id)));
    }
}

public sealed class SqlitePlanApiTests(SqliteAppFactory factory) : PlanApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresPlanApiTests(PostgresAppFactory factory) : PlanApiTests<PostgresAppFactory>(factory);
