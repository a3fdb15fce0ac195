using System.Text.RegularExpressions;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.E2E;

/// <summary>
/// Every role, in both languages, at 1,366 × 768 (and the expert on a 390 × 844 phone), opens every page of the menu and
/// the first record each list leads to: each must fit the window, show no raw resource key, and load without a failed
/// request or a script error; the menu bar itself (language switch, messages, sign-out included) must fit.
/// </summary>
public sealed partial class NavigationCrawlTests(DemoAppServer server) : IClassFixture<DemoAppServer>
{
    public static TheoryData<string, string, int, int> Visits => new()
    {
        { "officer@demo.local", "zh-CN", 1366, 768 },
        { "officer@demo.local", "en-US", 1366, 768 },
        { "center@demo.local", "zh-CN", 1366, 768 },
        { "center@demo.local", "en-US", 1366, 768 },
        { "member@demo.local", "zh-CN", 1366, 768 },
        { "member@demo.local", "en-US", 1366, 768 },
        { "expert@demo.local", "zh-CN", 1366, 768 },
        { "expert@demo.local", "en-US", 1366, 768 },
        { "expert@demo.local", "zh-CN", 390, 844 },
        { "expert@demo.local", "en-US", 390, 844 },
    };

    [BrowserTheory]
    [MemberData(nameof(Visits))]
    public async Task Every_menu_page_fits_the_window_shows_no_resource_key_and_loads_without_errors(string email, string culture, int width, int height)
    {
        var page = await server.NewPageAsync(culture, width, height);
        var phone = width < 992;
        var crawler = new SiteCrawler(page, ResourceKeys())
        {
            ShotPrefix = $"{email.Split('@')[0]}-{culture}-{width}",
        };
        await server.RunAsync(page, $"crawl-{email.Split('@')[0]}-{culture}-{width}", async () =>
        {
            await new LoginPage(page, culture).SignInAsync(email, DemoAppServer.DemoPassword);
            await page.GotoAsync("/");
            await crawler.CheckMenuFitsAsync(oneRow: !phone);
            var links = await crawler.MenuLinksAsync(culture == "en-US" ? "Main navigation" : "主导航", collapsed: phone);
            Assert.NotEmpty(links);
            foreach (var href in links)
            {
                await crawler.VisitAsync(href, alsoFirstRecord: true, alsoSections: true);
            }

            Assert.True(crawler.Problems.Count == 0, $"{crawler.Problems.Count} problem(s):\n" + string.Join("\n", crawler.Problems.Distinct()));
        });
    }

    /// <summary>The keys of the zh-CN resource file: a text that is one of them was never translated.</summary>
    private IReadOnlySet<string> ResourceKeys()
    {
        var root = server.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var resx = File.ReadAllText(Path.Combine(root, "Resources", "SharedResource.resx"));
        return DataName().Matches(resx).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("<data name=\"([^\"]+)\"")]
    private static partial Regex DataName();
}
