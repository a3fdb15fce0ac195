using InnoCenter.Domain.Reviews;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Reviews;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.E2E;

/// <summary>
/// The review pages with a drawn panel on them — the officer's subject page, and the drawn expert's assignments, scoring
/// form, site-inspection page and the application they review, on a desktop and on a phone in both languages — fit the
/// window, show no resource key and load without errors.
/// </summary>
public sealed class ReviewPagesCrawlTests(DemoAppServer server) : IClassFixture<DemoAppServer>
{
    private const string CenterName = "天津市智能装备制造业创新中心";

    [BrowserFact]
    public async Task The_pages_of_a_drawn_panel_fit_a_desktop_and_a_phone_in_both_languages()
    {
        var (subjectId, applicationId) = await SeedSubjectAsync();
        var keys = ResourceKeys();
        var problems = new List<string>();

        var officer = await server.NewPageAsync();
        await server.RunAsync(officer, "review-pages-officer", async () =>
        {
            await new LoginPage(officer).SignInAsync("officer@demo.local", DemoAppServer.DemoPassword);
            var review = new ReviewSubjectAdminPage(officer);
            await review.OpenFromListAsync(CenterName);
            await review.DrawAsync();
            var crawler = new SiteCrawler(officer, keys) { ShotPrefix = "officer-zh-CN-1366" };
            await crawler.VisitAsync($"/Reviews/Subject/{subjectId}", alsoFirstRecord: false);
            problems.AddRange(crawler.Problems);
        });

        var expertEmail = await DrawnExpertEmailAsync(subjectId);
        var first = true;
        foreach (var (culture, width, height) in new[] { ("zh-CN", 390, 844), ("en-US", 390, 844), ("zh-CN", 1366, 768), ("en-US", 1366, 768) })
        {
            var page = await server.NewPageAsync(culture, width, height);
            await server.RunAsync(page, $"review-pages-expert-{culture}-{width}", async () =>
            {
                await new LoginPage(page, culture).SignInAsync(expertEmail, DemoAppServer.DemoPassword);
                var crawler = new SiteCrawler(page, keys) { ShotPrefix = $"drawn-expert-{culture}-{width}" };
                await crawler.VisitAsync("/", alsoFirstRecord: false);
                await crawler.VisitAsync("/Reviews/My", alsoFirstRecord: false);
                if (first)
                {
                    await new ExpertReviewPages(page).AcceptAsync(CenterName);
                    first = false;
                }

                await crawler.VisitAsync($"/Reviews/Subject/{subjectId}", alsoFirstRecord: false);
                await crawler.VisitAsync($"/Reviews/Inspection/{subjectId}", alsoFirstRecord: false);
                await crawler.VisitAsync($"/Applications/Details/{applicationId}", alsoFirstRecord: false);
                await crawler.VisitAsync("/Reviews/Profile", alsoFirstRecord: false);
                problems.AddRange(crawler.Problems.Select(p => $"[{culture} {width}] {p}"));
            });
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>The demo center's application goes to review, its consortium as the parties (so their experts are in conflict).</summary>
    private async Task<(Guid SubjectId, Guid ApplicationId)> SeedSubjectAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.CenterName == CenterName);
        string[] consortium =
        [
            "天津海河智能装备有限公司", "天津津门新材料科技股份有限公司", "天津大学", "北京工业技术研究院", "河北工业大学",
            "天津滨海科技融资担保有限公司", "天津市智能制造产业联盟",
        ];
        var codes = await db.Organizations.Where(o => consortium.Contains(o.Name)).Select(o => o.CreditCode).ToListAsync();
        var id = await scope.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>().EnsureSubjectAsync(
            ReviewSubjectKind.Application, application.Id, CenterName, "high-end-equipment", DateTime.UtcNow.Year, codes, CancellationToken.None);
        await db.SaveChangesAsync();
        return (id, application.Id);
    }

    private async Task<string> DrawnExpertEmailAsync(Guid subjectId) =>
        await server.WithDbAsync(async db => await (
            from p in db.ReviewPanels
            where p.SubjectId == subjectId
            from m in p.Members
            join e in db.Experts on m.ExpertId equals e.Id
            join u in db.Users on e.UserId equals u.Id
            orderby u.Email
            select u.Email!).FirstAsync());

    private IReadOnlySet<string> ResourceKeys()
    {
        var root = server.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var resx = File.ReadAllText(Path.Combine(root, "Resources", "SharedResource.resx"));
        return System.Text.RegularExpressions.Regex.Matches(resx, "<data name=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }
}
