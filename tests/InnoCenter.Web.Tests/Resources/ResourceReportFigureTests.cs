using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Ledger.Rollup;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>The module's figures feed the assessment (对外服务机时) and the ledger's 服务中小企业数.</summary>
public abstract class ResourceReportFigureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private PolicyProvider Policy => factory.Services.GetRequiredService<PolicyProvider>();

    [ProviderFact]
    public async Task Service_hours_for_the_report_equal_the_hand_count_of_hours_used_by_others_than_the_owner()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var sem = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var line = await owner.CreateResourceAsync(ResourceTestData.Request(center, name: "增材制造中试线") with { Category = "pilot-line" });
        var outsider = await factory.MemberUserAsync(await center.Admin.CreateOrganizationAsync(TestData.Organization()));
        var member = await factory.MemberUserAsync(center.Institute);
        var day = ResourceTestData.BeijingDayAt(Now, 1, 0);
        var own = await Book(owner, sem.Id, day.AddHours(8), day.AddHours(10));
        var m = await Book(member, sem.Id, day.AddHours(10), day.AddHours(13));
        var o = await Book(outsider, sem.Id, day.AddHours(13), day.AddHours(15));
        var noShow = await Book(member, sem.Id, day.AddHours(15), day.AddHours(16));
        var onLine = await Book(member, line.Id, day.AddHours(9), day.AddHours(12));
        var notUsed = await Book(outsider, line.Id, day.AddHours(13), day.AddHours(14));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await Usage(owner, own, 2m);
        await Usage(owner, m, 2.5m);
        await Usage(owner, o, 1.5m);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{noShow.Id}/usage", new UsageRequest { NoShow = true })).StatusCode);
        await Usage(owner, onLine, 3m);

        var year = day.ToBeijingTime().Year;
        var pack = Policy.Current;
        var national = pack with
        {
            Resources = pack.Resources with
            {
                ReportIndicators = [new ResourceReportIndicator { Indicator = "shared-resource-hours", Figure = ResourceReportIndicator.ExternalHours, Categories = ["pilot-line", "test-service"] }],
            },
        };
        var rate = pack with
        {
            Resources = pack.Resources with
            {
                ReportIndicators = [new ResourceReportIndicator { Indicator = "shared-resource-hours", Figure = ResourceReportIndicator.SharingRatePercent }],
            },
        };
        var other = await factory.CreateCenterAsync();
        var values = await factory.WithDbAsync(db => new ResourceReportPrefill(db).ValuesAsync(pack, year, [center.Id, other.Id], CancellationToken.None));
        var lines = await factory.WithDbAsync(db => new ResourceReportPrefill(db).ValuesAsync(national, year, [center.Id], CancellationToken.None));
        var rates = await factory.WithDbAsync(db => new ResourceReportPrefill(db).ValuesAsync(rate, year, [center.Id], CancellationToken.None));
        var lastYear = await factory.WithDbAsync(db => new ResourceReportPrefill(db).ValuesAsync(pack, year - 1, [center.Id], CancellationToken.None));

        // Hand count: others than the owner used the SEM 2.5 (member) + 1.5 (outside) h and the pilot line 3 h = 7 h; the
        // owner's 2 h, the no-show and the booking without usage do not count. Pilot lines and test services only: 3 h.
        // 共享率 7 ÷ (7 + 2) = 77.8 %.
        Assert.Contains("shared-resource-hours", new ResourceReportPrefill(null!).CodesFor(pack));
        Assert.Equal(7m, values[center.Id]["shared-resource-hours"]);
        Assert.False(values.ContainsKey(other.Id));
        Assert.Equal(3m, lines[center.Id]["shared-resource-hours"]);
        Assert.Equal(77.8m, rates[center.Id]["shared-resource-hours"]);
        Assert.False(lastYear.ContainsKey(center.Id));
        _ = notUsed;
    }

    [ProviderFact]
    public async Task The_dashboard_adds_the_programmes_hours_and_income_to_what_the_bookings_say()
    {
        var admin = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.Admin);
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var member = await factory.MemberUserAsync(center.Institute);
        var before = (await admin.GetFromJsonAsync<InnoCenter.Web.Features.Dashboard.DashboardDto>("/api/v1/dashboard", Json.Options))!.Resources!;
        var sem = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var day = ResourceTestData.BeijingDayAt(Now, 1, 0);
        var own = await Book(owner, sem.Id, day.AddHours(8), day.AddHours(10));
        var m = await Book(member, sem.Id, day.AddHours(10), day.AddHours(13));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await Usage(owner, own, 2m);
        await Usage(owner, m, 2.5m);
        var after = (await admin.GetFromJsonAsync<InnoCenter.Web.Features.Dashboard.DashboardDto>("/api/v1/dashboard", Json.Options))!.Resources!;
        var charged = await factory.WithDbAsync(db => db.ResourceBookings.Where(b => b.ResourceId == sem.Id).SumAsync(b => b.ChargeFen)) / 100m;
        var page = await admin.GetStringAsync("/Dashboard");

        Assert.Equal(day.ToBeijingTime().Year, after.Year);
        Assert.Equal(before.Catalogued + 1, after.Catalogued);
        // 4.5 hours used, of which the member's 2.5 are 对外服务机时; nothing by an outside organisation.
        Assert.Equal(before.UsedHours + 4.5m, after.UsedHours);
        Assert.Equal(before.ExternalHours + 2.5m, after.ExternalHours);
        Assert.Equal(before.OutsideHours, after.OutsideHours);
        Assert.True(charged > 0);
        Assert.Equal(before.Income + charged, after.Income);
        Assert.Contains("科研资源开放共享", page);
    }

    [ProviderFact]
    public async Task A_confirmed_sme_that_books_twice_and_is_typed_in_the_ledger_counts_once_among_the_smes_served()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var sem = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var smeOrg = await center.Admin.CreateOrganizationAsync(TestData.Organization(name: "中小企业" + Guid.NewGuid().ToString("N")[..4]));
        var sme = await factory.MemberUserAsync(smeOrg);
        var plain = await factory.MemberUserAsync(await center.Admin.CreateOrganizationAsync(TestData.Organization()));
        var declared = await sme.DeclareSmeAsync(evidence: ResourceTestData.UniquePdf());
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var version = (await declared.Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options))!.Version;
        var day = ResourceTestData.BeijingDayAt(Now, 1, 0);
        var first = await Book(sme, sem.Id, day.AddHours(8), day.AddHours(9));
        var second = await Book(sme, sem.Id, day.AddHours(9), day.AddHours(10));
        var notSme = await Book(plain, sem.Id, day.AddHours(10), day.AddHours(11));
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var year = day.ToBeijingTime().Year;

        await Usage(owner, first, 1m);
        await Usage(owner, second, 1m);
        await Usage(owner, notSme, 1m);
        var declaredOnly = await Served(center.Id, year);
        Assert.Equal(HttpStatusCode.OK, (await center.Admin.PostAsync($"/api/v1/resources/sme/{smeOrg.Id}/confirm?version={version}", null)).StatusCode);
        var confirmed = await Served(center.Id, year);
        var creditCode = await factory.WithDbAsync(db => db.Organizations.Where(o => o.Id == smeOrg.Id).Select(o => o.CreditCode).SingleAsync());
        var user = await factory.CenterUserAsync(center);
        await user.CreateAsync("sme", new SmeRequest
        {
            CenterId = center.Id, EnterpriseName = "中小企业", EnterpriseCreditCode = creditCode, ServiceKind = "testing", ServedOn = DateOnly.FromDateTime(day.ToBeijingTime().DateTime),
        });
        var typedToo = await Served(center.Id, year);
        await user.CreateAsync("sme", await LedgerTestData.ValidRequestAsync("sme", center, user) is SmeRequest r
            ? r with { ServedOn = DateOnly.FromDateTime(day.ToBeijingTime().DateTime) }
            : throw new InvalidOperationException());
        var another = await Served(center.Id, year);

        await factory.WithDbAsync(db => db.LedgerRollupRows.Where(x => x.CenterId == center.Id).ExecuteDeleteAsync());
        await factory.WithDbAsync(db => new LedgerRollupRebuild(db).RebuildAsync(CancellationToken.None));
        var rebuilt = await Served(center.Id, year);
        var fresh = await factory.WithDbAsync(db => LedgerRollupFigures.ComputeAsync(db, LedgerRollupFigures.Sme, center.Id, null, CancellationToken.None));

        Assert.Equal(0m, declaredOnly);
        Assert.Equal(1m, confirmed);
        Assert.Equal(1m, typedToo);
        Assert.Equal(2m, another);
        Assert.Equal(2m, rebuilt);
        Assert.Equal(2L, fresh.Single(x => x.Year == year && x.Figure == LedgerRollupFigures.SmeServed).Value);
    }

    private Task<decimal> Served(Guid center, int year) =>
        factory.WithDbAsync(async db => (await new LedgerRollup(db, Policy).ForCenterYearAsync(center, year, CancellationToken.None))[LedgerRollupKeys.SmeServed]);

    private static async Task<BookingDto> Book(HttpClient c, Guid resource, DateTimeOffset s, DateTimeOffset e)
    {
        var r = await c.BookAsync(resource, s, e);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!;
    }

    private static async Task Usage(HttpClient owner, BookingDto b, decimal hours) =>
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{b.Id}/usage", new UsageRequest { UsedHours = hours })).StatusCode);
}

public sealed class SqliteResourceReportFigureTests(SqliteAppFactory factory) : ResourceReportFigureTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresResourceReportFigureTests(PostgresAppFactory factory) : ResourceReportFigureTests<PostgresAppFactory>(factory);
