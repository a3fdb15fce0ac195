using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Experts;

/// <summary>Expert onboarding by invitation (issue 11), once per database provider.</summary>
public abstract partial class ExpertOnboardingApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Password = "Expert2026pass";

    [ProviderFact]
    public async Task Accepting_an_invitation_sets_the_password_and_links_the_account_in_the_chosen_language()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (expert, email) = await PoolExpertAsync(admin);

        var invited = await admin.PostAsJsonAsync("/api/v1/experts/invitations", new InviteRequest([expert.Id], "en-US"));
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var report = (await invited.Content.ReadFromJsonAsync<InviteReport>(Json.Options))!;
        Assert.Equal([expert.Id], report.Invited);
        var mail = await LastMailToAsync(email);
        Assert.Contains("invitation", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(expert.Name, mail.Body);
        var token = TokenIn(mail.Body);
        Assert.Equal("Invited", (await StateAsync(admin, expert.Id)).State);
        // Only a hash is kept: the token itself is nowhere in the database.
        Assert.False(await factory.WithDbAsync(db => db.ExpertInvitations.AnyAsync(i => i.TokenHash == token)));

        var accepted = await factory.AnonymousClient().PostAsJsonAsync(
            "/api/v1/expert-invitations/accept", new AcceptInvitationRequest(token, Password, Password));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var userId = await accepted.Content.ReadFromJsonAsync<Guid>(Json.Options);
        Assert.Equal(userId, await factory.WithDbAsync(db => db.Experts.Where(e => e.Id == expert.Id).Select(e => e.UserId).SingleAsync()));
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(userId.ToString()))!;
            Assert.Equal(email, user.Email);
            Assert.Equal("en-US", user.PreferredCulture);
            Assert.True(user.IsActive);
            Assert.True(await users.CheckPasswordAsync(user, Password));
            Assert.Equal([Roles.Expert], await users.GetRolesAsync(user));
        }

        Assert.Equal("Accepted", (await StateAsync(admin, expert.Id)).State);
        var again = await factory.AnonymousClient().PostAsJsonAsync(
            "/api/v1/expert-invitations/accept", new AcceptInvitationRequest(token, "Another2026pass", "Another2026pass"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var resend = await admin.PostAsync($"/api/v1/experts/{expert.Id}/invitation/resend", null);
        Assert.Empty((await resend.Content.ReadFromJsonAsync<InviteReport>(Json.Options))!.Invited);
    }

    [ProviderFact]
    public async Task A_resent_revoked_or_expired_link_is_refused()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (expert, email) = await PoolExpertAsync(admin);
        (await admin.PostAsJsonAsync("/api/v1/experts/invitations", new InviteRequest([expert.Id], "zh-CN"))).EnsureSuccessStatusCode();
        var first = TokenIn((await LastMailToAsync(email)).Body);

        (await admin.PostAsync($"/api/v1/experts/{expert.Id}/invitation/resend", null)).EnsureSuccessStatusCode();
        var second = TokenIn((await LastMailToAsync(email)).Body);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.BadRequest, (await AcceptAsync(first)).StatusCode);

        (await admin.PostAsync($"/api/v1/experts/{expert.Id}/invitation/revoke", null)).EnsureSuccessStatusCode();
        Assert.Equal("Revoked", (await StateAsync(admin, expert.Id)).State);
        Assert.Equal(HttpStatusCode.BadRequest, (await AcceptAsync(second)).StatusCode);

        (await admin.PostAsync($"/api/v1/experts/{expert.Id}/invitation/resend", null)).EnsureSuccessStatusCode();
        var third = TokenIn((await LastMailToAsync(email)).Body);
        var validDays = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ExpertInvitationOptions>>().Value.ValidDays;
        factory.Clock.Advance(TimeSpan.FromDays(validDays) + TimeSpan.FromMinutes(1));
        try
        {
            Assert.Equal("Expired", (await StateAsync(admin, expert.Id)).State);
            var expired = await AcceptAsync(third);
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
            Assert.Contains("token", await expired.Content.ReadAsStringAsync());
        }
        finally
        {
            factory.Clock.Advance(-(TimeSpan.FromDays(validDays) + TimeSpan.FromMinutes(1)));
        }

        Assert.Null(await factory.WithDbAsync(db => db.Experts.Where(e => e.Id == expert.Id).Select(e => e.UserId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await AcceptAsync(third)).StatusCode);
    }

    [ProviderFact]
    public async Task Only_an_Admin_invites_and_experts_who_cannot_be_invited_are_reported()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (pool, _) = await PoolExpertAsync(admin);
        var withSignIn = await factory.CreateExpertAsync(admin, ReviewTestData.Expert(["law"]));
        var noEmail = await CreateAsync(admin, ReviewTestData.Expert(["law"]) with { Email = null });

        var expert = await factory.ClientFor(Roles.Expert);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync("/api/v1/experts/invitations", new InviteRequest([pool.Id], "zh-CN"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/experts/invitations", new InviteRequest([pool.Id], "fr-FR"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/experts/invitations", new InviteRequest([], "zh-CN"))).StatusCode);

        var response = await admin.PostAsJsonAsync("/api/v1/experts/invitations", new InviteRequest([pool.Id, withSignIn.Id, noEmail.Id], "zh-CN"));

        var report = (await response.Content.ReadFromJsonAsync<InviteReport>(Json.Options))!;
        Assert.Equal([pool.Id], report.Invited);
        Assert.Equal("experts.invite.has_account", report.Skipped.Single(s => s.ExpertId == withSignIn.Id).Reason);
        Assert.Equal("experts.invite.no_email", report.Skipped.Single(s => s.ExpertId == noEmail.Id).Reason);
        Assert.Equal("Accepted", (await StateAsync(admin, withSignIn.Id)).State);
        Assert.Equal("NotInvited", (await StateAsync(admin, noEmail.Id)).State);
    }

    [ProviderFact]
    public async Task The_accept_page_is_anonymous_and_sets_the_password()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (expert, email) = await PoolExpertAsync(admin);
        (await admin.PostAsJsonAsync("/api/v1/experts/invitations", new InviteRequest([expert.Id], "zh-CN"))).EnsureSuccessStatusCode();
        var token = TokenIn((await LastMailToAsync(email)).Body);
        var browser = factory.AnonymousClient();

        var page = await browser.GetAsync($"{ExpertInvitationHandlers.AcceptPath}?token={token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(expert.Name, html);
        Assert.Contains(email, html);
        var antiforgery = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var posted = await browser.PostAsync(ExpertInvitationHandlers.AcceptPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["Password"] = Password, ["ConfirmPassword"] = Password, ["__RequestVerificationToken"] = antiforgery,
        }));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("/Account/Login", await posted.Content.ReadAsStringAsync());
        Assert.NotNull(await factory.WithDbAsync(db => db.Experts.Where(e => e.Id == expert.Id).Select(e => e.UserId).SingleAsync()));
        var unknown = await (await browser.GetAsync($"{ExpertInvitationHandlers.AcceptPath}?token=nothing")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"Password\"", unknown);
    }

    private async Task<(ExpertDto Expert, string Email)> PoolExpertAsync(HttpClient admin)
    {
        var email = $"pool-{Guid.NewGuid():N}@test.local";
        return (await CreateAsync(admin, ReviewTestData.Expert(["technology"]) with { Email = email }), email);
    }

    private static async Task<ExpertDto> CreateAsync(HttpClient admin, ExpertRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/experts", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ExpertDto>(Json.Options))!;
    }

    private Task<HttpResponseMessage> AcceptAsync(string token) =>
        factory.AnonymousClient().PostAsJsonAsync("/api/v1/expert-invitations/accept", new AcceptInvitationRequest(token, Password, Password));

    private static async Task<InvitationDto> StateAsync(HttpClient admin, Guid expertId) =>
        (await admin.GetFromJsonAsync<InvitationDto>($"/api/v1/experts/{expertId}/invitation", Json.Options))!;

    private Task<InnoCenter.Web.Infrastructure.Notifications.OutboxEmail> LastMailToAsync(string email) =>
        factory.WithDbAsync(db => db.OutboxEmails.Where(m => m.To == email).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstAsync());

    public static string TokenIn(string body) => Uri.UnescapeDataString(TokenPattern().Match(body).Groups[1].Value);

    [GeneratedRegex(@"AcceptInvitation\?token=([A-Za-z0-9_%\-]+)")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteExpertOnboardingApiTests(SqliteAppFactory factory) : ExpertOnboardingApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresExpertOnboardingApiTests(PostgresAppFactory factory) : ExpertOnboardingApiTests<PostgresAppFactory>(factory);
