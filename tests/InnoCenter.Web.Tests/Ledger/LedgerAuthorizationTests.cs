using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>
/// Who may do what on every ledger kind's endpoints: the center's users read and write their own ledger; a member's
/// users read what concerns their organisation; Admins read all and write none; nobody touches another center's.
/// </summary>
public abstract class LedgerAuthorizationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    public static TheoryData<string> Kinds => new(LedgerTestData.Kinds);

    [ProviderTheory]
    [MemberData(nameof(Kinds))]
    public async Task The_authorisation_matrix_holds_for(string kind)
    {
        var mine = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var owner = await factory.CenterUserAsync(mine);
        var otherCenter = await factory.CenterUserAsync(other);
        var memberOfMine = await factory.MemberUserAsync(mine.Institute);
        var expert = await factory.ClientFor(Roles.Expert);
        var anonymous = factory.AnonymousClient();
        var request = await LedgerTestData.ValidRequestAsync(kind, mine, owner);
        var path = $"/api/v1/ledger/{kind}";

        var created = await owner.PostJsonAsync(path, request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await created.Content.ReadFromJsonAsync<LedgerItem>(Json.Options))!;
        var record = $"{path}/{item.Id}";
        var edit = Edit(request, item.Version);

        // The center's own users: read, edit.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(record)).StatusCode);
        Assert.Contains((await owner.GetFromJsonAsync<PagedResult<LedgerItem>>(path, Json.Options))!.Items, i => i.Id == item.Id);

        // Another center's users: the record does not exist for them, and they cannot write into this center.
        Assert.Equal(HttpStatusCode.NotFound, (await otherCenter.GetAsync(record)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCenter.PutJsonAsync(record, edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCenter.DeleteAsync(record)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCenter.PostJsonAsync(path, request)).StatusCode);
        Assert.DoesNotContain((await otherCenter.GetFromJsonAsync<PagedResult<LedgerItem>>(path, Json.Options))!.Items, i => i.CenterId == mine.Id);

        // A member's users (the institute co-owns nothing here and takes part in nothing): read nothing, write nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await memberOfMine.GetAsync(record)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberOfMine.PostJsonAsync(path, request)).StatusCode);
        Assert.Empty((await memberOfMine.GetFromJsonAsync<PagedResult<LedgerItem>>($"{path}?centerId={mine.Id}", Json.Options))!.Items);

        // Admins read all, write none.
        Assert.Equal(HttpStatusCode.OK, (await mine.Admin.GetAsync(record)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.Admin.PutJsonAsync(record, edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.Admin.PostJsonAsync(path, request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mine.Admin.DeleteAsync(record)).StatusCode);

        // Experts and strangers.
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync(record)).StatusCode);
        Assert.Empty((await expert.GetFromJsonAsync<PagedResult<LedgerItem>>(path, Json.Options))!.Items);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{path}/export")).StatusCode);

        // Last, the owner edits; another center's users never could.
        Assert.Equal(HttpStatusCode.OK, (await owner.PutJsonAsync(record, edit)).StatusCode);
    }

    [ProviderFact]
    public async Task A_member_reads_the_ip_deals_and_projects_that_concern_its_organisation_and_nothing_else()
    {
        var c = await factory.CreateCenterAsync();
        var owner = await factory.CenterUserAsync(c);
        var university = await factory.MemberUserAsync(c.University);
        var institute = await factory.MemberUserAsync(c.Institute);
        var deal = await owner.CreateAsync("deals", await LedgerTestData.ValidRequestAsync("deals", c, owner));
        var project = await owner.CreateAsync("projects", await LedgerTestData.ValidRequestAsync("projects", c, owner));
        var standard = await owner.CreateAsync("standards", await LedgerTestData.ValidRequestAsync("standards", c, owner));

        var universityIp = await university.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?centerId={c.Id}", Json.Options);
        var instituteIp = await institute.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?centerId={c.Id}", Json.Options);

        Assert.Single(universityIp!.Items);
        Assert.Empty(instituteIp!.Items);
        Assert.Equal(HttpStatusCode.OK, (await university.GetAsync($"/api/v1/ledger/deals/{deal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await university.GetAsync($"/api/v1/ledger/deals/{deal.Id}/receipts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await institute.GetAsync($"/api/v1/ledger/deals/{deal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await university.GetAsync($"/api/v1/ledger/projects/{project.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await institute.GetAsync($"/api/v1/ledger/projects/{project.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await university.GetAsync($"/api/v1/ledger/standards/{standard.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await university.PutAsJsonAsync($"/api/v1/ledger/projects/{project.Id}", new ProjectRequest { Version = project.Version })).StatusCode);
    }

    [ProviderFact]
    public async Task Uploads_over_the_api_need_a_token_not_a_cookie_and_the_roll_up_is_for_the_center_and_admins()
    {
        var c = await factory.CreateCenterAsync();
        var owner = await factory.CenterUserAsync(c);
        var (user, _) = await factory.CreateUserAsync(Roles.CenterUser, c.Lead.Id, "CookieUser2026x");
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(user.Email!, "CookieUser2026x");

        var byCookie = await browser.UploadAsync($"/api/v1/ledger/ip/import?centerId={c.Id}", [1, 2, 3], "x.xlsx");
        var rollupOwner = await owner.GetAsync($"/api/v1/ledger/rollup?centerId={c.Id}&year={c.LastYear}");
        var rollupMember = await (await factory.MemberUserAsync(c.University)).GetAsync($"/api/v1/ledger/rollup?centerId={c.Id}&year={c.LastYear}");
        var allByOwner = await owner.GetAsync($"/api/v1/ledger/rollup/{c.LastYear}");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/v1/ledger/ip?centerId={c.Id}")).StatusCode);
        Assert.True(byCookie.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, byCookie.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, rollupOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rollupMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, allByOwner.StatusCode);
    }

    /// <summary>The same request as an edit of the given version.</summary>
    private static LedgerRequest Edit(object request, int version) => ((LedgerRequest)request) with { CenterId = null, Version = version };
}

public sealed class SqliteLedgerAuthorizationTests(SqliteAppFactory factory) : LedgerAuthorizationTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresLedgerAuthorizationTests(PostgresAppFactory factory) : LedgerAuthorizationTests<PostgresAppFactory>(factory);
