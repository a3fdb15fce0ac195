using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>A center's staff write a typical case and submit it.</summary>
public sealed class CaseEditorPage(IPage page)
{
    public async Task DraftAsync(string title, string summary, string body, string task)
    {
        await page.GotoAsync("/Portal/Manage/CaseEdit");
        await page.GetByLabel("重点任务").SelectOptionAsync(new SelectOptionValue { Label = task });
        await page.GetByLabel("标题").FillAsync(title);
        await page.GetByLabel("摘要").FillAsync(summary);
        await page.GetByLabel("正文（Markdown）").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
    }

    public async Task ReviseAsync(string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }).ClickAsync();
        await page.GetByLabel("标题").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
    }

    public async Task SubmitAsync()
    {
        page.Dialog += AcceptDialog;
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交审核");
        page.Dialog -= AcceptDialog;
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}

/// <summary>An Admin reviews a case: returns it with remarks or publishes it.</summary>
public sealed class CaseReviewPage(IPage page)
{
    public async Task OpenFromQueueAsync(string title)
    {
        await page.GotoAsync("/Portal/Manage/Cases?review=Submitted");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
    }

    public async Task ReturnAsync(string remarks)
    {
        await page.GetByLabel("退回意见").FillAsync(remarks);
        await page.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已退回");
    }

    public async Task PublishAndFeatureAsync()
    {
        page.Dialog += AcceptDialog;
        await page.GetByRole(AriaRole.Button, new() { Name = "审核通过并发布" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发布");
        page.Dialog -= AcceptDialog;
        await page.GetByRole(AriaRole.Button, new() { Name = "设为首页推荐" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}
