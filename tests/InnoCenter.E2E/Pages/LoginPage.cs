using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }
}
