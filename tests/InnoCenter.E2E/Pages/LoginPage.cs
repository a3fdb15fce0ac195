using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The sign-in form, in the language the browser asks for (zh-CN unless the page was opened in en-US).</summary>
public sealed class LoginPage(IPage page, string culture = "zh-CN")
{
    private bool English => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel(English ? "E-mail" : "电子邮箱", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(English ? "Password" : "密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = English ? "Sign in" : "登录", Exact = true }).ClickAsync();
        // Signed in is the address leaving the form; waiting for the next page's every subresource ("load", the
        // default) once timed out in CI with the workbench already drawn and the network idle.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
