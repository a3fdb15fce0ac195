using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

public sealed class ReviewFlowTests(AppServer server) : IClassFixture<AppServer>
{
    private const string ExpertPassword = "E2eExpert2026pw";

    [BrowserFact]
    public async Task Admin_draws_a_panel_an_expert_accepts_and_scores_and_the_admin_sees_the_matrix()
    {
        var title = "天津市浏览器测试制造业创新中心" + Guid.NewGuid().ToString("N")[..4];
        var experts = await SeedPoolAsync();
        await SeedSubjectAsync(title);

        var adminPage = await server.NewPageAsync();
        var expertPage = await server.NewPageAsync();
        await server.RunAsync(adminPage, nameof(Admin_draws_a_panel_an_expert_accepts_and_scores_and_the_admin_sees_the_matrix), async () =>
        {
            await new LoginPage(adminPage).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            var review = new ReviewSubjectAdminPage(adminPage);
            await review.OpenFromListAsync(title);
            await review.DrawAsync();

            await Assertions.Expect(review.Seed).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-F]{16}$"));
            await Assertions.Expect(review.EligiblePool).ToHaveTextAsync(experts.Count.ToString());
            var members = await review.MemberNamesAsync();
            Assert.Equal(5, members.Count);
            var chosen = members[0];

            await server.RunAsync(expertPage, nameof(Admin_draws_a_panel_an_expert_accepts_and_scores_and_the_admin_sees_the_matrix) + "-expert", async () =>
            {
                await new LoginPage(expertPage).SignInAsync(experts[chosen], ExpertPassword);
                var mine = new ExpertReviewPages(expertPage);
                await mine.OpenMyReviewsAsync();
                await mine.AcceptAsync(title);
                await mine.OpenScoringAsync(title);
                await mine.ScoreAsync(
                    new Dictionary<string, string>
                    {
                        ["建设方案与目标定位"] = "13", ["技术基础与创新能力"] = "21.5", ["组建模式与治理结构"] = "12",
                        ["产业带动与辐射作用"] = "17", ["运营机制与可持续发展"] = "12", ["资金、人才与条件保障"] = "8",
                    },
                    "建设方案清晰，产学研协同基础较好。",
                    "同意");
                await Assertions.Expect(mine.Scores.GetByRole(AriaRole.Row).Filter(new() { HasText = "评分 1" })).ToContainTextAsync("83.5");
                await Assertions.Expect(mine.Scores).Not.ToContainTextAsync(chosen);
            });

            await review.ReloadAsync();
            await Assertions.Expect(review.MatrixRow(chosen)).ToContainTextAsync("83.5");
            await Assertions.Expect(review.MatrixRow(chosen)).ToContainTextAsync("同意");
            await Assertions.Expect(review.Matrix.GetByTestId("aggregate-total")).ToHaveTextAsync("83.5");
        });
    }

    /// <summary>Ten experts, two per domain, each with a sign-in; returns name → e-mail.</summary>
    private async Task<Dictionary<string, string>> SeedPoolAsync()
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = new Dictionary<string, string>();
        var domains = new[] { "economics", "technology", "industry", "management", "law" };
        string[] surnames = ["赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈"];
        for (var i = 0; i < 10; i++)
        {
            var email = $"e2e-expert-{i}-{Guid.NewGuid():N}@test.local";
            var name = surnames[i] + "专家" + Guid.NewGuid().ToString("N")[..3];
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsActive = true,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Check(await users.CreateAsync(user, ExpertPassword));
            Check(await users.AddToRoleAsync(user, Roles.Expert));
            var code = Uscc.Compose("12", "120000", "4" + Random.Shared.Next(1000000, 9999999)).Value;
            db.Experts.Add(Expert.Create(
                new ExpertProfile(user.Id, name, "教授", code, "测试大学", null, [domains[i % 5]], ["high-end-equipment"], null, null, null, true, []),
                DateTimeOffset.UtcNow));
            result[name] = email;
        }

        await db.SaveChangesAsync();
        return result;
    }

    private async Task SeedSubjectAsync(string title)
    {
        using var scope = server.Services.CreateScope();
        var subjects = scope.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>();
        await subjects.EnsureSubjectAsync(
            ReviewSubjectKind.Application, Guid.NewGuid(), title, "high-end-equipment", 2026,
            [Uscc.Compose("91", "120116", "MA0" + Random.Shared.Next(10000, 99999)).Value], CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
