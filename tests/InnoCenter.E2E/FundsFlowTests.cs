using System.Text;
using System.Text.RegularExpressions;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Organizations;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

/// <summary>
/// The special fund through the pages (专项资金): one Admin drafts a grant and plans a tranche, a second Admin approves,
/// starts and releases it (four eyes), the center spends with a voucher and sees the near-limit warning, an Admin claws
/// back the balance, the center reports its plan's free indicator, and the annual report carries the execution rate
/// and the plan's completion the system computed.
/// </summary>
public sealed class FundsFlowTests(AppServer server) : IClassFixture<AppServer>
{
    private const string Password = "E2eFunds2026pw";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [BrowserFact]
    public async Task A_grant_drafted_by_one_admin_and_released_by_another_is_spent_with_a_voucher_warned_clawed_back_and_its_execution_rate_and_the_plans_completion_reach_the_annual_report()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var centerName = "浏览器资金测试创新中心" + suffix;
        var title = "中试线建设支持" + suffix;
        var (centerEmail, secondAdminEmail, centerId) = await SeedAsync(centerName);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(server.Clock.GetUtcNow(), LocalizationSetup.Beijing).DateTime);
        var year = today.Year;

        var drafter = await server.NewPageAsync();
        var second = await server.NewPageAsync();
        var center = await server.NewPageAsync();
        await server.RunAsync(drafter, nameof(A_grant_drafted_by_one_admin_and_released_by_another_is_spent_with_a_voucher_warned_clawed_back_and_its_execution_rate_and_the_plans_completion_reach_the_annual_report), async () =>
        {
            await new LoginPage(drafter).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            var create = new GrantCreatePage(drafter);
            await create.OpenAsync();
            await create.FillAsync(centerName, title, $"津工信科〔{year}〕{Random.Shared.Next(10, 99)}号", new DateOnly(year, 1, 1), new DateOnly(year + 1, 12, 31));
            await create.BudgetAsync("中试生产线及设备", "市级专项资金", 200_000m);
            await create.BudgetAsync("标准制定", "市级专项资金", 100_000m);
            await create.SaveAsync();
            var grantUrl = drafter.Url;
            var byDrafter = new GrantDetailsPage(drafter);
            await Assertions.Expect(byDrafter.Status).ToHaveTextAsync("草稿");
            await byDrafter.ApproveAsync();
            await Assertions.Expect(byDrafter.Refusal).ToContainTextAsync("须由另一位管理员办理");
            await Assertions.Expect(byDrafter.Status).ToHaveTextAsync("草稿");

            await server.RunAsync(second, "funds-second-admin-approves", async () =>
            {
                await new LoginPage(second).SignInAsync(secondAdminEmail, Password);
                var bySecond = new GrantDetailsPage(second);
                await bySecond.OpenFromListAsync(title);
                await bySecond.ApproveAsync();
                await Assertions.Expect(bySecond.Status).ToHaveTextAsync("已批准");
                await bySecond.StartAsync();
                await Assertions.Expect(bySecond.Status).ToHaveTextAsync("执行中");
            });

            await drafter.GotoAsync(grantUrl);
            await byDrafter.PlanTrancheAsync(100_000m, today);
            await Assertions.Expect(byDrafter.Tranches).ToContainTextAsync("100,000.00");
            await byDrafter.ReleaseTrancheAsync();
            await Assertions.Expect(byDrafter.Refusal).ToContainTextAsync("须由另一位管理员办理");
            await Assertions.Expect(byDrafter.Tranches).Not.ToContainTextAsync("已拨付");

            await server.RunAsync(second, "funds-second-admin-releases", async () =>
            {
                await second.GotoAsync(grantUrl);
                var bySecond = new GrantDetailsPage(second);
                await bySecond.ReleaseTrancheAsync();
                await Assertions.Expect(bySecond.Tranches.GetByRole(AriaRole.Row).Filter(new() { HasText = "100,000.00" })).ToContainTextAsync("已拨付");
                await Assertions.Expect(bySecond.Figures).ToContainTextAsync("100,000.00");
            });

            await server.RunAsync(center, "funds-center-spends", async () =>
            {
                await new LoginPage(center).SignInAsync(centerEmail, Password);
                var grant = new GrantDetailsPage(center);
                await grant.OpenFromListAsync(title);
                // Opened plainly the page refuses nothing, and a grant paid by the city alone has no matching money to record.
                await Assertions.Expect(grant.Refusal).ToHaveCountAsync(0);
                await Assertions.Expect(center.GetByRole(AriaRole.Button, new() { Name = "登记配套/自筹到位" })).ToHaveCountAsync(0);
                await grant.RecordExpenditureAsync();
                var spend = new SpendPage(center);
                await spend.FillAsync("standards", today, 95_000m, "天津市标准化研究院", "团体标准起草与验证");
                await spend.AttachVoucherAsync("标准起草合同.pdf", Pdf);
                await spend.SaveAsync();
                await Assertions.Expect(grant.Expenditures.GetByRole(AriaRole.Link, new() { Name = "标准起草合同.pdf" })).ToBeVisibleAsync();
                // 95,000 of the standards line's 100,000 is past the pack's near-limit line (90 %).
                await Assertions.Expect(grant.Warnings).ToContainTextAsync("接近预算上限");
                await Assertions.Expect(grant.Warnings).ToContainTextAsync("标准制定");
            });

            await drafter.GotoAsync(grantUrl);
            await byDrafter.RecordClawbackAsync(5_000m, "结余资金收回");
            await Assertions.Expect(byDrafter.Clawbacks).ToContainTextAsync("结余资金收回");
            await Assertions.Expect(byDrafter.Figure("已收回（元）")).ToHaveTextAsync("5,000.00");

            // The plan's free indicator (10 / 12 / 14 a year from the year of approval, two years ago): this year's actual
            // reported by the center with its evidence on the plan page.
            await server.RunAsync(center, "funds-center-reports-plan-actual", async () =>
            {
                await center.GotoAsync($"/Centers/Plan/{centerId}?year={year}");
                await center.GetByLabel("实际值 中试验证服务企业").FillAsync("7");
                await center.GetByLabel("佐证材料 中试验证服务企业").FillAsync("中试验证服务企业名单（7家）");
                await center.GetByRole(AriaRole.Button, new() { Name = "保存实际值" }).ClickAsync();
                await Assertions.Expect(center.GetByRole(AriaRole.Cell, new() { Name = "50%", Exact = true })).ToBeVisibleAsync();
            });

            var assessment = new AssessmentPages(drafter);
            await assessment.OpenCycleAsync(year, today.AddDays(1));

            await server.RunAsync(center, "funds-center-reads-report", async () =>
            {
                var report = new AssessmentPages(center);
                await report.OpenReportOfYearAsync(year);
                // Spent to the year's end over received to the year's end: 95,000 / 100,000.
                await Assertions.Expect(center.GetByTestId("computed-funds.execution_rate")).ToHaveTextAsync("系统计算");
                await Assertions.Expect(center.GetByTestId("value-funds.execution_rate")).ToHaveTextAsync("95");
                // The plan's completion this year, 7 of 14, filled from the plan and not typed.
                await Assertions.Expect(center.GetByTestId("computed-plan-completion")).ToHaveTextAsync("系统计算");
                await Assertions.Expect(center.GetByTestId("value-plan-completion")).ToHaveTextAsync(new Regex(@"^\s*50(\.0+)?\s*%?\s*$"));
            });

            await ShootAsync(centerEmail, grantUrl, center.Url, $"/Centers/Plan/{centerId}?year={year}");
        });
    }

    /// <summary>
    /// With INNOCENTER_SHOTS set to a folder, the center's import page, grant page (voucher forms) and annual report
    /// (系统计算 badge) at 1366 × 768 in both languages, for a person to look over; nothing is asserted on them.
    /// </summary>
    private async Task ShootAsync(string centerEmail, string grantUrl, string reportUrl, string planUrl)
    {
        if (Environment.GetEnvironmentVariable("INNOCENTER_SHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var grantId = grantUrl[(grantUrl.LastIndexOf('/') + 1)..];
        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var page = await server.NewPageAsync(culture);
            await new LoginPage(page, culture).SignInAsync(centerEmail, Password);
            foreach (var (name, url) in new[] { ("funds-import", $"/Funds/Import/{grantId}"), ("funds-grant", grantUrl), ("assessment-report", reportUrl), ("centers-plan", planUrl) })
            {
                await page.GotoAsync(url);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{culture}.png") });
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{culture}-full.png"), FullPage = true });
            }

            await page.Context.CloseAsync();
        }
    }

    /// <summary>A center recognised two years ago with its lead's user, and a second Admin; returns both e-mails.</summary>
    private async Task<(string CenterEmail, string SecondAdminEmail, Guid CenterId)> SeedAsync(string name)
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var lead = Organization.Create(new OrganizationDetails(Uscc.Compose("91", "120116", "MA" + Random.Shared.Next(100000, 999999)), "资金测试牵头企业" + Guid.NewGuid().ToString("N")[..4], OrganizationType.Enterprise, "Tianjin", "120116", null, null, null), now);
        var university = Organization.Create(new OrganizationDetails(Uscc.Compose("12", "120000", "4" + Random.Shared.Next(1000000, 9999999)), "资金测试大学" + Guid.NewGuid().ToString("N")[..4], OrganizationType.University, "Tianjin", "120104", null, null, null), now);
        db.Organizations.AddRange(lead, university);
        // The approved application's plan carries one free indicator, so the plan page shows its report form.
        var application = Application.Start(lead.Id, lead.Name, new ApplicationDetails(name, "high-end-equipment", "C34", "摘要", "目标"), "tianjin-2020", 1, Guid.NewGuid(), now);
        application.SetIndicators([new PlannedIndicator("中试验证服务企业", "家", 10, 12, 14)]);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        var founded = await sp.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(
            new CenterFounding(application.Id, name, "high-end-equipment", lead.Id, "津工信科〔2024〕5号", "TJMIC-" + Random.Shared.Next(1000, 9999), new DateOnly(now.Year - 2, 3, 1),
                [new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 70m), new CenterFoundingMember(university.Id, MemberKind.University, 30m)]),
            CancellationToken.None);
        if (!founded.IsSuccess)
        {
            throw new InvalidOperationException(string.Join("; ", founded.Failure!.Errors));
        }

        await db.SaveChangesAsync();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var centerEmail = $"e2e-funds-center-{Guid.NewGuid():N}@test.local";
        var adminEmail = $"e2e-funds-admin-{Guid.NewGuid():N}@test.local";
        await CreateUserAsync(users, centerEmail, "资金填报人", Roles.CenterUser, lead.Id);
        await CreateUserAsync(users, adminEmail, "复核管理员", Roles.Admin, null);
        return (centerEmail, adminEmail, founded.Value.Id);
    }

    private static async Task CreateUserAsync(UserManager<AppUser> users, string email, string name, string role, Guid? organizationId)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganizationId = organizationId,
            IsActive = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
