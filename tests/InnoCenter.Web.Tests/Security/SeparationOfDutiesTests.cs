using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Users;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Security;

/// <summary>三员分立 with <c>Security:CombinedAdmin=false</c>: accounts, cases and the audit log are three roles' business.</summary>
public sealed class SeparationOfDutiesTests : IClassFixture<SqliteAppFactory>
{
    private readonly SqliteAppFactory _factory;

    public SeparationOfDutiesTests(SqliteAppFactory factory)
    {
        _factory = factory;
        _factory.Settings["Security:CombinedAdmin"] = "false";
    }

    [Fact]
    public async Task The_programme_admin_neither_manages_accounts_nor_reads_the_audit_log()
    {
        var admin = await _factory.ClientFor(Roles.Admin);
        var system = await _factory.ClientFor(Roles.SystemAdmin);
        var auditor = await _factory.ClientFor(Roles.AuditAdmin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/api/v1/audit/verify", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.GetAsync("/api/v1/audit")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.PostAsync("/api/v1/audit/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task The_pages_follow_the_same_split()
    {
        var (admin, _) = await _factory.CreateUserAsync(Roles.Admin, password: "SplitAdmin2026x");
        var (auditor, _) = await _factory.CreateUserAsync(Roles.AuditAdmin, password: "SplitAudit2026x");
        var adminBrowser = _factory.AnonymousClient();
        await adminBrowser.SignInAsync(admin.Email!, "SplitAdmin2026x");
        var auditBrowser = _factory.AnonymousClient();
        await auditBrowser.SignInAsync(auditor.Email!, "SplitAudit2026x");

        var adminUsers = await adminBrowser.GetAsync("/Users");
        var adminAudit = await adminBrowser.GetAsync("/Audit");
        var auditPage = await auditBrowser.GetAsync("/Audit");
        var adminHome = await adminBrowser.GetStringAsync("/Organizations");

        Assert.StartsWith("/Account/AccessDenied", adminUsers.Headers.Location?.AbsolutePath ?? adminUsers.Headers.Location?.OriginalString);
        Assert.StartsWith("/Account/AccessDenied", adminAudit.Headers.Location?.AbsolutePath ?? adminAudit.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, auditPage.StatusCode);
        Assert.DoesNotContain("href=\"/Users\"", adminHome);
        Assert.DoesNotContain("href=\"/Audit\"", adminHome);
    }

    [Fact]
    public async Task One_account_never_holds_two_of_the_three_administrative_roles()
    {
        var system = await _factory.ClientFor(Roles.SystemAdmin, culture: "en-US");
        var (admin, _) = await _factory.CreateUserAsync(Roles.Admin);

        var refused = await system.PostAsJsonAsync($"/api/v1/users/{admin.Id}/activate", new UserActivation(Roles.AuditAdmin));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Separation of duties", problem.GetProperty("errors").GetProperty("role")[0].GetString());
    }

    [Fact]
    public async Task The_first_account_is_the_system_administrator_when_duties_are_separate()
    {
        var browser = _factory.AnonymousClient();
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var me = await browser.GetFromJsonAsync<MeDto>("/api/v1/account/me", Json.Options);

        Assert.Equal([Roles.SystemAdmin], me!.Roles);
    }
}
