using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Startup;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static InnoCenter.Web.Tests.Reviews.ReviewTestData;

namespace InnoCenter.Web.Tests.Reviews;

/// <summary>The expert and review pages as a browser drives them: cookie sign-in, antiforgery, refusals next to the field.</summary>
public sealed class ReviewPageTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task An_admin_adds_an_expert_through_the_form_and_a_bad_code_is_refused_next_to_the_field()
    {
        var browser = Browser();
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var name = "页面专家" + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.AffiliationCreditCode"] = "91440300708461136X",
            ["Input.AffiliationName"] = "测试单位",
            ["Input.Domains"] = "law",
            // Inactive: this expert has no sign-in and must never be drawn by the other tests of this class.
            ["Input.IsActive"] = "false",
            // A browser posts every row of the table; the first is left blank.
            ["Input.PastAffiliations[0].CreditCode"] = string.Empty,
            ["Input.PastAffiliations[1].CreditCode"] = "bad",
        };

        var refused = await browser.PostFormAsync("/Experts/Create", fields);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("统一社会信用代码校验位不正确", html);
        Assert.Matches("data-valmsg-for=\"Input.PastAffiliations\\[1\\].CreditCode\"[^>]*>统一社会信用代码须为 18 位", html);
        Assert.False(await factory.WithDbAsync(db => db.Experts.AnyAsync(e => e.Name == name)));

        fields["Input.AffiliationCreditCode"] = TestData.NewCreditCode();
        fields["Input.PastAffiliations[1].CreditCode"] = string.Empty;
        var saved = await browser.PostFormAsync("/Experts/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/Experts/Details/", saved.Headers.Location!.ToString());
        Assert.Contains(name, await browser.GetStringAsync(saved.Headers.Location));
    }

    [Fact]
    public async Task The_leader_writes_the_opinion_and_records_the_inspection_on_the_pages()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var leader = panel.Members[0];
        await admin.PutAsJsonAsync($"/api/v1/reviews/subjects/{subject.Id}/panel/leader", new LeaderRequest(leader.Id));
        foreach (var m in panel.Members)
        {
            var client = ClientOf(m.ExpertId);
            await client.PostAsync($"/api/v1/reviews/assignments/{m.Id}/accept", null);
            (await client.PostAsJsonAsync($"/api/v1/reviews/subjects/{subject.Id}/scores", Scores(0.8m))).EnsureSuccessStatusCode();
        }

        var email = await factory.WithDbAsync(db => db.Users.Where(u => db.Experts.Any(e => e.Id == leader.ExpertId && e.UserId == u.Id)).Select(u => u.Email).SingleAsync());
        var browser = Browser();
        await browser.SignInAsync(email!, "TestUser2026x");
        var page = ReviewLinks.Subject(subject.Id);

        var empty = await browser.PostFormAsync($"{page}?handler=Opinion", new Dictionary<string, string> { ["Opinion.Recommendation"] = "Approve" });
        Assert.Matches("data-valmsg-for=\"Opinion.Text\"[^>]*>此项为必填项。", await empty.Content.ReadAsStringAsync());
        var written = await browser.PostFormAsync($"{page}?handler=Opinion", new Dictionary<string, string>
        {
            ["Opinion.Text"] = "专家组一致同意通过。", ["Opinion.Recommendation"] = "Approve",
        });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Contains("专家组一致同意通过。", await browser.GetStringAsync(page));

        var inspection = ReviewLinks.Inspection(subject.Id);
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["Input.Place"] = "天津市西青区",
            ["Input.ExpertIds"] = leader.ExpertId.ToString(),
            ["Input.Staff"] = "赵立 | 市工业和信息化局",
            ["Input.Conclusion"] = "Pass",
        };
        foreach (var item in new[] { "legal-entity", "premises", "equipment", "staff", "capital", "collaboration" })
        {
            fields[$"Input.Findings[{item}].Result"] = "Met";
        }

        var refused = await browser.PostFormAsync($"{inspection}?handler=Save", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写“申报材料真实性核验”的考察结果。", await refused.Content.ReadAsStringAsync());

        fields["Input.Findings[materials].Result"] = "PartlyMet";
        var saved = await browser.PostFormAsync($"{inspection}?handler=Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await admin.GetFromJsonAsync<InspectionDto>($"/api/v1/reviews/subjects/{subject.Id}/inspection", Json.Options);
        Assert.Equal(2, record!.Participants.Count);
        Assert.Equal("PartlyMet", record.Findings.Single(f => f.ItemCode == "materials").Result);
    }

    [Fact]
    public async Task Pages_of_the_pool_are_for_admins_only()
    {
        var (user, _) = await factory.CreateUserAsync(Roles.Expert);
        var browser = Browser();
        await browser.SignInAsync(user.Email!, "TestUser2026x");

        var response = await browser.GetAsync("/Experts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Reviews/My")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Reviews")).StatusCode);
    }

    [Fact]
    public async Task An_expert_accepts_and_scores_on_the_subject_page_and_the_admin_page_shows_the_matrix()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var pool = await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var seat = panel.Members[0];
        var email = await factory.WithDbAsync(db => db.Users.Where(u => db.Experts.Any(e => e.Id == seat.ExpertId && e.UserId == u.Id)).Select(u => u.Email).SingleAsync());
        var browser = Browser();
        await browser.SignInAsync(email!, "TestUser2026x");
        var page = ReviewLinks.Subject(subject.Id);

        var accepted = await browser.PostFormAsync($"{page}?handler=Accept&memberId={seat.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var scores = new Dictionary<string, string>
        {
            ["Input.Points[plan]"] = "16", ["Input.Points[technology]"] = "20", ["Input.Points[consortium]"] = "12",
            ["Input.Points[industry]"] = "15", ["Input.Points[operation]"] = "12", ["Input.Points[resources]"] = "8",
            ["Input.Comment"] = "整体可行", ["Input.Recommendation"] = "Approve",
        };
        var refused = await browser.PostFormAsync($"{page}?handler=Score", scores);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("分值须在 0 到 15 之间。", await refused.Content.ReadAsStringAsync());

        scores["Input.Points[plan]"] = "14.5";
        var submitted = await browser.PostFormAsync($"{page}?handler=Score", scores);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var mine = await browser.GetStringAsync(page);
        Assert.Contains("评分 1", mine);
        Assert.DoesNotContain(seat.ExpertName, mine);

        var adminBrowser = Browser();
        await adminBrowser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var matrix = await adminBrowser.GetStringAsync(page);
        Assert.Contains(seat.ExpertName, matrix);
        Assert.Contains("81.5", matrix);
        Assert.Contains(panel.Draws[0].Seed, matrix);
        Assert.NotEmpty(pool);
    }
}

