using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Platform;

/// <summary>
/// Handlers other modules and pages call directly check the caller themselves: called with no endpoint in front, as
/// the wrong role, they refuse (or show nothing), and as the right one they answer.
/// </summary>
public abstract class HandlersCheckTheCallerTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task A_panels_criteria_and_its_experts_names_are_shown_to_no_one_outside_the_panel()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);

        async Task<(int Criteria, int Experts)> AsAsync(string role) => await factory.AsUserAsync(role, null, async services => (
            (await services.GetRequiredService<ScoringHandlers>().CriteriaAsync(subject.Id, CancellationToken.None)).Count,
            (await services.GetRequiredService<SiteInspectionHandlers>().PanelExpertsAsync(subject.Id, CancellationToken.None)).Count));

        var outsider = await AsAsync(Roles.Expert);
        var member = await AsAsync(Roles.MemberUser);
        var officer = await AsAsync(Roles.Admin);

        Assert.Equal((0, 0), outsider);
        Assert.Equal((0, 0), member);
        Assert.Equal(panel.Members.Count, officer.Experts);
        Assert.True(officer.Criteria > 0);
    }

    [ProviderFact]
    public async Task A_status_change_by_rule_is_refused_to_anyone_but_an_admin_and_leaves_the_center_as_it_was()
    {
        var center = await factory.CreateCenterAsync();
        var change = new RuleStatusChange(center.Id, CenterStatus.Revoked, "test/v1/revoke", "连续两年不合格", CenterTestData.Today);

        var refused = await factory.AsUserAsync(Roles.CenterUser, center.Lead.Id, async services =>
        {
            var results = await services.GetRequiredService<CenterStatusHandlers>().ChangeStatusesByRuleAsync([change], CancellationToken.None);
            await services.GetRequiredService<InnoCenter.Web.Data.AppDbContext>().SaveChangesAsync();
            return results;
        });
        var allowed = await factory.AsUserAsync(Roles.Admin, null, async services =>
            await services.GetRequiredService<CenterStatusHandlers>().ChangeStatusesByRuleAsync([change], CancellationToken.None));

        Assert.Equal(FailureKind.Forbidden, Assert.Single(refused).Result.Failure?.Kind);
        Assert.True(Assert.Single(allowed).Result.IsSuccess);
        Assert.Equal(CenterStatus.Active, await factory.WithDbAsync(db => db.Centers.Where(c => c.Id == center.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.CenterStatusChanges.CountAsync(s => s.CenterId == center.Id)));
    }

    [ProviderFact]
    public async Task The_roll_up_of_all_centers_is_the_admins_and_a_centers_own_only_its_staffs()
    {
        var center = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var year = center.LastYear;

        var (all, own, others) = await factory.AsUserAsync(Roles.CenterUser, center.Lead.Id, async services =>
        {
            var rollup = services.GetRequiredService<LedgerRollupHandlers>();
            return (await rollup.AllCentersAsync(year, null, null, CancellationToken.None), await rollup.CenterYearAsync(center.Id, year, CancellationToken.None),
                await rollup.CenterYearAsync(other.Id, year, CancellationToken.None));
        });
        var admins = await factory.AsUserAsync(Roles.Admin, null, services =>
            services.GetRequiredService<LedgerRollupHandlers>().AllCentersAsync(year, 1, Paging.MaxPageSize, CancellationToken.None));

        Assert.Equal(FailureKind.Forbidden, all.Failure?.Kind);
        Assert.True(own.IsSuccess);
        Assert.Equal(FailureKind.NotFound, others.Failure?.Kind);
        Assert.True(admins.IsSuccess);
        Assert.True(admins.Value.Total >= 2);
        Assert.NotEmpty(admins.Value.Items);
    }
}

public sealed class SqliteHandlersCheckTheCallerTests(SqliteAppFactory factory) : HandlersCheckTheCallerTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresHandlersCheckTheCallerTests(PostgresAppFactory factory) : HandlersCheckTheCallerTests<PostgresAppFactory>(factory);
