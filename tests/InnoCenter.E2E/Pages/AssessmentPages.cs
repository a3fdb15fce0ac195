using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The assessment pages: the list (and the Admin's form to open a cycle), a cycle, a report and a scorecard.</summary>
public sealed class AssessmentPages(IPage page)
{
    public async Task OpenListAsync() => await new AppNavigation(page).OpenAsync("年度考核");

    /// <summary>The Admin opens the cycle of a year with a deadline, on the pack in force, and lands on the cycle's page.</summary>
    public async Task OpenCycleAsync(int year, DateOnly deadline)
    {
        await OpenListAsync();
        await page.GetByLabel("考核年度").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("报送截止日期").FillAsync(deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await ConfirmingAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "开启考核" }).ClickAsync());
        await page.WaitForURLAsync(new Regex("/Assessment/Cycle/"));
    }

    public ILocator Count(string state) => page.GetByTestId("count-" + state);

    public ILocator CycleStatus => page.GetByTestId("cycle-status");

    public ILocator ReportStatus => page.GetByTestId("report-status");

    public async Task OpenReportOfYearAsync(int year)
    {
        await OpenListAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{year} 年度运行发展报告" }).ClickAsync();
        await ReportStatus.WaitForAsync();
    }

    public async Task UploadOperationReportAsync(byte[] pdf)
    {
        await page.GetByLabel("上传运行发展报告（PDF、DOCX）").SetInputFilesAsync(new FilePayload { Name = "运行发展报告.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "运行发展报告.pdf" }).WaitForAsync();
    }

    /// <summary>Enters a value the center reports, with its evidence, in the row of the indicator.</summary>
    public async Task EnterValueAsync(string label, string value, byte[] evidence)
    {
        await page.GetByLabel(label + "的数值").FillAsync(value);
        await page.GetByLabel(label + "的佐证材料").SetInputFilesAsync(new FilePayload { Name = label + "佐证.pdf", MimeType = "application/pdf", Buffer = evidence });
        await page.Locator("tr").Filter(new() { Has = page.GetByLabel(label + "的数值") }).GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = label + "佐证.pdf" }).WaitForAsync();
    }

    public async Task SubmitAsync() => await ConfirmingAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "报送", Exact = true }).ClickAsync());

    public async Task AcceptAsync() => await ConfirmingAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync());

    public async Task ScoreCycleAsync() => await ConfirmingAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "评分", Exact = true }).ClickAsync());

    public async Task PublishAsync() => await ConfirmingAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "发布考核结果" }).ClickAsync());

    public ILocator Decisions => page.GetByRole(AriaRole.Table, new() { Name = "考核结果运用" });

    public ILocator ScorecardTotal => page.GetByTestId("scorecard-total");

    public ILocator ScorecardGrade => page.GetByTestId("scorecard-grade");

    public ILocator ScorecardDecision => page.GetByTestId("scorecard-decision");

    public ILocator IndicatorRow(string code) => page.Locator($"tr[data-code=\"{code}\"]");

    /// <summary>Clicks something that asks for confirmation (data-confirm), accepts it, and waits until the form has been posted.</summary>
    private async Task ConfirmingAsync(Func<Task> click)
    {
        page.Dialog += AcceptDialog;
        try
        {
            await page.RunAndWaitForRequestAsync(click, r => r.Method == "POST");
        }
        finally
        {
            page.Dialog -= AcceptDialog;
        }
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}
