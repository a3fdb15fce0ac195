using System.Text.RegularExpressions;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

/// <summary>An Admin invites a pool expert; the mail arrives over SMTP; its link sets the password; the expert signs in and finds the panel seat waiting.</summary>
public sealed partial class ExpertOnboardingTests(MailAppServer server) : IClassFixture<MailAppServer>
{
    private const string Password = "E2eInvited2026pw";

    [BrowserFact]
    public async Task An_invited_expert_sets_a_password_from_the_mailed_link_signs_in_and_sees_the_assignment()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var invitee = "邀请专家" + suffix;
        var email = $"invited-{suffix}@test.local";
        var title = "天津市邀请测试制造业创新中心" + suffix;
        await SeedPoolAsync(invitee);
        await SeedSubjectAsync(title);

        var admin = await server.NewPageAsync();
        var expert = await server.NewPageAsync();
        await server.RunAsync(admin, nameof(An_invited_expert_sets_a_password_from_the_mailed_link_signs_in_and_sees_the_assignment), async () =>
        {
            await new LoginPage(admin).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            await new ExpertInvitePage(admin).InviteAsync(invitee, email);

            // The pool holds exactly one expert per required domain, so the draw seats all five, the invitee among them.
            var review = new ReviewSubjectAdminPage(admin);
            await review.OpenFromListAsync(title);
            await review.DrawAsync();
            Assert.Contains(invitee, await review.MemberNamesAsync());

            Assert.True(await DeliverMailAsync() >= 1);
            var mail = Assert.Single(server.MessagesTo(email));
            Assert.Equal("【制造业创新中心管理平台】评审专家账号邀请", mail.Subject);
            Assert.Contains(invitee, mail.TextBody);
            var link = LinkIn().Match(mail.TextBody ?? string.Empty);
            Assert.True(link.Success, "No invitation link in: " + mail.TextBody);
            var path = link.Groups[1].Value;

            await server.RunAsync(expert, nameof(An_invited_expert_sets_a_password_from_the_mailed_link_signs_in_and_sees_the_assignment) + "-expert", async () =>
            {
                await expert.GotoAsync(path);
                await new AcceptInvitationPage(expert).SetPasswordAsync(Password);

                await new LoginPage(expert).SignInAsync(email, Password);
                var waiting = new WorkbenchPage(expert).Item("待答复的评审邀请");
                await Assertions.Expect(waiting).ToBeVisibleAsync();
                await waiting.ClickAsync();
                var mine = new ExpertReviewPages(expert);
                await Assertions.Expect(mine.Row(title)).ToBeVisibleAsync();
                await mine.AcceptAsync(title);

                // The link is single-use: opened again, it no longer offers to set a password.
                await expert.GotoAsync(path);
                await Assertions.Expect(new AcceptInvitationPage(expert).Submit).ToHaveCountAsync(0);
            });
        });
    }

    /// <summary>Runs the mail sender once (the fixture's timer is off, so the test decides when mail leaves).</summary>
    private async Task<int> DeliverMailAsync()
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MailDelivery>().RunAsync(CancellationToken.None);
    }

    /// <summary>One expert per domain the panel's quotas need, none with a sign-in; the invitee covers technology.</summary>
    private async Task SeedPoolAsync(string invitee)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (string Name, string Domain)[] pool =
        [
            (invitee, "technology"), ("产业专家" + invitee[^4..], "industry"), ("管理专家" + invitee[^4..], "management"),
            ("经济专家" + invitee[^4..], "economics"), ("法律专家" + invitee[^4..], "law"),
        ];
        foreach (var (name, domain) in pool)
        {
            var code = Uscc.Compose("12", "120000", "4" + Random.Shared.Next(1000000, 9999999)).Value;
            db.Experts.Add(Expert.Create(
                new ExpertProfile(null, name, "教授", code, "测试大学", null, [domain], ["high-end-equipment"], null, null, null, true, []),
                DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    private async Task SeedSubjectAsync(string title)
    {
        using var scope = server.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>().EnsureSubjectAsync(
            ReviewSubjectKind.Application, Guid.NewGuid(), title, "high-end-equipment", DateTime.UtcNow.Year,
            [Uscc.Compose("91", "120116", "MA0" + Random.Shared.Next(10000, 99999)).Value], CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    [GeneratedRegex(@"https://innocenter\.e2e\.example\.gov\.cn(/\S+)")]
    private static partial Regex LinkIn();
}
