using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The Admin's side of expert onboarding: tick experts in the pool, check the list on the invite page, send.</summary>
public sealed class ExpertInvitePage(IPage page)
{
    public async Task InviteAsync(string expertName, string email)
    {
        await page.GotoAsync("/Experts");
        await page.GetByLabel("姓名、单位或信用代码").FillAsync(expertName);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "选择 " + expertName }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "邀请所选专家" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Experts/Invite"));
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = expertName })).ToBeVisibleAsync();
        await page.GetByLabel("邀请邮箱（登录名）").FillAsync(email);
        // Sending asks for confirmation (data-confirm): accept it.
        page.Dialog += AcceptDialog;
        await page.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已向 1 位专家发送邀请");
        page.Dialog -= AcceptDialog;
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}

/// <summary>The page the invitation link opens: the expert chooses a password once.</summary>
public sealed class AcceptInvitationPage(IPage page)
{
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "设置密码并启用账号" });

    public async Task SetPasswordAsync(string password)
    {
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("再次输入密码").FillAsync(password);
        await Submit.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("账号已启用");
    }
}

/// <summary>The signed-in home page: what waits for this user, each with its count and link.</summary>
public sealed class WorkbenchPage(IPage page)
{
    public ILocator Item(string title) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title });
}
