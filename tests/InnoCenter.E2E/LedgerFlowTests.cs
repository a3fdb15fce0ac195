using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Ledger;
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

public sealed class LedgerFlowTests(AppServer server) : IClassFixture<AppServer>
{
    private const string Password = "CenterUser2026pw";

    [BrowserFact]
    public async Task A_centers_user_records_an_ip_a_licence_and_a_receipt_and_each_co_owner_sees_its_share_on_the_statement()
    {
        var page = await server.NewPageAsync();
        await server.RunAsync(page, nameof(A_centers_user_records_an_ip_a_licence_and_a_receipt_and_each_co_owner_sees_its_share_on_the_statement), async () =>
        {
            var world = await SetUpAsync();
            var year = world.ApprovedOn.Year + 1;
            var number = PatentNumber.Compose($"{year}1{Random.Shared.Next(0, 9_999_999):D7}").Value;
            var dealTitle = "视觉定位专利许可" + Guid.NewGuid().ToString("N")[..4];
            await new LoginPage(page).SignInAsync(world.Email, Password);

            var ip = new IpFormPage(page);
            await ip.OpenAsync(world.CenterId);
            await ip.FillAsync("发明专利申请", "ZL" + number, "一种装配机器人的视觉定位方法", new DateOnly(year, 3, 1),
                (world.Lead, 60m), (world.University, 40m));
            await ip.SaveAsync();
            await Assertions.Expect(page.GetByText(number)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText($"{world.University} 40%")).ToBeVisibleAsync();

            var deal = new DealFormPage(page);
            await deal.OpenAsync(world.CenterId);
            await deal.FillAsync("许可", dealTitle, world.CounterpartyCode, 500_000m, new DateOnly(year, 5, 1), number);
            await deal.SaveAsync();
            await Assertions.Expect(page.GetByText(dealTitle)).ToBeVisibleAsync();

            var details = new DealDetailsPage(page);
            await details.RecordReceiptAsync(new DateOnly(year, 6, 1), 1000.01m);
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
            // 1000.01 at 60/40: exact 600.006 and 400.004; the fen left over goes to the larger remainder.
            await Assertions.Expect(details.SplitRow(world.Lead)).ToContainTextAsync("600.01");
            await Assertions.Expect(details.SplitRow(world.University)).ToContainTextAsync("400.00");

            await details.OpenStatementOfAsync(world.University);
            var statement = new StatementPage(page);
            await Assertions.Expect(statement.Heading(world.University)).ToBeVisibleAsync();
            await Assertions.Expect(statement.Line(dealTitle)).ToContainTextAsync("400.00");
            await Assertions.Expect(statement.Total).ToContainTextAsync("400.00");

            await page.GoBackAsync();
            await details.OpenStatementOfAsync(world.Lead);
            await Assertions.Expect(statement.Heading(world.Lead)).ToBeVisibleAsync();
            await Assertions.Expect(statement.Total).ToContainTextAsync("600.01");
        });
    }

    [BrowserFact]
    public async Task A_centers_user_imports_a_large_file_in_the_background_and_the_page_shows_its_outcome()
    {
        var page = await server.NewPageAsync();
        await server.RunAsync(page, nameof(A_centers_user_imports_a_large_file_in_the_background_and_the_page_shows_its_outcome), async () =>
        {
            var world = await SetUpAsync();
            var year = world.ApprovedOn.Year + 1;
            var rows = Enumerable.Range(1, 1500).Select(i => new Dictionary<string, object>
            {
                ["培训名称"] = "智能制造产线培训第" + i + "期",
                ["培训日期"] = new DateOnly(year, 1 + i % 12, 1 + i % 28).ToString("yyyy-MM-dd"),
                ["培训人次"] = 10 + i % 40,
            });
            using var workbook = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(workbook, rows);
            await new LoginPage(page).SignInAsync(world.Email, Password);

            var import = new LedgerImportPage(page);
            await import.OpenAsync("training", world.CenterId);
            await import.UploadAsync(workbook.ToArray(), "培训台账.xlsx");

            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Imports/[0-9a-f-]{36}$"));
            await Assertions.Expect(import.Outcome).ToContainTextAsync("导入完成：已导入 1500 条。", new() { Timeout = 60_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "import-done.png") });
        });
    }

    private sealed record World(Guid CenterId, DateOnly ApprovedOn, string Email, string Lead, string University, string CounterpartyCode);

    /// <summary>A recognised center (founded as an approval founds one), its lead's user, a university member and a counterparty.</summary>
    private async Task<World> SetUpAsync()
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        Organization Org(string name, OrganizationType type, string prefix, string region) =>
            Organization.Create(new OrganizationDetails(
                Uscc.Compose(prefix, region, "MA" + Random.Shared.Next(100000, 999999)), name, type,
                region.StartsWith("12") ? "Tianjin" : "Hebei", region.StartsWith("12") ? "120116" : null, null, null, null), now);
        var lead = Org("浏览器测试智能装备有限公司" + suffix, OrganizationType.Enterprise, "91", "120116");
        var university = Org("浏览器测试大学" + suffix, OrganizationType.University, "12", "120000");
        var counterparty = Org("浏览器测试被许可企业" + suffix, OrganizationType.Enterprise, "91", "130100");
        db.Organizations.AddRange(lead, university, counterparty);
        await db.SaveChangesAsync();

        var approvedOn = new DateOnly(DateTime.UtcNow.Year - 2, 1, 15);
        var center = await sp.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(new CenterFounding(
            Guid.NewGuid(), "浏览器测试创新中心" + suffix, "high-end-equipment", lead.Id, "津工信科〔2025〕8号", "TJMIC-E2E-" + suffix, approvedOn,
            [new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 70m), new CenterFoundingMember(university.Id, MemberKind.University, 30m)]),
            CancellationToken.None);
        await db.SaveChangesAsync();

        var email = $"center-{suffix}@e2e.local";
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "中心用户" + suffix,
            OrganizationId = lead.Id, IsActive = true, CreatedAt = now,
        };
        await users.CreateAsync(user, Password);
        await users.AddToRoleAsync(user, Roles.CenterUser);
        return new World(center.Value.Id, approvedOn, email, lead.Name, university.Name, counterparty.CreditCode);
    }
}
