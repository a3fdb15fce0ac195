using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The applicant's form for a new application.</summary>
public sealed class ApplicationFormPage(IPage page)
{
    public async Task OpenNewAsync() => await page.GotoAsync("/Applications/Create");

    public async Task FillAsync(string centerName, string keyArea, string industry, decimal leadShare)
    {
        await page.GetByLabel("拟建创新中心名称").FillAsync(centerName);
        await page.GetByLabel("重点领域").SelectOptionAsync(new SelectOptionValue { Label = keyArea });
        await page.GetByLabel("行业大类").SelectOptionAsync(new SelectOptionValue { Value = industry });
        await page.GetByLabel("建设方案摘要").FillAsync("围绕高端装备共性关键技术开展协同研发、转移扩散和首次商业化应用。");
        await page.GetByLabel("三年建设目标").FillAsync("三年内突破 5 项共性关键技术，服务中小企业 100 家。");
        await page.GetByLabel("牵头单位出资比例（%）").FillAsync(leadShare.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Fills member row <paramref name="row"/> (1-based); name, kind and region only for an organisation not yet registered.</summary>
    public async Task MemberAsync(int row, string creditCode, decimal share, string? newName = null, string? kind = null, string? region = null)
    {
        await page.GetByLabel($"统一社会信用代码 {row}", new() { Exact = true }).FillAsync(creditCode);
        await page.GetByLabel($"出资比例（%） {row}", new() { Exact = true }).FillAsync(share.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (newName is not null)
        {
            await page.GetByLabel($"名称（新单位填写） {row}", new() { Exact = true }).FillAsync(newName);
            await page.GetByLabel($"成员类型 {row}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind! });
            await page.GetByLabel($"所在地区 {row}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = region! });
        }
    }

    public async Task SaveDraftAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
}

/// <summary>One application's page: status, actions, materials, timeline.</summary>
public sealed class ApplicationDetailsPage(IPage page)
{
    public ILocator Status => page.GetByTestId("application-status");

    public async Task UploadAsync(string materialLabel, byte[] content, string fileName)
    {
        var input = page.GetByLabel("上传 " + materialLabel, new() { Exact = true });
        await input.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content });
        await input.Locator("xpath=..").GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = fileName }).WaitForAsync();
    }

    /// <summary>Clicks an action button; its confirmation dialog is accepted by the page's dialog handler.</summary>
    public async Task ActAsync(string button)
    {
        page.Dialog += AcceptDialog;
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            // A move to another stage flashes the new stage (操作已完成…); anything else that was kept flashes 已保存.
            await page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("已保存|操作已完成") }).WaitForAsync();
        }
        finally
        {
            page.Dialog -= AcceptDialog;
        }
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    public async Task ApproveAsync(string meetingDate, string decisionNumber)
    {
        await page.GetByLabel("审议会议日期").FillAsync(meetingDate);
        await page.GetByLabel("审议决定编号").FillAsync(decisionNumber);
        await ActAsync("审议通过（进入公示）");
    }

    public async Task OpenReviewAsync() => await page.GetByRole(AriaRole.Link, new() { Name = "专家评审与现场考察" }).ClickAsync();
}

/// <summary>The public notice as an anonymous visitor reads it.</summary>
public sealed class PublicNoticePage(IPage page)
{
    public async Task OpenListAsync() => await page.GotoAsync("/Notices");

    public ILocator Row(string centerName) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = centerName });

    public async Task OpenAsync(string centerName) => await page.GetByRole(AriaRole.Link, new() { Name = centerName }).ClickAsync();

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ObjectionForm => page.GetByRole(AriaRole.Button, new() { Name = "提交异议" });
}
