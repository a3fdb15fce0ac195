using Microsoft.Playwright;

namespace InnoCenter.E2E.Pages;

/// <summary>The main menu: a page is reached by its link, opening its module's group first when the link is inside one.</summary>
public sealed class AppNavigation(IPage page)
{
    public ILocator Menu => page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" });

    public async Task OpenAsync(string label)
    {
        // The group's toggle opens only once the page's scripts have run; a click before then is lost.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var link = Menu.GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
        if (!await link.IsVisibleAsync())
        {
            // A closed group's links are hidden, and role queries skip hidden elements unless told otherwise.
            var hidden = page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true, IncludeHidden = true });
            await Menu.Locator("li.dropdown", new() { Has = hidden }).GetByRole(AriaRole.Button).ClickAsync();
        }

        await link.ClickAsync();
    }
}
