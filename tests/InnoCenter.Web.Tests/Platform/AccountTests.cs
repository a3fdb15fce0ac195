using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Features.Account;
using InnoCenter.Web.Features.Users;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Platform;

public sealed class AccountTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private const string Password = "Register2026ok";

    [Fact]
    public async Task A_self_registered_account_cannot_sign_in_until_an_admin_verifies_it_for_its_organisation()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var org = await admin.CreateOrganizationAsync(TestData.Organization());
        var email = $"staff-{Guid.NewGuid():N}@test.local";
        var registered = await factory.AnonymousClient().PostAsJsonAsync("/api/v1/registrations",
            new RegistrationRequest(email, "申报员", Password, org.CreditCode, Roles.CenterUser));
        var user = await registered.Content.ReadFromJsonAsync<UserDto>(Json.Options);

        var browser = factory.AnonymousClient();
        var refused = await browser.SignInAsync(email, Password);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var activated = await admin.PostAsJsonAsync($"/api/v1/users/{user!.Id}/activate", new UserActivation(null));
        var accepted = await browser.SignInAsync(email, Password);
        var me = await browser.GetFromJsonAsync<MeDto>("/api/v1/account/me", Json.Options);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.False(user.IsActive);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("账号尚未通过管理员审核", refusedHtml);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(org.Id, me!.OrganizationId);
        Assert.Equal([Roles.CenterUser], me.Roles);
    }

    [Fact]
    public async Task Registration_for_an_unknown_organisation_or_as_an_admin_is_refused()
    {
        var client = factory.AnonymousClient("en-US");
        var unknownCode = TestData.NewCreditCode();

        var unknown = await client.PostAsJsonAsync("/api/v1/registrations",
            new RegistrationRequest($"x-{Guid.NewGuid():N}@test.local", "X", Password, unknownCode, Roles.CenterUser));
        var asAdmin = await client.PostAsJsonAsync("/api/v1/registrations",
            new RegistrationRequest($"y-{Guid.NewGuid():N}@test.local", "Y", Password, unknownCode, Roles.Admin));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(unknownCode, errors.GetProperty("creditCode")[0].GetString());
        var adminErrors = (await asAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(adminErrors.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var (user, _) = await factory.CreateUserAsync(Roles.Expert, password: Password);
        var browser = factory.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(user.Email!, "WrongPassword1");
        }

        var locked = await browser.SignInAsync(user.Email!, Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("账号已暂时锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_personal_access_token_works_until_its_owner_revokes_it_and_is_stored_only_as_a_hash()
    {
        var owner = await factory.ClientFor(Roles.Expert);
        var created = await (await owner.PostAsJsonAsync("/api/v1/account/tokens", new TokenRequest("集成系统", 30)))
            .Content.ReadFromJsonAsync<TokenCreated>(Json.Options);
        var integration = factory.AnonymousClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", created!.Secret);

        var before = await integration.GetAsync("/api/v1/account/me");
        var revoked = await owner.DeleteAsync($"/api/v1/account/tokens/{created.Token.Id}");
        var after = await integration.GetAsync("/api/v1/account/me");
        var stored = await factory.WithDbAsync(db => Task.FromResult(db.PersonalAccessTokens.Single(t => t.Id == created.Token.Id)));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.NotEqual(created.Secret, stored.TokenHash);
        Assert.Equal(PersonalAccessToken.HashOf(created.Secret), stored.TokenHash);
    }

    [Fact]
    public async Task Issuing_and_revoking_a_token_are_in_the_audit_log_and_its_hash_is_not()
    {
        var owner = await factory.ClientFor(Roles.Expert);
        var created = await (await owner.PostAsJsonAsync("/api/v1/account/tokens", new TokenRequest("审计", 30)))
            .Content.ReadFromJsonAsync<TokenCreated>(Json.Options);
        (await owner.DeleteAsync($"/api/v1/account/tokens/{created!.Token.Id}")).EnsureSuccessStatusCode();

        var id = created.Token.Id.ToString();
        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(PersonalAccessToken) && e.EntityId == id).OrderBy(e => e.Id).ToListAsync());

        Assert.Equal(["Insert", "Update"], entries.Select(e => e.Action).ToArray());
        Assert.Contains("RevokedAt", entries[1].After);
        Assert.All(entries, e => Assert.DoesNotContain(PersonalAccessToken.HashOf(created.Secret), (e.Before ?? "") + e.After));
    }

    [Fact]
    public async Task A_user_cannot_revoke_someone_elses_token()
    {
        var owner = await factory.ClientFor(Roles.Expert);
        var other = await factory.ClientFor(Roles.Expert);
        var created = await (await owner.PostAsJsonAsync("/api/v1/account/tokens", new TokenRequest("mine", null)))
            .Content.ReadFromJsonAsync<TokenCreated>(Json.Options);

        var response = await other.DeleteAsync($"/api/v1/account/tokens/{created!.Token.Id}");
        var withToken = factory.AnonymousClient();
        withToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", created.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_users_token_stops_working()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (user, token) = await factory.CreateUserAsync(Roles.Expert);
        var client = factory.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var deactivated = await admin.PostAsync($"/api/v1/users/{user.Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_accounts()
    {
        var center = await factory.ClientFor(Roles.CenterUser, (await (await factory.ClientFor(Roles.Admin)).CreateOrganizationAsync(TestData.Organization())).Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await center.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await center.PostAsJsonAsync("/api/v1/users",
            new UserCreateRequest("z@test.local", "Z", Password, Roles.Admin, null))).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_through_the_page_needs_the_current_one()
    {
        var (user, _) = await factory.CreateUserAsync(Roles.Expert, password: Password);
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(user.Email!, Password);

        var wrong = await browser.PostFormAsync("/Account/Manage?handler=ChangePassword", new Dictionary<string, string>
        {
            ["Password.Current"] = "NotMyPassword1",
            ["Password.New"] = "BrandNew2026pw",
        });
        var right = await browser.PostFormAsync("/Account/Manage?handler=ChangePassword", new Dictionary<string, string>
        {
            ["Password.Current"] = Password,
            ["Password.New"] = "BrandNew2026pw",
        });
        var fresh = factory.AnonymousClient();
        var withNew = await fresh.SignInAsync(user.Email!, "BrandNew2026pw");

        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }
}
