using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Tests.Workbench;

/// <summary>The defects issue 11 found in the browser, each shown over HTTP before its fix, once per provider.</summary>
public abstract class BrowserDefectTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task An_unknown_applications_approval_document_is_not_found_rather_than_not_approved()
    {
        var admin = await factory.ClientFor(Roles.Admin, culture: "en-US");

        var response = await admin.GetAsync($"/api/v1/applications/{Guid.NewGuid()}/documents/approval");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Json.Options);
        Assert.Equal("The application was not found, or you may not see it.", problem!.Detail ?? problem.Title);
    }

    [ProviderFact]
    public async Task The_ledger_home_links_to_the_statement_page_that_exists_for_every_role_that_sees_it()
    {
        var c = await factory.CreateCenterAsync();
        var pages = new Dictionary<string, (HttpClient Client, string Path)>
        {
            ["admin"] = (c.Admin, "/Ledger"),
            ["center"] = (await factory.CenterUserAsync(c), $"/Ledger?centerId={c.Id}"),
            ["member"] = (await factory.MemberUserAsync(c.University), "/Ledger"),
        };

        foreach (var (role, (client, path)) in pages)
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotContain("statement@", html);
            var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/Ledger/statement[^\"]*)\"");
            Assert.True(href.Success, $"{role}: no link to the statement");
            var target = await client.GetAsync(WebUtility.HtmlDecode(href.Groups[1].Value));
            Assert.True(target.StatusCode == HttpStatusCode.OK, $"{role}: {href.Groups[1].Value} answered {target.StatusCode}");
        }
    }

    [ProviderFact]
    public async Task A_member_user_is_not_offered_the_rollup_tab_it_may_not_open_and_the_centers_staff_are()
    {
        var c = await factory.CreateCenterAsync();
        var member = await factory.MemberUserAsync(c.University);
        var staff = await factory.CenterUserAsync(c);

        var memberPage = await member.GetStringAsync($"/Centers/Details/{c.Id}");
        var staffPage = await staff.GetStringAsync($"/Centers/Details/{c.Id}");

        // The page's 404 is answered in place by the error page, as every page's is (re-executed, not redirected).
        var refused = await member.GetAsync($"/Centers/Rollup/{c.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.DoesNotContain($"/Centers/Rollup/{c.Id}", memberPage);
        Assert.Contains($"/Centers/Rollup/{c.Id}", staffPage);
    }

    [ProviderFact]
    public async Task The_rollup_names_its_figures_and_shows_no_internal_indicator_code()
    {
        var c = await factory.CreateCenterAsync();
        var staff = await factory.CenterUserAsync(c, "en-US");

        var html = await staff.GetStringAsync($"/Centers/Rollup/{c.Id}");

        foreach (var key in InnoCenter.Web.Features.Ledger.LedgerRollup.Keys)
        {
            Assert.DoesNotContain($">{key}<", html);
        }
    }

    [ProviderFact]
    public async Task Camera_and_place_are_allowed_on_the_site_inspection_page_only()
    {
        var expert = await factory.ClientFor(Roles.Expert);

        var inspection = await expert.GetAsync($"/Reviews/Inspection/{Guid.NewGuid()}");
        var home = await expert.GetAsync("/");

        Assert.Equal("camera=(self), microphone=(), geolocation=(self)", inspection.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("camera=(), microphone=(), geolocation=()", home.Headers.GetValues("Permissions-Policy").Single());
    }
}

public sealed class SqliteBrowserDefectTests(SqliteAppFactory factory) : BrowserDefectTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresBrowserDefectTests(PostgresAppFactory factory) : BrowserDefectTests<PostgresAppFactory>(factory);
