using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The Admin's form for a new grant (新建资金项目): center, title, number, period, and the budget table of categories × sources.</summary>
public sealed class GrantCreatePage(IPage page)
{
    public async Task OpenAsync()
    {
        await new AppNavigation(page).OpenAsync("专项资金");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建资金项目" }).ClickAsync();
    }

    public async Task FillAsync(string centerName, string title, string documentNumber, DateOnly from, DateOnly to)
    {
        await page.GetByLabel("创新中心", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = centerName });
        await page.GetByLabel("项目名称", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("文号", new() { Exact = true }).FillAsync(documentNumber);
        await page.GetByLabel("执行期开始").FillAsync(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("执行期截止").FillAsync(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>A budget cell: the line's category and the source that pays its share, as the table labels them.</summary>
    public async Task BudgetAsync(string category, string source, decimal amount) =>
        await page.GetByRole(AriaRole.Textbox, new() { Name = $"{category} {source}", Exact = true })
            .FillAsync(amount.ToString(CultureInfo.InvariantCulture));

    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Funds/Details/[0-9a-f-]{36}$"));
    }
}

/// <summary>A grant's page: its status and figures, the four-eyes steps, tranches, warnings and clawbacks.</summary>
public sealed class GrantDetailsPage(IPage page)
{
    public ILocator Status => page.GetByTestId("grant-status");

    public ILocator Figures => page.GetByRole(AriaRole.Region, new() { Name = "资金情况" });

    /// <summary>One figure's value, by its term (已收回（元）, 结余（元）…).</summary>
    public ILocator Figure(string term) =>
        Figures.Locator("dl > div").Filter(new() { Has = page.GetByText(term, new() { Exact = true }) }).Locator("dd");

    public ILocator Warnings => page.GetByRole(AriaRole.Region, new() { Name = "预警" });

    public ILocator Tranches => page.GetByRole(AriaRole.Region, new() { Name = "拨付批次" });

    public ILocator Clawbacks => page.GetByRole(AriaRole.Region, new() { Name = "资金收回" });

    public ILocator Expenditures => page.GetByRole(AriaRole.Region, new() { Name = "支出", Exact = true });

    public ILocator Refusal => page.GetByRole(AriaRole.Alert);

    /// <summary>Opens the grant from the module's list, as its users find it.</summary>
    public async Task OpenFromListAsync(string title)
    {
        await new AppNavigation(page).OpenAsync("专项资金");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Status.WaitForAsync();
    }

    public async Task ApproveAsync() => await Confirming.ClickAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }));

    public async Task StartAsync() => await Confirming.ClickAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "开始执行", Exact = true }));

    public async Task PlanTrancheAsync(decimal amount, DateOnly on)
    {
        await Tranches.GetByLabel("金额（元）").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await Tranches.GetByLabel("计划日期").FillAsync(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Confirming.ClickAsync(page, Tranches.GetByRole(AriaRole.Button, new() { Name = "计划拨付" }));
    }

    public async Task ReleaseTrancheAsync() => await Confirming.ClickAsync(page, Tranches.GetByRole(AriaRole.Button, new() { Name = "拨付", Exact = true }));

    public async Task RecordExpenditureAsync() => await page.GetByRole(AriaRole.Link, new() { Name = "录入支出" }).ClickAsync();

    public async Task RecordClawbackAsync(decimal amount, string reason)
    {
        // The section also holds the termination form, with a reason of its own.
        var record = page.GetByRole(AriaRole.Button, new() { Name = "登记收回" });
        var form = Clawbacks.Locator("form").Filter(new() { Has = record });
        await form.GetByLabel("金额（元）").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await form.GetByLabel("理由").FillAsync(reason);
        await Confirming.ClickAsync(page, record);
    }
}

/// <summary>The center's expenditure form (录入支出): line, date, amount, payee, purpose and voucher files.</summary>
public sealed class SpendPage(IPage page)
{
    public async Task FillAsync(string categoryCode, DateOnly on, decimal amount, string payee, string purpose)
    {
        await page.GetByLabel("支持方向").SelectOptionAsync(new SelectOptionValue { Value = categoryCode });
        await page.GetByLabel("支出日期").FillAsync(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("金额（元）").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("收款方").FillAsync(payee);
        await page.GetByLabel("用途").FillAsync(purpose);
    }

    public async Task AttachVoucherAsync(string name, byte[] pdf) =>
        await page.GetByLabel("凭证", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = pdf });

    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Funds/Details/[0-9a-f-]{36}$"));
    }
}

/// <summary>Clicks something that asks for confirmation (data-confirm), accepts it, and waits until the page has answered the post.</summary>
internal static class Confirming
{
    public static async Task ClickAsync(IPage page, ILocator button)
    {
        page.Dialog += Accept;
        try
        {
            // The page answers a post with the page again (a refusal) or a redirect to it: wait for that final document.
            await page.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => r.Request.ResourceType == "document" && r.Status is < 300 or >= 400);
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        finally
        {
            page.Dialog -= Accept;
        }
    }

    private static async void Accept(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}
