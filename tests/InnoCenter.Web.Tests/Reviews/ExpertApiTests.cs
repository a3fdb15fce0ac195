using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Reviews;

/// <summary>The expert pool API, run once per database provider.</summary>
public abstract class ExpertApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Admin_adds_an_expert_with_history_and_reads_it_back_with_labels()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var past = TestData.NewCreditCode();
        var request = ReviewTestData.Expert(["technology", "law"], past: [new AffiliationRequest(past, "原单位", new DateOnly(2010, 1, 1), new DateOnly(2020, 6, 30))], keyAreas: ["new-materials"]);

        var response = await admin.PostAsJsonAsync("/api/v1/experts", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<ExpertDto>(Json.Options);
        var read = await admin.GetFromJsonAsync<ExpertDto>($"/api/v1/experts/{created!.Id}", Json.Options);
        Assert.Equal(request.Name, read!.Name);
        Assert.Equal(["技术", "法律"], read.DomainLabels);
        Assert.Equal(["新材料"], read.KeyAreaLabels);
        Assert.Equal(past, Assert.Single(read.PastAffiliations).CreditCode);
        Assert.True(read.IsActive);
    }

    [ProviderFact]
    public async Task Bad_fields_are_each_named_in_the_users_language_and_nothing_is_written()
    {
        var admin = await factory.ClientFor(Roles.Admin, culture: "en-US");
        var request = ReviewTestData.Expert(["astrology"]) with
        {
            AffiliationCreditCode = "91440300708461136X",
            AffiliatedSince = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
            PastAffiliations = [new AffiliationRequest(TestData.NewCreditCode(), "", null, null)],
        };

        var response = await admin.PostAsJsonAsync("/api/v1/experts", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("The credit code's check character is wrong; check it for a typo.", errors.GetProperty("affiliationCreditCode")[0].GetString());
        Assert.Equal("\u201castrology\u201d is not an expert domain of the policy.", errors.GetProperty("domains")[0].GetString());
        Assert.Equal("The date cannot be later than today.", errors.GetProperty("affiliatedSince")[0].GetString());
        Assert.True(errors.TryGetProperty("pastAffiliations[0].organizationName", out _));
        Assert.True(errors.TryGetProperty("pastAffiliations[0].endedOn", out _));
        Assert.False(await factory.WithDbAsync(db => db.Experts.AnyAsync(e => e.Name == request.Name)));
    }

    [ProviderFact]
    public async Task An_expert_needs_at_least_one_domain()
    {
        var admin = await factory.ClientFor(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/experts", ReviewTestData.Expert([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("experts.domains_required", (await response.Content.ReadAsStringAsync()));
    }

    [ProviderFact]
    public async Task A_sign_in_links_only_to_an_expert_role_user_and_only_once()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (centerUser, _) = await factory.CreateUserAsync(Roles.CenterUser);
        var (expertUser, _) = await factory.CreateUserAsync(Roles.Expert);

        var wrongRole = await admin.PostAsJsonAsync("/api/v1/experts", ReviewTestData.Expert(["law"]) with { UserEmail = centerUser.Email });
        var linked = await admin.PostAsJsonAsync("/api/v1/experts", ReviewTestData.Expert(["law"]) with { UserEmail = expertUser.Email });
        var twice = await admin.PostAsJsonAsync("/api/v1/experts", ReviewTestData.Expert(["law"]) with { UserEmail = expertUser.Email!.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.BadRequest, wrongRole.StatusCode);
        Assert.Contains("experts.user_not_expert", await wrongRole.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(expertUser.Id, (await linked.Content.ReadFromJsonAsync<ExpertDto>(Json.Options))!.UserId);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [ProviderFact]
    public async Task The_domain_and_key_area_filters_follow_an_experts_lists_as_they_are_created_and_changed()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        // A name of its own, so the filters are read on this test's expert only.
        var request = ReviewTestData.Expert(["economics", "law"], keyAreas: ["new-materials"]);
        var created = (await (await admin.PostAsJsonAsync("/api/v1/experts", request)).Content.ReadFromJsonAsync<ExpertDto>(Json.Options))!;

        async Task<bool> Listed(string filter) =>
            (await admin.GetFromJsonAsync<PagedResult<ExpertDto>>($"/api/v1/experts?search={Uri.EscapeDataString(request.Name!)}&{filter}&pageSize=100", Json.Options))!
            .Items.Any(e => e.Id == created.Id);

        Assert.Equal((true, true, false, true, false),
            (await Listed("domain=economics"), await Listed("domain=law"), await Listed("domain=technology"), await Listed("keyArea=new-materials"), await Listed("keyArea=biomedicine")));

        var changed = await admin.PutAsJsonAsync($"/api/v1/experts/{created.Id}",
            request with { Domains = ["technology"], KeyAreas = ["biomedicine"], Version = created.Version });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal((false, false, true, false, true),
            (await Listed("domain=economics"), await Listed("domain=law"), await Listed("domain=technology"), await Listed("keyArea=new-materials"), await Listed("keyArea=biomedicine")));
        var rows = await factory.WithDbAsync(db => db.ExpertTags.AsNoTracking().Where(t => t.ExpertId == created.Id)
            .Select(t => t.Kind + ":" + t.Code).OrderBy(t => t).ToListAsync());
        Assert.Equal(["domain:technology", "key-area:biomedicine"], rows);
    }

    [ProviderFact]
    public async Task Changing_the_employer_keeps_the_old_one_in_the_history_and_a_stale_edit_is_a_409()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var request = ReviewTestData.Expert(["industry"]);
        var created = await (await admin.PostAsJsonAsync("/api/v1/experts", request)).Content.ReadFromJsonAsync<ExpertDto>(Json.Options);
        var newEmployer = TestData.NewCreditCode();

        var moved = await admin.PutAsJsonAsync($"/api/v1/experts/{created!.Id}", request with { AffiliationCreditCode = newEmployer, AffiliationName = "新单位", Version = created.Version });
        var stale = await admin.PutAsJsonAsync($"/api/v1/experts/{created.Id}", request with { Name = "过期修改", Version = created.Version });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var read = await moved.Content.ReadFromJsonAsync<ExpertDto>(Json.Options);
        Assert.Equal(newEmployer, read!.AffiliationCreditCode);
        Assert.Equal(request.AffiliationCreditCode, Assert.Single(read.PastAffiliations).CreditCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [ProviderFact]
    public async Task Only_admins_reach_the_pool()
    {
        var expert = await factory.ClientFor(Roles.Expert);
        var center = await factory.ClientFor(Roles.CenterUser);

        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync("/api/v1/experts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await center.PostAsJsonAsync("/api/v1/experts", ReviewTestData.Expert(["law"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync("/api/v1/experts")).StatusCode);
    }

    [ProviderFact]
    public async Task An_import_with_a_bad_row_writes_nothing_and_names_each_bad_cell()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = "导入" + Guid.NewGuid().ToString("N")[..6];
        var rows = new[]
        {
            Row(marker + "甲", TestData.NewCreditCode("12", "120000"), "技术、产业"),
            Row(marker + "乙", "91440300708461136X", "占星"),
            Row(marker + "丙", TestData.NewCreditCode(), "management"),
        };

        var response = await admin.PostAsync("/api/v1/experts/import", Sheet(rows));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("rowErrors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal(3, e.GetProperty("row").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("column").GetString() == "工作单位统一社会信用代码");
        Assert.Contains(errors, e => e.GetProperty("column").GetString() == "专家领域" && e.GetProperty("message").GetString()!.Contains("占星"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Experts.CountAsync(e => e.Name.StartsWith(marker))));
    }

    [ProviderFact]
    public async Task A_clean_import_writes_every_row_and_a_duplicate_row_is_refused()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = "导入" + Guid.NewGuid().ToString("N")[..6];
        var code = TestData.NewCreditCode("12", "120000");
        var rows = new[]
        {
            Row(marker + "甲", code, "Technology、Law", past: $"{TestData.NewCreditCode()}|原单位||2021-03-31"),
            Row(marker + "乙", TestData.NewCreditCode(), "经济"),
        };

        var ok = await admin.PostAsync("/api/v1/experts/import", Sheet(rows));
        var again = await admin.PostAsync("/api/v1/experts/import", Sheet([rows[0]]));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await ok.Content.ReadFromJsonAsync<ImportReport>(Json.Options))!.Imported);
        var first = await factory.WithDbAsync(db => db.Experts.Include(e => e.PastAffiliations).SingleAsync(e => e.Name == marker + "甲"));
        Assert.Equal(["technology", "law"], first.Domains);
        Assert.Single(first.PastAffiliations);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("专家库中已有", await again.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task An_import_refuses_duplicates_in_the_sheet_and_against_the_pool_and_sign_ins_used_twice_or_taken_naming_each_row()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = "批量" + Guid.NewGuid().ToString("N")[..6];
        var (free, _) = await factory.CreateUserAsync(Roles.Expert);
        var (linkedElsewhere, _) = await factory.CreateUserAsync(Roles.Expert);
        var (centerUser, _) = await factory.CreateUserAsync(Roles.CenterUser);
        var pooled = ReviewTestData.Expert(["law"]) with { Name = marker + "库", UserEmail = linkedElsewhere.Email };
        (await admin.PostAsJsonAsync("/api/v1/experts", pooled)).EnsureSuccessStatusCode();
        var code = TestData.NewCreditCode();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        var rows = new[]
        {
            Row(marker + "甲", code, "law", userEmail: free.Email),
            Row(marker + "甲", code, "law"),
            Row(pooled.Name!, pooled.AffiliationCreditCode!, "law"),
            Row(marker + "乙", TestData.NewCreditCode(), "law", userEmail: free.Email!.ToUpperInvariant()),
            Row(marker + "丙", TestData.NewCreditCode(), "law", userEmail: linkedElsewhere.Email),
            Row(marker + "丁", TestData.NewCreditCode(), "law", userEmail: unknown),
            Row(marker + "戊", TestData.NewCreditCode(), "law", userEmail: centerUser.Email),
            Row(marker + "己", TestData.NewCreditCode(), "占星"),
        };

        var response = await admin.PostAsync("/api/v1/experts/import", Sheet(rows));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(
            [
                (3, "姓名", $"专家库中已有“{marker}甲”（工作单位信用代码 {code}）。"),
                (4, "姓名", $"专家库中已有“{pooled.Name}”（工作单位信用代码 {pooled.AffiliationCreditCode}）。"),
                (5, "登录账号邮箱", $"账号 {free.Email!.ToUpperInvariant()} 已关联其他专家。"),
                (6, "登录账号邮箱", $"账号 {linkedElsewhere.Email} 已关联其他专家。"),
                (7, "登录账号邮箱", $"没有邮箱为 {unknown} 的账号。"),
                (8, "登录账号邮箱", $"账号 {centerUser.Email} 没有“专家”角色。"),
                (9, "专家领域", "专家领域“占星”不在政策规定的领域中。"),
            ],
            errors);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Experts.CountAsync(e => e.Name.StartsWith(marker))));
    }

    [ProviderFact]
    public async Task The_export_carries_the_filtered_experts_and_re_imports_as_duplicates()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = "导出" + Guid.NewGuid().ToString("N")[..6];
        await admin.PostAsJsonAsync("/api/v1/experts", ReviewTestData.Expert(["law"]) with { Name = marker + "甲" });
        await admin.PostAsJsonAsync("/api/v1/experts", ReviewTestData.Expert(["economics"]) with { Name = marker + "乙" });

        var response = await admin.GetAsync($"/api/v1/experts/export?search={marker}");

        Assert.Equal(ExcelExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(new[] { marker + "甲", marker + "乙" }.Order(), rows.Select(r => (string)r["姓名"]).Order());
        Assert.Equal("法律", rows.Single(r => (string)r["姓名"] == marker + "甲")["专家领域"]);
        var reimport = await admin.PostAsync("/api/v1/experts/import", File(bytes));
        Assert.Equal(HttpStatusCode.BadRequest, reimport.StatusCode);
    }

    [ProviderFact]
    public async Task A_file_that_is_not_a_workbook_is_refused()
    {
        var admin = await factory.ClientFor(Roles.Admin);

        var response = await admin.PostAsync("/api/v1/experts/import", File("%PDF-1.4 not a sheet"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("experts.import.not_xlsx", await response.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task The_import_cap_is_the_packs_review_maxImportRows()
    {
        await using var own = await OwnApp<TFactory>.StartAsync();
        var admin = await own.Factory.ClientFor(Roles.Admin);
        var inForce = (await admin.GetFromJsonAsync<PolicyVersionDto>("/api/v1/policy", Json.Options))!;
        var review = JsonNode.Parse(inForce.Json)!["review"]!.DeepClone();
        review["maxImportRows"] = 2;
        var proposed = (await (await admin.PostAsJsonAsync("/api/v1/policy/versions", new ProposePolicyRequest
        {
            BaseVersion = inForce.Version.Version, Section = "review", Json = review.ToJsonString(), Note = "专家导入上限",
        })).Content.ReadFromJsonAsync<PolicyVersionRow>(Json.Options))!;
        var today = DateOnly.FromDateTime(own.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        (await admin.PostAsJsonAsync($"/api/v1/policy/versions/{proposed.Id}/apply", new ApplyPolicyRequest { EffectiveFrom = today })).EnsureSuccessStatusCode();
        var marker = "上限" + Guid.NewGuid().ToString("N")[..6];
        var two = new[] { Row(marker + "甲", TestData.NewCreditCode(), "law"), Row(marker + "乙", TestData.NewCreditCode(), "law") };

        var refused = await admin.PostAsync("/api/v1/experts/import", Sheet([.. two, Row(marker + "丙", TestData.NewCreditCode(), "law")]));
        var accepted = await admin.PostAsync("/api/v1/experts/import", Sheet(two));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("too_many_rows", await refused.Content.ReadAsStringAsync());
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(2, await own.Factory.WithDbAsync(db => db.Experts.CountAsync(e => e.Name.StartsWith(marker))));
    }

    private static Dictionary<string, object?> Row(string name, string code, string domains, string? past = null, string? userEmail = null) => new()
    {
        ["姓名"] = name,
        ["职称"] = "教授",
        ["工作单位统一社会信用代码"] = code,
        ["工作单位"] = "导入测试单位",
        ["入职日期"] = "2018-09-01",
        ["专家领域"] = domains,
        ["熟悉的重点领域"] = "新材料",
        ["联系电话"] = "022-1234567",
        ["在库状态"] = "是",
        ["既往工作单位"] = past,
        ["登录账号邮箱"] = userEmail,
    };

    private static MultipartFormDataContent Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        return File(stream.ToArray());
    }

    private static MultipartFormDataContent File(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", "experts.xlsx");
        return content;
    }
}

public sealed class SqliteExpertApiTests(SqliteAppFactory factory) : ExpertApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresExpertApiTests(PostgresAppFactory factory) : ExpertApiTests<PostgresAppFactory>(factory);
