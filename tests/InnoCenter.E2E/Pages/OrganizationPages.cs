using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The organisation list: filters, table, and the way to the create form.</summary>
public sealed class OrganizationListPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Organizations");

    public async Task<OrganizationFormPage> StartCreateAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "新增单位" }).ClickAsync();
        return new OrganizationFormPage(page);
    }

    public async Task SearchAsync(string text)
    {
        await page.GetByLabel("名称或信用代码").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
    }

    public ILocator Row(string name) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
}

public sealed class OrganizationFormPage(IPage page)
{
    public async Task FillAsync(string creditCode, string name, string type, string region, string district)
    {
        await page.GetByLabel("统一社会信用代码").FillAsync(creditCode);
        await page.GetByLabel("单位名称").FillAsync(name);
        await page.GetByLabel("单位类型").SelectOptionAsync(new SelectOptionValue { Label = type });
        await page.GetByLabel("所在地区").SelectOptionAsync(new SelectOptionValue { Label = region });
        await page.GetByLabel("所在区").SelectOptionAsync(new SelectOptionValue { Label = district });
    }

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

    public ILocator FieldError(string text) => page.Locator(".field-validation-error").Filter(new() { HasText = text });
}
