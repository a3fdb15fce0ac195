using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>The funds API, run once per database provider.</summary>
public abstract class FundsApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task The_drafter_cannot_approve_their_own_grant_and_a_second_admin_can()
    {
        var center = await factory.CreateCenterAsync();
        var drafter = await factory.ClientFor(Roles.Admin, culture: "en-US");
        var created = await (await drafter.PostAsJsonAsync("/api/v1/funds/grants", FundsTestData.Draft(center.Id))).ReadAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var refused = await (await drafter.PostAsJsonAsync($"/api/v1/funds/grants/{id}/approve", new GrantStepRequest(created.GetProperty("version").GetInt32(), null)))
            .ReadAsync(HttpStatusCode.Forbidden);

        Assert.Contains("second Admin", refused.GetProperty("detail").GetString());
        Assert.Equal("Draft", (await drafter.GrantAsync(id)).GetProperty("status").GetString());
        var second = await factory.ClientFor(Roles.Admin);
        var approved = await (await second.PostAsJsonAsync($"/api/v1/funds/grants/{id}/approve", new GrantStepRequest(created.GetProperty("version").GetInt32(), null))).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(2, approved.GetProperty("history").GetArrayLength());
    }

    [ProviderFact]
    public async Task A_stale_version_is_a_409_and_changes_nothing()
    {
        var g = await factory.RunningGrantAsync();

        var response = await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/terminate", new GrantStepRequest(1, "重复立项"));

        await response.ReadAsync(HttpStatusCode.Conflict);
        Assert.Equal("InExecution", (await g.Second.GrantAsync(g.Id)).GetProperty("status").GetString());
    }

    [ProviderFact]
    public async Task A_tranche_is_held_with_its_reason_until_matching_money_arrives_in_proportion()
    {
        var g = await factory.RunningGrantAsync();
        var first = await g.PlanAsync(350_000m);
        await (await g.ReleaseAsync(first, by: g.Drafter)).ReadAsync(HttpStatusCode.Forbidden);
        await (await g.ReleaseAsync(first)).ReadAsync(HttpStatusCode.OK);
        var second = await g.PlanAsync(350_000m);

        var held = await (await g.ReleaseAsync(second)).ReadAsync(HttpStatusCode.Conflict);

        Assert.Contains("区级配套资金", held.GetProperty("detail").GetString());
        var page = await g.Second.GrantAsync(g.Id);
        var shown = page.GetProperty("tranches")[1].GetProperty("holds");
        Assert.Equal(1, shown.GetArrayLength());
        Assert.Contains("50", shown[0].GetString());
        Assert.Equal(350_000m, page.GetProperty("figures").GetProperty("received").GetDecimal());
        Assert.Contains(page.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "matching");

        await (await g.ReceiveAsync("district", "200000")).ReadAsync(HttpStatusCode.OK);
        await (await g.ReleaseAsync(second)).ReadAsync(HttpStatusCode.OK);
        var after = await g.Second.GrantAsync(g.Id);
        Assert.Equal(900_000m, after.GetProperty("figures").GetProperty("received").GetDecimal());
        Assert.Equal(50m, after.GetProperty("figures").GetProperty("matchingPercent").GetDecimal());
    }

    [ProviderFact]
    public async Task A_final_tranche_waits_for_acceptance_evidence_and_an_open_clawback_holds_every_tranche()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.ReleaseAsync(await g.PlanAsync(100_000m))).ReadAsync(HttpStatusCode.OK);
        await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/clawbacks", new ClawbackRequest(10_000m, "挪用于非项目支出"))).ReadAsync(HttpStatusCode.OK);
        var last = await g.PlanAsync(50_000m, isFinal: true);

        var held = await (await g.ReleaseAsync(last)).ReadAsync(HttpStatusCode.Conflict);

        var codes = held.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("funds.hold.clawback", codes);
        Assert.Contains("funds.hold.acceptance", codes);
        var figures = (await g.Second.GrantAsync(g.Id)).GetProperty("figures");
        Assert.Equal(90_000m, figures.GetProperty("balance").GetDecimal());
        Assert.Equal(1, await factory.WithDbAsync(db => db.FundReceipts.CountAsync(r => r.GrantId == g.Id)));
    }

    [ProviderTheory]
    [InlineData("pilot-line", "2028-01-01", "100", "spentOn", "funds.outside_period")]
    [InlineData("common-key-tech", "2026-05-01", "100", "category", "funds.no_line_for_category")]
    [InlineData("pilot-line", "2026-05-01", "100.005", "amount", "funds.amount_sub_fen")]
    [InlineData("pilot-line", "2026-05-01", "-5", "amount", "funds.amount_not_positive")]
    [InlineData("standards", "2026-05-01", "100000.01", "amount", "funds.line_overspent")]
    public async Task A_refused_expenditure_names_its_reason_and_writes_nothing(string category, string on, string amount, string field, string code)
    {
        var g = await factory.RunningGrantAsync();

        var problem = await (await g.SpendAsync(category, on, amount)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Contains(code, problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));
        // A refused entry leaves no voucher behind: no stored file names an expenditure that does not exist.
        Assert.Equal(0, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerType == FundsAccess.ExpenditureOwner && !db.FundExpenditures.Any(e => e.Id == f.OwnerId))));
    }

    [ProviderFact]
    public async Task A_voucher_of_the_wrong_type_is_refused_and_nothing_is_written()
    {
        var g = await factory.RunningGrantAsync();
        var text = "这不是凭证"u8.ToArray();

        var problem = await (await g.SpendAsync("pilot-line", "2026-05-01", "100", text, "invoice.txt")).ReadAsync(HttpStatusCode.BadRequest);
        var xlsxNamedPdf = await (await g.SpendAsync("pilot-line", "2026-05-01", "100", FundsTestData.Pdf, "invoice.png")).ReadAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("vouchers", out _));
        Assert.True(xlsxNamedPdf.GetProperty("errors").TryGetProperty("vouchers", out _));
        Assert.Equal(0, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));
    }

    [ProviderFact]
    public async Task Expenditures_entered_at_once_on_one_grant_are_all_recorded_not_refused_as_a_conflict()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.ReleaseAsync(await g.PlanAsync(300_000m))).ReadAsync(HttpStatusCode.OK);

        // Each entry moves the grant's version on (so two cannot both take a line's last money); the people entering
        // them sent no version, so another entry saved in between must not cost them a 409.
        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => g.SpendAsync("pilot-line", $"2026-04-{i:00}", $"{100 + i}.25")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var spent = (await g.CenterUser.GrantAsync(g.Id)).GetProperty("figures").GetProperty("spent").GetDecimal();
        Assert.Equal(Enumerable.Range(1, 8).Sum(i => 100.25m + i), spent);
        Assert.Equal(8, await factory.WithDbAsync(db => db.FundExpenditures.CountAsync(e => e.GrantId == g.Id)));
    }

    [ProviderFact]
    public async Task Figures_equal_the_hand_sums_after_spending_and_a_reversal()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.ReleaseAsync(await g.PlanAsync(300_000m))).ReadAsync(HttpStatusCode.OK);
        await (await g.ReceiveAsync("district", "200000")).ReadAsync(HttpStatusCode.OK);
        var a = await (await g.SpendAsync("pilot-line", "2026-04-01", "12345.67")).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("pilot-line", "2026-04-02", "0.01")).ReadAsync(HttpStatusCode.OK);
        await (await g.SpendAsync("standards", "2026-04-03", "50000")).ReadAsync(HttpStatusCode.OK);
        var reversal = await (await g.CenterUser.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/expenditures/{a.GetProperty("id").GetGuid()}/reverse", new ReversalRequest("金额录错"))).ReadAsync(HttpStatusCode.OK);
        await (await g.CenterUser.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/expenditures/{a.GetProperty("id").GetGuid()}/reverse", new ReversalRequest("again"))).ReadAsync(HttpStatusCode.Conflict);
        await (await g.SpendAsync("pilot-line", "2026-04-04", "12345.76")).ReadAsync(HttpStatusCode.OK);

        var grant = await g.CenterUser.GrantAsync(g.Id);

        var figures = grant.GetProperty("figures");
        const decimal spent = 12345.67m + 0.01m + 50000m - 12345.67m + 12345.76m;
        Assert.Equal(-12345.67m, reversal.GetProperty("amount").GetDecimal());
        Assert.Equal(500_000m, figures.GetProperty("received").GetDecimal());
        Assert.Equal(spent, figures.GetProperty("spent").GetDecimal());
        Assert.Equal(500_000m - spent, figures.GetProperty("balance").GetDecimal());
        Assert.Equal(Math.Round(spent * 100 / 500_000m, 2), figures.GetProperty("executionPercent").GetDecimal());
        var pilot = grant.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("category").GetString() == "pilot-line");
        Assert.Equal(12345.77m, pilot.GetProperty("spent").GetDecimal());
        Assert.Equal(1_000_000m - 12345.77m, pilot.GetProperty("left").GetDecimal());
        var list = await (await g.CenterUser.GetAsync($"/api/v1/funds/expenditures?grantId={g.Id}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(5, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("amount").GetDecimal() > 0), e => Assert.Equal(1, e.GetProperty("vouchers").GetArrayLength()));
    }

    [ProviderFact]
    public async Task Another_centers_user_cannot_see_the_grant_and_other_roles_are_refused()
    {
        var g = await factory.RunningGrantAsync();
        var other = await factory.CreateCenterAsync();
        var otherUser = await factory.CenterUserAsync(other);
        var voucher = await (await g.SpendAsync("pilot-line", "2026-04-01", "10")).ReadAsync(HttpStatusCode.OK);
        var fileId = voucher.GetProperty("vouchers")[0].GetProperty("fileId").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await otherUser.GetAsync($"/api/v1/funds/grants/{g.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await g.SpendAsync("pilot-line", "2026-04-01", "10", by: otherUser)).StatusCode);
        Assert.Equal(0, (await (await otherUser.GetAsync("/api/v1/funds/grants")).ReadAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await otherUser.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await g.CenterUser.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await g.Second.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        var member = await factory.MemberUserAsync(g.Center.University);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/funds/grants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/funds/grants/{g.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientFor(Roles.Expert)).GetAsync("/api/v1/funds/expenditures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await g.CenterUser.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/tranches", new TrancheRequest(1m, new DateOnly(2026, 3, 1), false))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await g.Second.PostAsync($"/api/v1/funds/grants/{g.Id}/expenditures", FundsTestData.Fields(("category", "pilot-line")))).StatusCode);
    }

    [ProviderFact]
    public async Task A_line_near_its_limit_appears_on_the_warning_board_and_on_the_grant()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.SpendAsync("standards", "2026-04-01", "95000")).ReadAsync(HttpStatusCode.OK);

        await factory.SweepWarningsAsync();
        var board = await (await g.Second.GetAsync("/api/v1/funds/warnings?kind=near-limit&pageSize=200")).ReadAsync(HttpStatusCode.OK);

        var mine = board.GetProperty("items").EnumerateArray().Where(w => w.GetProperty("grantId").GetGuid() == g.Id).ToList();
        Assert.Single(mine);
        Assert.Equal(95m, mine[0].GetProperty("figure").GetDecimal());
        Assert.Contains("95", mine[0].GetProperty("message").GetString());
        var onGrant = (await g.CenterUser.GrantAsync(g.Id)).GetProperty("warnings");
        Assert.Contains(onGrant.EnumerateArray(), w => w.GetProperty("kind").GetString() == "near-limit");
        Assert.Equal(HttpStatusCode.Forbidden, (await g.CenterUser.GetAsync("/api/v1/funds/warnings")).StatusCode);
    }

    [ProviderFact]
    public async Task What_waits_for_a_second_admin_is_on_their_workbench_and_not_on_the_drafters()
    {
        var center = await factory.CreateCenterAsync();
        var drafter = await factory.ClientFor(Roles.Admin);
        var other = await factory.ClientFor(Roles.Admin);
        static async Task<int> DraftsAsync(HttpClient c)
        {
            var bench = await (await c.GetAsync("/api/v1/workbench")).ReadAsync(HttpStatusCode.OK);
            return bench.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray())
                .Where(i => i.GetProperty("key").GetString() == "funds.workbench.drafts").Select(i => i.GetProperty("count").GetInt32()).SingleOrDefault();
        }

        var before = await DraftsAsync(other);
        await (await drafter.PostAsJsonAsync("/api/v1/funds/grants", FundsTestData.Draft(center.Id))).ReadAsync(HttpStatusCode.Created);

        Assert.Equal(before + 1, await DraftsAsync(other));
        Assert.Equal(before, await DraftsAsync(drafter));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link != null && n.Link.StartsWith("/Funds/Details/"))));
    }

    [ProviderFact]
    public async Task A_published_allocation_is_public_and_nothing_else_of_the_module_is()
    {
        var published = await factory.RunningGrantAsync();
        var unpublished = await factory.RunningGrantAsync();
        var version = (await published.Second.GrantAsync(published.Id)).GetProperty("version").GetInt32();
        await (await published.CenterUser.PostAsJsonAsync($"/api/v1/funds/grants/{published.Id}/publish", new GrantStepRequest(version, null))).ReadAsync(HttpStatusCode.Forbidden);

        var done = await (await published.Second.PostAsJsonAsync($"/api/v1/funds/grants/{published.Id}/publish", new GrantStepRequest(version, null))).ReadAsync(HttpStatusCode.OK);
        await (await published.Second.PostAsJsonAsync($"/api/v1/funds/grants/{published.Id}/publish", new GrantStepRequest(done.GetProperty("version").GetInt32(), null))).ReadAsync(HttpStatusCode.Conflict);

        var anonymous = factory.AnonymousClient();
        var list = await (await anonymous.GetAsync("/api/v1/public/funds/grants?pageSize=200")).ReadAsync(HttpStatusCode.OK);
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(published.Id, ids);
        Assert.DoesNotContain(unpublished.Id, ids);
        var row = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == published.Id);
        Assert.Equal(1_100_000m, row.GetProperty("amount").GetDecimal());
        Assert.Equal("市级专项资金", row.GetProperty("sourceLabel").GetString());
        Assert.False(row.TryGetProperty("lines", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/funds/grants/{published.Id}")).StatusCode);
    }

    [ProviderFact]
    public async Task The_export_lists_only_the_centers_own_grants_with_chinese_headers_and_amounts_as_numbers()
    {
        var mine = await factory.RunningGrantAsync();
        var theirs = await factory.RunningGrantAsync();

        var response = await mine.CenterUser.GetAsync("/api/v1/funds/grants/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        var title = (await mine.CenterUser.GrantAsync(mine.Id)).GetProperty("title").GetString();
        Assert.Equal(title, row["项目名称"]);
        Assert.Equal(1_100_000d, Convert.ToDouble(row["金额（元）"]));
        Assert.Equal("执行中", row["状态"]);
        Assert.NotEqual(theirs.Id, mine.Id);
    }

    [ProviderFact]
    public async Task A_refusal_is_in_the_users_language()
    {
        var g = await factory.RunningGrantAsync();
        var en = await factory.ClientFor(InnoCenter.Web.Infrastructure.Auth.Roles.CenterUser, g.Center.Lead.Id, "en-US");

        var problem = await (await g.SpendAsync("pilot-line", "2028-01-01", "10", by: en)).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Equal("The date must fall within the period 2026-01-01 to 2027-12-31.", problem.GetProperty("errors").GetProperty("spentOn")[0].GetString());
    }

    [ProviderFact]
    public async Task Idle_money_leftover_past_the_carry_over_limit_and_low_execution_near_the_end_are_on_the_board()
    {
        var today = CenterTestData.Today;
        var pastCenter = await factory.CreateCenterAsync();
        var past = await factory.RunningGrantAsync(FundsTestData.Draft(pastCenter.Id) with { PeriodFrom = today.AddYears(-4), PeriodTo = today.AddYears(-3) }, pastCenter);
        await (await past.ReleaseAsync(await past.PlanAsync(100_000m, on: today.AddYears(-4).AddDays(10)), on: today.AddYears(-4).AddDays(10))).ReadAsync(HttpStatusCode.OK);
        var endingCenter = await factory.CreateCenterAsync();
        var ending = await factory.RunningGrantAsync(FundsTestData.Draft(endingCenter.Id) with { PeriodFrom = today.AddYears(-1), PeriodTo = today.AddMonths(2) }, endingCenter);
        await (await ending.ReleaseAsync(await ending.PlanAsync(100_000m, on: today.AddDays(-1)), on: today.AddDays(-1))).ReadAsync(HttpStatusCode.OK);

        await factory.SweepWarningsAsync();
        var board = (await (await past.Second.GetAsync("/api/v1/funds/warnings?pageSize=200")).ReadAsync(HttpStatusCode.OK)).GetProperty("items");

        string[] KindsOf(Guid id) => board.EnumerateArray().Where(w => w.GetProperty("grantId").GetGuid() == id).Select(w => w.GetProperty("kind").GetString()!).Order().ToArray();
        Assert.Contains("carry-over", KindsOf(past.Id));
        Assert.Contains("idle", KindsOf(past.Id));
        Assert.Contains("low-execution", KindsOf(ending.Id));
        Assert.DoesNotContain("carry-over", KindsOf(ending.Id));
        Assert.DoesNotContain("idle", KindsOf(ending.Id));
        Assert.Contains("matching", KindsOf(ending.Id));
    }

    [ProviderFact]
    public async Task An_adjustment_is_approved_by_a_second_admin_and_never_below_what_is_spent()
    {
        var g = await factory.RunningGrantAsync();
        await (await g.SpendAsync("standards", "2026-04-01", "60000")).ReadAsync(HttpStatusCode.OK);
        var grant = await g.Second.GrantAsync(g.Id);
        var lines = grant.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("category").GetString()!, l => l.GetProperty("id").GetGuid());

        var asked = await (await g.Drafter.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/adjustments",
            new AdjustmentRequest(lines["standards"], lines["pilot-line"], 50_000m, "标准任务缩减", grant.GetProperty("version").GetInt32()))).ReadAsync(HttpStatusCode.OK);
        var change = asked.GetProperty("changes")[0].GetProperty("id").GetGuid();
        await (await g.Drafter.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/changes/{change}/decision", new ChangeDecisionRequest(true, "同意", asked.GetProperty("version").GetInt32()))).ReadAsync(HttpStatusCode.Forbidden);
        var refused = await (await g.Second.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/changes/{change}/decision", new ChangeDecisionRequest(true, "同意", asked.GetProperty("version").GetInt32()))).ReadAsync(HttpStatusCode.BadRequest);

        Assert.Contains("funds.line_below_spent", refused.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var after = await g.Second.GrantAsync(g.Id);
        Assert.Equal(100_000m, after.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("category").GetString() == "standards").GetProperty("amount").GetDecimal());
        Assert.Equal("Pending", after.GetProperty("changes")[0].GetProperty("status").GetString());
    }
}

public sealed class SqliteFundsApiTests(SqliteAppFactory factory) : FundsApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresFundsApiTests(PostgresAppFactory factory) : FundsApiTests<PostgresAppFactory>(factory);
