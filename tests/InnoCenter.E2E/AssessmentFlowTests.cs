using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

public sealed class AssessmentFlowTests(AppServer server) : IClassFixture<AppServer>
{
    private const string Password = "E2eAssess2026pw";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [BrowserFact]
    public async Task A_center_files_its_report_an_expert_scores_the_admin_publishes_and_the_scorecard_shows()
    {
        var centerName = "天津市浏览器考核制造业创新中心" + Guid.NewGuid().ToString("N")[..4];
        var (centerEmail, year) = await SeedCenterAsync(centerName);
        var experts = await SeedPoolAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(server.Clock.GetUtcNow(), InnoCenter.Web.Infrastructure.Localization.LocalizationSetup.Beijing).DateTime);
        var reviewTitle = $"{centerName} {year} 年度运行发展报告";

        var admin = await server.NewPageAsync();
        var center = await server.NewPageAsync();
        var expert = await server.NewPageAsync();
        await server.RunAsync(admin, nameof(A_center_files_its_report_an_expert_scores_the_admin_publishes_and_the_scorecard_shows), async () =>
        {
            await new LoginPage(admin).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            var adminPages = new AssessmentPages(admin);
            await adminPages.OpenCycleAsync(year, today.AddDays(1));
            await Assertions.Expect(adminPages.Count("due")).ToHaveTextAsync("1");
            var cycleUrl = admin.Url;

            await server.RunAsync(center, "assessment-center-files", async () =>
            {
                await new LoginPage(center).SignInAsync(centerEmail, Password);
                var pages = new AssessmentPages(center);
                await pages.OpenReportOfYearAsync(year);
                await pages.UploadOperationReportAsync(Pdf);
                await pages.EnterValueAsync("共享资源对外服务机时", "2000", Pdf);
                await pages.EnterValueAsync("研发经费支出占总支出比例", "30%", Pdf);
                await pages.EnterValueAsync("规划目标完成率", "80", Pdf);
                await pages.SubmitAsync();
                await Assertions.Expect(pages.ReportStatus).ToHaveTextAsync("已报送");
            });

            await admin.GotoAsync(cycleUrl);
            await admin.GetByRole(AriaRole.Link, new() { Name = centerName }).ClickAsync();
            await adminPages.AcceptAsync();
            await Assertions.Expect(adminPages.ReportStatus).ToHaveTextAsync("已受理");
            await admin.GetByRole(AriaRole.Link, new() { Name = "专家评审" }).ClickAsync();
            var review = new ReviewSubjectAdminPage(admin);
            await review.DrawAsync();
            var members = await review.MemberNamesAsync();
            var chosen = members[0];
            await ScoreByApiAsync(reviewTitle, members.Skip(1).Select(m => experts[m]).ToList());

            await server.RunAsync(expert, "assessment-expert-scores", async () =>
            {
                await new LoginPage(expert).SignInAsync(experts[chosen].Email, Password);
                var mine = new ExpertReviewPages(expert);
                await mine.OpenMyReviewsAsync();
                await mine.AcceptAsync(reviewTitle);
                await mine.OpenScoringAsync(reviewTitle);
                await Assertions.Expect(expert.GetByRole(AriaRole.Link, new() { Name = "查看年度运行发展报告" })).ToBeVisibleAsync();
                await mine.ScoreAsync(
                    new Dictionary<string, string>
                    {
                        ["技术成果数量及质量"] = "25", ["技术成果转移扩散和产业化"] = "25", ["对行业发展的支撑作用"] = "20",
                        ["人才队伍建设"] = "15", ["国际合作"] = "10", ["规划实施、日常运营与资金使用"] = "5",
                    },
                    "报告翔实，定性指标表现好。",
                    "同意");
            });

            // Two days later the deadline has passed, and the sign-ins of two days ago have expired.
            server.Clock.Advance(TimeSpan.FromDays(2));
            await new LoginPage(admin).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            await admin.GotoAsync(cycleUrl);
            await adminPages.ScoreCycleAsync();
            await Assertions.Expect(adminPages.CycleStatus).ToHaveTextAsync("已评分（未发布）");
            await adminPages.PublishAsync();
            await Assertions.Expect(adminPages.CycleStatus).ToHaveTextAsync("结果已发布");
            await Assertions.Expect(adminPages.Decisions.GetByRole(AriaRole.Row).Filter(new() { HasText = centerName })).ToContainTextAsync("不合格");

            await new LoginPage(center).SignInAsync(centerEmail, Password);
            var centerPages = new AssessmentPages(center);
            await centerPages.OpenReportOfYearAsync(year);
            await center.GetByRole(AriaRole.Link, new() { Name = "考核结果" }).ClickAsync();
            var card = new AssessmentPages(center);
            // An empty ledger and no grant: only the panel's grades and the three values entered score. The operation
            // dimension's 5 points spread over weights 2 + 1.5 + 1.5 + 1.5: panel grades 11 + 5 × 1.5 / 6.5 = 12.1538,
            // shared hours 6, R&D share 5 × 2 / 6.5 = 1.5385, plan completion 80 % of 5 × 1.5 / 6.5 = 0.9231, fund
            // execution 0 (no fund money in the year) — 20.6154, rounded once to 20.62.
            await Assertions.Expect(card.ScorecardTotal).ToHaveTextAsync("20.62");
            await Assertions.Expect(card.ScorecardGrade).ToHaveTextAsync("不合格");
            await Assertions.Expect(card.ScorecardDecision).ToContainTextAsync("连续第 1 年不合格");
            await Assertions.Expect(card.IndicatorRow("results-quality")).ToContainTextAsync("好");
            await Assertions.Expect(card.IndicatorRow("rd-spending-share")).ToContainTextAsync(new Regex(@"1\.54 / 1\.54"));
        });
    }

    /// <summary>A center recognised three years ago, with its lead's user able to sign in; returns the user's e-mail and the year to assess.</summary>
    private async Task<(string Email, int Year)> SeedCenterAsync(string name)
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var lead = Organization.Create(new OrganizationDetails(Uscc.Compose("91", "120116", "MA" + Random.Shared.Next(100000, 999999)), "考核测试牵头企业" + Guid.NewGuid().ToString("N")[..4], OrganizationType.Enterprise, "Tianjin", "120116", null, null, null), now);
        var university = Organization.Create(new OrganizationDetails(Uscc.Compose("12", "120000", "4" + Random.Shared.Next(1000000, 9999999)), "考核测试大学" + Guid.NewGuid().ToString("N")[..4], OrganizationType.University, "Tianjin", "120104", null, null, null), now);
        db.Organizations.AddRange(lead, university);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var founded = await sp.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(
            new CenterFounding(Guid.NewGuid(), name, "high-end-equipment", lead.Id, "津工信科〔2023〕2号", "TJMIC-" + Random.Shared.Next(1000, 9999), today.AddYears(-3),
                [new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 70m), new CenterFoundingMember(university.Id, MemberKind.University, 30m)]),
            CancellationToken.None);
        if (!founded.IsSuccess)
        {
            throw new InvalidOperationException(string.Join("; ", founded.Failure!.Errors));
        }

        await db.SaveChangesAsync();
        var email = $"e2e-center-{Guid.NewGuid():N}@test.local";
        await CreateUserAsync(sp.GetRequiredService<UserManager<AppUser>>(), email, "考核填报人", Roles.CenterUser, lead.Id);
        return (email, today.Year - 1);
    }

    /// <summary>Ten experts, two per domain, each with a sign-in and a personal access token; by name.</summary>
    private async Task<Dictionary<string, (string Email, string Token, Guid ExpertId)>> SeedPoolAsync()
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = new Dictionary<string, (string, string, Guid)>();
        var domains = new[] { "economics", "technology", "industry", "management", "law" };
        string[] surnames = ["赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈"];
        for (var i = 0; i < 10; i++)
        {
            var email = $"e2e-assess-expert-{i}-{Guid.NewGuid():N}@test.local";
            var name = surnames[i] + "评审" + Guid.NewGuid().ToString("N")[..3];
            var user = await CreateUserAsync(users, email, name, Roles.Expert, null);
            var code = Uscc.Compose("12", "120000", "4" + Random.Shared.Next(1000000, 9999999)).Value;
            var expert = Expert.Create(
                new ExpertProfile(user.Id, name, "研究员", code, "评审测试大学", null, [domains[i % 5]], ["high-end-equipment"], null, null, null, true, []),
                DateTimeOffset.UtcNow);
            db.Experts.Add(expert);
            var secret = PersonalAccessToken.NewSecret();
            db.PersonalAccessTokens.Add(new PersonalAccessToken
            {
                UserId = user.Id, Name = "e2e", TokenHash = PersonalAccessToken.HashOf(secret), Hint = secret[..8], CreatedAt = DateTimeOffset.UtcNow,
            });
            result[name] = (email, secret, expert.Id);
        }

        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>The other panel members accept and give full marks through the API, as their own browsers would.</summary>
    private async Task ScoreByApiAsync(string subjectTitle, IReadOnlyList<(string Email, string Token, Guid ExpertId)> scorers)
    {
        Guid subjectId;
        Dictionary<Guid, Guid> seats;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            subjectId = await db.ReviewSubjects.Where(s => s.Kind == ReviewSubjectKind.AnnualReport && s.Title == subjectTitle).Select(s => s.Id).SingleAsync();
            seats = await (from m in db.PanelMembers join p in db.ReviewPanels on m.PanelId equals p.Id where p.SubjectId == subjectId select new { m.ExpertId, m.Id })
                .ToDictionaryAsync(x => x.ExpertId, x => x.Id);
        }

        foreach (var (_, token, expertId) in scorers)
        {
            using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await client.PostAsync($"/api/v1/reviews/assignments/{seats[expertId]}/accept", null)).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/scores", new ScoreRequest
            {
                Points = new Dictionary<string, decimal?>
                {
                    ["results"] = 25, ["diffusion"] = 25, ["industry-support"] = 20, ["talent"] = 15, ["international"] = 10, ["operation"] = 5,
                },
                Comment = "定性指标完成好。",
                Recommendation = "Approve",
            })).EnsureSuccessStatusCode();
        }
    }

    private static async Task<AppUser> CreateUserAsync(UserManager<AppUser> users, string email, string name, string role, Guid? organizationId)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganizationId = organizationId,
            IsActive = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
