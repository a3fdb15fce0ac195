using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Organizations;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

public sealed class PortalTests(AppServer server) : IClassFixture<AppServer>
{
    private const string Password = "CenterUser2026pw";

    private static readonly string[] PublicPages =
        ["/", "/Portal/Cases", "/Portal/Documents", "/Portal/Inquiries", "/Portal/Search?q=%E5%88%9B%E6%96%B0", "/Portal/Funds", "/Notices", "/Centers/Public"];

    [BrowserFact]
    public async Task Every_public_page_passes_axe_wcag_a_and_aa_in_both_languages()
    {
        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var page = await server.NewPageAsync(locale);
            await server.RunAsync(page, nameof(Every_public_page_passes_axe_wcag_a_and_aa_in_both_languages) + "-" + locale, async () =>
            {
                await page.GotoAsync("/culture/" + locale + "?returnUrl=/");
                var problems = new List<string>();
                foreach (var path in PublicPages)
                {
                    await page.GotoAsync(path);
                    var result = await page.RunAxe(new AxeRunOptions
                    {
                        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                    });
                    problems.AddRange(result.Violations.Select(v =>
                        $"{locale} {path}: {v.Id} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
                }

                Assert.True(problems.Count == 0, string.Join("\n", problems));
            });
        }
    }

    [BrowserFact]
    public async Task A_center_drafts_a_case_the_admin_returns_it_the_center_revises_and_the_published_case_is_on_home_and_feed()
    {
        var (email, centerName) = await SetUpAsync();
        var tag = Guid.NewGuid().ToString("N")[..5];
        var first = "联合攻关初稿" + tag;
        var revised = "联合攻关定稿" + tag;
        var staffPage = await server.NewPageAsync();
        await server.RunAsync(staffPage, nameof(A_center_drafts_a_case_the_admin_returns_it_the_center_revises_and_the_published_case_is_on_home_and_feed), async () =>
        {
            await new LoginPage(staffPage).SignInAsync(email, Password);
            var editor = new CaseEditorPage(staffPage);
            await editor.DraftAsync(first, "成员单位联合研发。", "## 做法\n\n共享中试线。", "协同创新");
            await Assertions.Expect(staffPage.GetByRole(AriaRole.Heading, new() { Name = first })).ToBeVisibleAsync();
            await editor.SubmitAsync();

            var adminPage = await server.NewPageAsync();
            await new LoginPage(adminPage).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            var review = new CaseReviewPage(adminPage);
            await review.OpenFromQueueAsync(first);
            await review.ReturnAsync("请补充成效数据。");

            await staffPage.ReloadAsync();
            await Assertions.Expect(staffPage.GetByText("请补充成效数据。")).ToBeVisibleAsync();
            await editor.ReviseAsync(revised);
            await editor.SubmitAsync();

            await review.OpenFromQueueAsync(revised);
            await review.PublishAndFeatureAsync();

            var visitor = await server.NewPageAsync();
            await visitor.GotoAsync("/");
            await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = revised })).ToBeVisibleAsync();
            await visitor.GetByRole(AriaRole.Link, new() { Name = revised }).ClickAsync();
            await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = revised, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(visitor.GetByText(centerName).First).ToBeVisibleAsync();
            var feed = await visitor.APIRequest.GetAsync("/feed/portal.atom");
            var xml = await feed.TextAsync();
            Assert.Contains(revised, xml);
            Assert.DoesNotContain(first, xml);
        });
    }

    private async Task<(string Email, string CenterName)> SetUpAsync()
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var lead = Organization.Create(new OrganizationDetails(
            Uscc.Compose("91", "120116", "MA" + Random.Shared.Next(100000, 999999)), "门户测试装备有限公司" + suffix, OrganizationType.Enterprise,
            "Tianjin", "120116", null, null, null), now);
        db.Organizations.Add(lead);
        await db.SaveChangesAsync();
        var name = "门户测试创新中心" + suffix;
        await sp.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(new CenterFounding(
            Guid.NewGuid(), name, "high-end-equipment", lead.Id, "津工信科〔2025〕9号", "TJMIC-P-" + suffix, new DateOnly(DateTime.UtcNow.Year - 1, 3, 1),
            [new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 100m)]), CancellationToken.None);
        await db.SaveChangesAsync();
        var email = $"portal-{suffix}@e2e.local";
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "门户用户" + suffix,
            OrganizationId = lead.Id, IsActive = true, CreatedAt = now,
        };
        await users.CreateAsync(user, Password);
        await users.AddToRoleAsync(user, Roles.CenterUser);
        return (email, name);
    }
}
