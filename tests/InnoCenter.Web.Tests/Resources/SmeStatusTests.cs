using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>
/// SME status (中小企业认定): declared against the pack's national classification with evidence, counted for the SME rate
/// only once an Admin confirms it; a rejection keeps its reason and the rate does not apply.
/// </summary>
public abstract class SmeStatusTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static async Task<(string[] Codes, string[] Fields)> ProblemOf(HttpResponseMessage r)
    {
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        var codes = body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        var fields = body.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToArray() : [];
        return (codes, fields);
    }

    private async Task<(TestCenter Center, InnoCenter.Web.Features.Organizations.OrganizationDto Outsider, HttpClient Client)> OutsiderAsync(string culture = "zh-CN")
    {
        var center = await factory.CreateCenterAsync();
        var outsider = await center.Admin.CreateOrganizationAsync(TestData.Organization(name: "申报中小企业" + Guid.NewGuid().ToString("N")[..6]));
        return (center, outsider, await factory.MemberUserAsync(outsider, culture));
    }

    [ProviderFact]
    public async Task A_declaration_outside_the_classification_without_evidence_or_of_an_unknown_industry_is_refused_by_field_and_nothing_is_written()
    {
        var (_, outsider, client) = await OutsiderAsync();

        // 工业: an SME has fewer than 1,000 employees OR less than 400 million yuan of revenue; this one reaches both.
        var large = await client.DeclareSmeAsync("industry", 1000, 400_000_000m, ResourceTestData.UniquePdf());
        var noEvidence = await client.DeclareSmeAsync("industry", 50, 1_000_000m, evidence: null);
        var unknown = await client.DeclareSmeAsync("mining-on-mars", -1, 0.001m, ResourceTestData.UniquePdf());
        var notAFile = await client.DeclareSmeAsync("industry", 50, 1_000_000m, "不是PDF"u8.ToArray(), "报表.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Contains("resources.sme_not_qualified", (await ProblemOf(large)).Codes);
        Assert.Contains("file.empty", (await ProblemOf(noEvidence)).Codes);
        var bad = await ProblemOf(unknown);
        Assert.Equal(["resources.sme_negative", "resources.sme_revenue_invalid", "resources.sme_unknown_industry"], bad.Codes.Order().ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notAFile.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ResourceSmeStatuses.AnyAsync(s => s.OrganizationId == outsider.Id)));
        Assert.False(await factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.OwnerType == SmeStatusHandlers.EvidenceOwner && f.OriginalName == "报表.pdf")));
    }

    [ProviderFact]
    public async Task Industry_with_more_employees_but_less_revenue_than_the_bound_is_an_sme_and_the_refusal_speaks_english_to_an_english_reader()
    {
        var (_, _, zh) = await OutsiderAsync();
        var (_, _, en) = await OutsiderAsync("en-US");

        // Either bound below the line makes an SME: 5,000 employees but 10 million yuan of revenue.
        var byRevenue = await zh.DeclareSmeAsync("industry", 5000, 10_000_000m, ResourceTestData.UniquePdf());
        // 软件和信息技术服务业: fewer than 300 employees or less than 100 million yuan.
        var refused = await en.DeclareSmeAsync("software-it", 300, 100_000_000m, ResourceTestData.UniquePdf());

        Assert.Equal(HttpStatusCode.OK, byRevenue.StatusCode);
        Assert.Equal(SmeStatusState.Declared, (await byRevenue.Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options))!.State);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("employees")[0].GetString();
        Assert.Contains("not an SME", detail);
        Assert.Contains("300", detail);
    }

    [ProviderFact]
    public async Task The_rate_applies_only_after_an_admins_confirmation_a_rejection_keeps_its_reason_and_a_new_declaration_waits_again()
    {
        var (center, outsider, client) = await OutsiderAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var open = await owner.CreateResourceAsync(ResourceTestData.Request(center, openToOutside: true));
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 2, 9);
        var pdf = ResourceTestData.UniquePdf();

        var declared = await (await client.DeclareSmeAsync("other", 80, 5_000_000m, pdf)).Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options);
        var rejectedNoReason = await center.Admin.PostAsJsonAsync($"/api/v1/resources/sme/{outsider.Id}/reject", new SmeRejectionRequest(" ", declared!.Version));
        var rejected = await center.Admin.PostAsJsonAsync($"/api/v1/resources/sme/{outsider.Id}/reject", new SmeRejectionRequest("财务报表未盖章", declared.Version));
        var afterReject = (await rejected.Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options))!.Version;
        var confirmAfterReject = await center.Admin.PostAsync($"/api/v1/resources/sme/{outsider.Id}/confirm?version={afterReject}", null);
        var whileRejected = await (await client.BookAsync(open.Id, starts, starts.AddHours(1))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);
        var mine = await client.GetFromJsonAsync<SmeStatusDto>("/api/v1/resources/sme/mine", Json.Options);

        var stale = await client.DeclareSmeAsync("other", 80, 5_000_000m, ResourceTestData.UniquePdf(), version: declared.Version);
        var again = await (await client.DeclareSmeAsync("other", 80, 5_000_000m, ResourceTestData.UniquePdf(), version: mine!.Version)).Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options);
        var waiting = await center.Admin.GetFromJsonAsync<PagedResult<SmeStatusDto>>("/api/v1/resources/sme?state=Declared&pageSize=200", Json.Options);
        var byUser = await client.PostAsync($"/api/v1/resources/sme/{outsider.Id}/confirm?version={again!.Version}", null);
        var confirmed = await center.Admin.PostAsync($"/api/v1/resources/sme/{outsider.Id}/confirm?version={again.Version}", null);
        var sme = await (await client.BookAsync(open.Id, starts.AddHours(1), starts.AddHours(2))).Content.ReadFromJsonAsync<BookingDto>(Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, rejectedNoReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, confirmAfterReject.StatusCode);
        Assert.Equal(FeeRate.Outside, whileRejected!.Rate);
        Assert.Equal((SmeStatusState.Rejected, "财务报表未盖章"), (mine.State, mine.RejectionReason));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(SmeStatusState.Declared, again.State);
        Assert.Contains(waiting!.Items, d => d.OrganizationId == outsider.Id);
        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(FeeRate.Sme, sme!.Rate);
    }

    [ProviderFact]
    public async Task A_decision_without_the_version_read_is_refused_naming_the_field_and_a_stale_one_is_a_conflict_and_nothing_changes()
    {
        var (center, outsider, client) = await OutsiderAsync();
        var declared = await (await client.DeclareSmeAsync("industry", 30, 3_000_000m, ResourceTestData.UniquePdf())).Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options);

        var confirmWithout = await center.Admin.PostAsync($"/api/v1/resources/sme/{outsider.Id}/confirm", null);
        var rejectWithout = await center.Admin.PostAsJsonAsync($"/api/v1/resources/sme/{outsider.Id}/reject", new SmeRejectionRequest("证明材料不全", null));
        var confirmStale = await center.Admin.PostAsync($"/api/v1/resources/sme/{outsider.Id}/confirm?version={declared!.Version - 1}", null);
        var rejectStale = await center.Admin.PostAsJsonAsync($"/api/v1/resources/sme/{outsider.Id}/reject", new SmeRejectionRequest("证明材料不全", declared.Version + 1));

        Assert.Equal(HttpStatusCode.BadRequest, confirmWithout.StatusCode);
        var confirmWithoutProblem = await ProblemOf(confirmWithout);
        Assert.Equal(["validation.required"], confirmWithoutProblem.Codes);
        Assert.Equal(["version"], confirmWithoutProblem.Fields);
        Assert.Equal(HttpStatusCode.BadRequest, rejectWithout.StatusCode);
        var rejectWithoutProblem = await ProblemOf(rejectWithout);
        Assert.Equal(["validation.required"], rejectWithoutProblem.Codes);
        Assert.Equal(["version"], rejectWithoutProblem.Fields);
        Assert.Equal(HttpStatusCode.Conflict, confirmStale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rejectStale.StatusCode);
        var stored = await factory.WithDbAsync(db => db.ResourceSmeStatuses.AsNoTracking().SingleAsync(s => s.OrganizationId == outsider.Id));
        Assert.Equal((null, null, declared.Version), (stored.ConfirmedAt, stored.RejectedAt, stored.Version));
    }

    [ProviderFact]
    public async Task The_evidence_is_read_by_its_organisation_and_the_admins_and_by_no_other_organisation()
    {
        var (center, _, client) = await OutsiderAsync();
        var pdf = ResourceTestData.UniquePdf();
        var declared = await (await client.DeclareSmeAsync("industry", 20, 2_000_000m, pdf)).Content.ReadFromJsonAsync<SmeStatusDto>(Json.Options);
        var stranger = await factory.MemberUserAsync(center.University);
        var url = $"/api/v1/files/{declared!.EvidenceFileId}";

        Assert.Equal(pdf, await (await client.GetAsync(url)).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await center.Admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
    }

    [ProviderFact]
    public async Task The_page_declares_with_the_file_shows_a_refusal_next_to_its_field_and_the_admin_confirms_there()
    {
        var (_, outsider, client) = await OutsiderAsync();
        var admin = await factory.ClientFor(Roles.Admin);

        var refused = await client.PostAsync("/Resources/Sme?handler=Declare", PageForm(await client.AntiforgeryTokenAsync("/Resources/Sme"), "industry", "2000", "900000000", null));
        var html = await refused.Content.ReadAsStringAsync();
        var declared = await client.PostAsync("/Resources/Sme?handler=Declare", PageForm(await client.AntiforgeryTokenAsync("/Resources/Sme"), "industry", "150", "60000000.50", ResourceTestData.UniquePdf()));
        var adminPage = await admin.GetStringAsync("/Resources/Sme?state=Declared&pageSize=200");
        var version = await factory.WithDbAsync(db => db.ResourceSmeStatuses.Where(s => s.OrganizationId == outsider.Id).Select(s => s.Version).SingleAsync());
        var confirm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organizationId"] = outsider.Id.ToString(), ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = await admin.AntiforgeryTokenAsync("/Resources/Sme"),
        });
        var confirmed = await admin.PostAsync("/Resources/Sme?handler=Confirm", confirm);
        var ownPage = await client.GetStringAsync("/Resources/Sme");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请选择要上传的文件", html);
        Assert.Contains("本单位不属于中小企业", html);
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Contains(outsider.Name, adminPage);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("已确认", ownPage);
        Assert.True(await factory.WithDbAsync(db => db.ResourceSmeStatuses.AnyAsync(s => s.OrganizationId == outsider.Id && s.ConfirmedAt != null && s.AnnualRevenue == 60_000_000.50m)));
    }

    private static MultipartFormDataContent PageForm(string token, string industry, string employees, string revenue, byte[]? file)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(industry), "Input.Industry" },
            { new StringContent(employees), "Input.Employees" },
            { new StringContent(revenue), "Input.AnnualRevenue" },
        };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "evidenceFile", "审计报告.pdf");
        }

        return form;
    }
}

public sealed class SqliteSmeStatusTests(SqliteAppFactory factory) : SmeStatusTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresSmeStatusTests(PostgresAppFactory factory) : SmeStatusTests<PostgresAppFactory>(factory);