/// <summary>The demo seed, on a database of its own so its experts never join another test's draws.</summary>
public sealed class ReviewDemoSeedTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_demo_seed_adds_twelve_experts_in_every_domain_once()
    {
        await DemoSeeder.SeedAsync(factory.Services);
        await DemoSeeder.SeedAsync(factory.Services);

        var names = new[] { "王建国", "陈雪梅", "刘志强", "孙丽", "周海峰", "吴敏", "郑凯", "冯涛", "何静", "马超", "高远", "林峰" };
        var experts = await factory.WithDbAsync(db => db.Experts.Include(e => e.PastAffiliations).Where(e => names.Contains(e.Name)).ToListAsync());
        Assert.Equal(12, experts.Count);
        Assert.All(Domains, d => Assert.Contains(experts, e => e.Domains.Contains(d)));
        // Every demo expert can sign in, so a demo panel can be completed (issue 11); the demo expert is 王建国.
        Assert.All(experts, e => Assert.NotNull(e.UserId));
        Assert.Equal(12, experts.Select(e => e.UserId).Distinct().Count());
        var demoUser = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "expert@demo.local").Select(u => u.Id).SingleAsync());
        Assert.Equal("王建国", experts.Single(e => e.UserId == demoUser).Name);
        Assert.Empty(experts.Single(e => e.Name == "王建国").PastAffiliations);
    }
}
