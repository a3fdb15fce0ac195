using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>Every funds page renders for the people who use it, in Chinese and in English, with no missing string; page forms reach the same rules as the API.</summary>
public sealed partial class FundsPageTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task A_center_behind_its_plan_is_on_the_fund_warning_board_linking_to_its_plan_and_the_board_offers_the_kind()
    {
        var center = await factory.CreateCenterAsync();
        var year = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var staff = await factory.CenterUserAsync(center);
        var proposed = await staff.PostAsJsonAsync($"/api/v1/plans/centers/{center.Id}/revisions", new Web.Features.Plans.ProposeRevisionRequest
        {
            EffectiveFromYear = center.ApprovedOn.Year, Reason = "细化建设目标",
            Indicators = [new Web.Features.Plans.PlanIndicatorRequest("发明专利授权", "项", Domain.Assessment.LedgerRollupKeys.InventionGrants, 5, 6, 7)],
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var revision = (await proposed.Content.ReadFromJsonAsync<Web.Features.Plans.PlanDto>(Json.Options))!.Revisions.Single(r => r.Number == 1);
        Assert.Equal(HttpStatusCode.OK, (await center.Admin.PostAsJsonAsync($"/api/v1/plans/revisions/{revision.Id}/approve", new Web.Features.Plans.RevisionDecisionRequest("同意", revision.Version))).StatusCode);

        var board = await center.Admin.GetStringAsync("/Funds/Warnings");
        var planKind = await center.Admin.GetStringAsync("/Funds/Warnings?kind=plan-behind");
        var asStaff = await staff.GetAsync("/Funds/Warnings?kind=plan-behind");

        Assert.Contains("value=\"plan-behind\"", board);
        Assert.Contains("data-testid=\"plan-warnings\"", planKind);
        Assert.Contains($"/Centers/Plan/{center.Id}?year={year}", planKind);
        Assert.Contains("发明专利授权", planKind);
        Assert.NotEqual(HttpStatusCode.OK, asStaff.StatusCode);
    }

    [Fact]
    public async Task Every_funds_page_renders_in_both_languages_with_no_missing_string()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.ReleaseAsync(await g.PlanAsync(300_000m))).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("standards", "2026-04-01", "95000")).ReadAsync(HttpStatusCode.OK);
        await g.PlanAsync(100_000m);

        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var admin = await factory.ClientFor(Roles.Admin, culture: culture);
            var staff = await factory.ClientFor(Roles.CenterUser, g.Center.Lead.Id, culture);
            var pages = new (HttpClient Client, string Path)[]
            {
                (admin, "/Funds"), (admin, "/Funds?status=InExecution&year=2026"), (admin, "/Funds/Create"), (admin, $"/Funds/Details/{g.Id}"), (admin, "/Funds/Warnings"),
                (admin, "/Funds/Warnings?kind=near-limit"), (admin, "/Funds/Warnings?kind=plan-behind"), (staff, "/Funds"), (staff, $"/Funds/Details/{g.Id}"), (staff, $"/Funds/Spend/{g.Id}"),
                (admin, $"/Funds/Evaluation/{g.Id}"), (staff, $"/Funds/Evaluation/{g.Id}"), (staff, $"/Funds/Import/{g.Id}"),
            };
            foreach (var (client, path) in pages)
            {
                var response = await client.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{culture} {path}: {response.StatusCode}");
                Assert.False(MissingKey().IsMatch(html), $"{culture} {path}: {MissingKey().Match(html).Value}");
                Assert.Contains(culture == "zh-CN" ? "专项资金" : "Special funds", html);
            }
        }

        await factory.SweepWarningsAsync();
        var board = await (await factory.ClientFor(Roles.Admin)).GetStringAsync("/Funds/Warnings?kind=near-limit");
        Assert.Contains($"/Funds/Details/{g.Id}", board);
        Assert.Contains("接近预算上限", board);
        var other = await factory.CreateCenterAsync();
        var otherStaff = await factory.CenterUserAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync($"/Funds/Details/{g.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await g.CenterUser.GetAsync("/Funds/Warnings")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await factory.MemberUserAsync(g.Center.University)).GetAsync("/Funds")).StatusCode);
    }

    [Fact]
    public async Task The_drafter_approving_through_the_page_is_told_a_second_admin_must_and_nothing_changes()
    {
        var center = await factory.CreateCenterAsync();
        var drafter = await factory.ClientFor(Roles.Admin);
        var created = await (await drafter.PostAsJsonAsync("/api/v1/funds/grants", FundsTestData.Draft(center.Id))).ReadAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var response = await drafter.PostFormAsync($"/Funds/Details/{id}?handler=Step", new Dictionary<string, string> { ["step"] = "approve", ["version"] = created.GetProperty("version").GetInt32().ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("须由另一位管理员办理", await response.Content.ReadAsStringAsync());
        Assert.Equal("Draft", (await drafter.GrantAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_center_reports_a_target_through_the_page_and_a_submission_without_evidence_is_refused_in_place()
    {
        var g = await factory.RunningGrantAsync();
        var e = await (await g.CenterUser.GetAsync($"/api/v1/funds/grants/{g.Id}/evaluation")).ReadAsync(HttpStatusCode.OK);
        var target = e.GetProperty("targets")[0].GetProperty("id").GetGuid();
        var form = await g.CenterUser.GetStringAsync($"/Funds/Evaluation/{g.Id}");
        Assert.Contains("提交绩效自评", form);

        var saved = await g.CenterUser.PostFormAsync($"/Funds/Evaluation/{g.Id}?handler=Report", new Dictionary<string, string>
        {
            ["targetId"] = target.ToString(), ["actualValue"] = "2.5", ["comment"] = "两项标准已发布", ["version"] = e.GetProperty("version").GetInt32().ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await (await g.CenterUser.GetAsync($"/api/v1/funds/grants/{g.Id}/evaluation")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2.5m, after.GetProperty("targets")[0].GetProperty("actualValue").GetDecimal());

        var refused = await g.CenterUser.PostFormAsync($"/Funds/Evaluation/{g.Id}?handler=Submit", new Dictionary<string, string> { ["version"] = after.GetProperty("version").GetInt32().ToString() });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("缺少证明材料", await refused.Content.ReadAsStringAsync());
        var still = await (await g.CenterUser.GetAsync($"/api/v1/funds/grants/{g.Id}/evaluation")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, still.GetProperty("submittedAt").ValueKind);
    }

    [Fact]
    public async Task An_admin_drafts_a_grant_through_the_page_from_the_budget_table()
    {
        var center = await factory.CreateCenterAsync();
        var admin = await factory.ClientFor(Roles.Admin);

        var refused = await admin.PostFormAsync("/Funds/Create", new Dictionary<string, string>
        {
            ["Input.CenterId"] = center.Id.ToString(), ["Input.Title"] = "页面起草", ["Input.DocumentNumber"] = "津工信〔2026〕9号", ["Input.Source"] = "city",
            ["Input.Form"] = "award", ["Input.PeriodFrom"] = "2026-01-01", ["Input.PeriodTo"] = "2031-06-30", ["Input.Amounts[pilot-line|city]"] = "500000",
        });
        var saved = await admin.PostFormAsync("/Funds/Create", new Dictionary<string, string>
        {
            ["Input.CenterId"] = center.Id.ToString(), ["Input.Title"] = "页面起草", ["Input.DocumentNumber"] = "津工信〔2026〕9号", ["Input.Source"] = "city",
            ["Input.Form"] = "award", ["Input.PeriodFrom"] = "2026-01-01", ["Input.PeriodTo"] = "2027-06-30", ["Input.Amounts[pilot-line|city]"] = "500000",
            ["Input.Amounts[pilot-line|self]"] = "250000.5", ["Input.Targets[0].Indicator"] = "standards", ["Input.Targets[0].Value"] = "2",
        });

        Assert.Contains("执行期不能超过 5 年", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var grant = await admin.GrantAsync(Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last()));
        Assert.Equal(750_000.5m, grant.GetProperty("amount").GetDecimal());
        Assert.Equal("以奖代补", grant.GetProperty("formLabel").GetString());
    }

    [Fact]
    public async Task The_demo_seeds_one_running_grant_with_a_voucher_and_a_live_warning_once()
    {
        await InnoCenter.Web.Infrastructure.Startup.DemoSeeder.SeedAsync(factory.Services);
        await InnoCenter.Web.Infrastructure.Startup.DemoSeeder.SeedAsync(factory.Services);

        var grants = await factory.WithDbAsync(db => db.FundGrants.Where(g => g.Title == "智能装备中试验证平台建设").Select(g => g.Id).ToListAsync());
        var id = Assert.Single(grants);
        var admin = await factory.ClientFor(Roles.Admin);
        var grant = await admin.GrantAsync(id);
        Assert.Equal("InExecution", grant.GetProperty("status").GetString());
        Assert.Equal(2, grant.GetProperty("tranches").GetArrayLength());
        Assert.Contains(grant.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "near-limit");
        var spent = await (await admin.GetAsync($"/api/v1/funds/expenditures?grantId={id}")).ReadAsync(HttpStatusCode.OK);
        Assert.All(spent.GetProperty("items").EnumerateArray(), e => Assert.Equal(1, e.GetProperty("vouchers").GetArrayLength()));
        var voucher = spent.GetProperty("items")[0].GetProperty("vouchers")[0].GetProperty("fileId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/files/{voucher}")).StatusCode);
        var evaluation = await (await admin.GetAsync($"/api/v1/funds/grants/{id}/evaluation")).ReadAsync(HttpStatusCode.OK);
        Assert.True(evaluation.GetProperty("submittedAt").ValueKind == JsonValueKind.String, evaluation.ToString());
        var page = await admin.GetStringAsync($"/Funds/Evaluation/{id}");
        Assert.Contains("标准发布公告汇编.pdf", page);
    }

    [Fact]
    public async Task The_grant_list_pages_by_the_page_query_not_by_the_pages_own_route()
    {
        var g = await factory.RunningGrantAsync();

        var first = await g.CenterUser.GetStringAsync("/Funds");
        var second = await g.CenterUser.GetStringAsync("/Funds?page=2");

        // The center has one grant: it is on the first page and not on the second.
        Assert.Contains($"/Funds/Details/{g.Id}", first);
        Assert.DoesNotContain($"/Funds/Details/{g.Id}", second);
    }

    [Fact]
    public async Task The_grant_page_opens_without_a_refusal_and_pages_its_expenditures_by_the_page_query()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.ReleaseAsync(await g.PlanAsync(300_000m))).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("standards", "2026-04-01", "10")).ReadAsync(HttpStatusCode.OK);

        // Razor Pages puts the page's own path in the route value "page"; it must not be read as the page number.
        var first = await g.CenterUser.GetStringAsync($"/Funds/Details/{g.Id}");
        var beyond = await g.CenterUser.GetStringAsync($"/Funds/Details/{g.Id}?page=2");

        Assert.DoesNotContain("PageNumber", first);
        Assert.DoesNotContain("role=\"alert\"", first);
        Assert.Contains("天津某设备有限公司", first);
        // Co-financed by the district: its matching money is recorded on the page, under the source it comes from.
        Assert.Contains("登记配套/自筹到位", first);
        Assert.Contains("<label class=\"form-label\" for=\"r-source\">资金来源</label>", first);
        Assert.DoesNotContain("天津某设备有限公司", beyond);
    }

    [GeneratedRegex(@"\bfunds\.[a-z_]+(\.[A-Za-z_-]+)*\b(?![/\w-])")]
    private static partial Regex MissingKey();
}
