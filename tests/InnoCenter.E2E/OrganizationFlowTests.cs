using InnoCenter.Domain.Organizations;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

public sealed class OrganizationFlowTests(AppServer server) : IClassFixture<AppServer>
{
    [BrowserFact]
    public async Task Admin_creates_an_organisation_finds_it_in_the_list_and_reads_the_page_in_English()
    {
        var page = await server.NewPageAsync();
        await server.RunAsync(page, nameof(Admin_creates_an_organisation_finds_it_in_the_list_and_reads_the_page_in_English), async () =>
        {
            var name = "天津浏览器测试装备有限公司" + Guid.NewGuid().ToString("N")[..4];
            var code = Uscc.Compose("91", "120116", "MA0" + Random.Shared.Next(10000, 99999)).Value;
            await new LoginPage(page).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);

            var list = new OrganizationListPage(page);
            await list.OpenAsync();
            var form = await list.StartCreateAsync();
            await form.FillAsync(code, name, "企业", "天津", "120116 滨海新区");
            await form.SaveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();

            await list.OpenAsync();
            await list.SearchAsync(name);
            await Assertions.Expect(list.Row(name)).ToHaveCountAsync(1);
            await Assertions.Expect(list.Row(name)).ToContainTextAsync(code);
            await Assertions.Expect(list.Row(name)).ToContainTextAsync("滨海新区");

            await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
            await Assertions.Expect(list.Heading).ToHaveTextAsync("Organisations");
            await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Unified social credit code" })).ToBeVisibleAsync();
            await Assertions.Expect(list.Row(name)).ToContainTextAsync("Binhai New Area");
        });
    }

    [BrowserFact]
    public async Task A_mistyped_credit_code_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var page = await server.NewPageAsync();
        await server.RunAsync(page, nameof(A_mistyped_credit_code_is_refused_next_to_the_field_and_nothing_is_saved), async () =>
        {
            var name = "校验失败测试单位" + Guid.NewGuid().ToString("N")[..4];
            await new LoginPage(page).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            var list = new OrganizationListPage(page);
            await list.OpenAsync();
            var form = await list.StartCreateAsync();
            await form.FillAsync("91440300708461136X", name, "企业", "天津", "120116 滨海新区");
            await form.SaveAsync();

            await Assertions.Expect(form.FieldError("统一社会信用代码校验位不正确")).ToBeVisibleAsync();
            await list.OpenAsync();
            await list.SearchAsync(name);
            await Assertions.Expect(list.Row(name)).ToHaveCountAsync(0);
        });
    }
}
