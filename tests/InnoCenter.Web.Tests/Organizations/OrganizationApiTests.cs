using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace InnoCenter.Web.Tests.Organizations;

/// <summary>The organisations API, run once per database provider.</summary>
public abstract class OrganizationApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    protected TFactory Factory => factory;

    [ProviderFact]
    public async Task Admin_creates_an_organisation_and_reads_it_back()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var request = TestData.Organization();

        var response = await admin.PostAsJsonAsync("/api/v1/organizations", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<OrganizationSaved>(Json.Options);
        Assert.Empty(saved!.Warnings);
        var read = await admin.GetFromJsonAsync<OrganizationDto>($"/api/v1/organizations/{saved.Organization.Id}", Json.Options);
        Assert.Equal(request.CreditCode, read!.CreditCode);
        Assert.Equal(request.Name, read.Name);
        Assert.Equal("滨海新区", read.DistrictLabel);
        Assert.Equal("企业", read.TypeLabel);
    }

    [ProviderFact]
    public async Task A_second_organisation_with_the_same_credit_code_is_refused_and_not_written()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var first = TestData.Organization();
        await admin.CreateOrganizationAsync(first);

        var response = await admin.PostAsJsonAsync("/api/v1/organizations", TestData.Organization() with { CreditCode = first.CreditCode!.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(first.CreditCode, problem.GetProperty("detail").GetString());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Organizations.CountAsync(o => o.CreditCode == first.CreditCode)));
    }

    [ProviderFact]
    public async Task An_invalid_credit_code_is_refused_with_its_reason_in_the_users_language()
    {
        var zh = await factory.ClientFor(Roles.Admin);
        var en = await factory.ClientFor(Roles.Admin, culture: "en-US");
        var request = TestData.Organization() with { CreditCode = "91440300708461136X" };

        var zhProblem = await (await zh.PostAsJsonAsync("/api/v1/organizations", request)).Content.ReadFromJsonAsync<JsonElement>();
        var enResponse = await en.PostAsJsonAsync("/api/v1/organizations", request);
        var enProblem = await enResponse.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, enResponse.StatusCode);
        Assert.Equal("统一社会信用代码校验位不正确，请核对是否输错。", zhProblem.GetProperty("errors").GetProperty("creditCode")[0].GetString());
        Assert.Equal("The credit code's check character is wrong; check it for a typo.", enProblem.GetProperty("errors").GetProperty("creditCode")[0].GetString());
        Assert.Contains("uscc.checksum", enProblem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.False(await factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.CreditCode == request.CreditCode)));
    }

    [ProviderFact]
    public async Task Over_long_and_missing_fields_are_each_named_and_nothing_is_written()
    {
        var admin = await factory.ClientFor(Roles.Admin, culture: "en-US");
        var request = TestData.Organization(name: new string('长', 201)) with { Type = null, Region = "Tianjin", DistrictCode = null, ContactPhone = new string('1', 41) };

        var response = await admin.PostAsJsonAsync("/api/v1/organizations", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("At most 200 characters.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("This field is required.", errors.GetProperty("type")[0].GetString());
        Assert.Equal("Choose the district when the region is Tianjin.", errors.GetProperty("districtCode")[0].GetString());
        Assert.Equal("At most 40 characters.", errors.GetProperty("contactPhone")[0].GetString());
        Assert.False(await factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.CreditCode == request.CreditCode)));
    }

    [ProviderFact]
    public async Task A_wrong_json_type_is_a_400_problem_naming_the_field_not_a_500()
    {
        var admin = await factory.ClientFor(Roles.Admin, culture: "en-US");
        var body = new StringContent("""{"creditCode":"91440300708461136T","name":42}""", Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/v1/organizations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("$.name", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [ProviderFact]
    public async Task An_unknown_department_prefix_is_a_warning_not_a_refusal()
    {
        var admin = await factory.ClientFor(Roles.Admin, culture: "en-US");
        var request = TestData.Organization() with { CreditCode = TestData.NewCreditCode(prefix: "A1") };

        var response = await admin.PostAsJsonAsync("/api/v1/organizations", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<OrganizationSaved>(Json.Options);
        Assert.Contains(saved!.Warnings, w => w.Contains("'A1'"));
    }

    [ProviderFact]
    public async Task The_list_pages_and_filters_by_name_type_region_and_district()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = "筛选" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
        {
            await admin.CreateOrganizationAsync(TestData.Organization(name: $"{marker}企业{i}", district: i % 2 == 0 ? "120116" : "120104"));
        }

        await admin.CreateOrganizationAsync(TestData.Organization(name: $"{marker}大学", type: "University"));
        await admin.CreateOrganizationAsync(TestData.Organization(name: $"{marker}北京院", type: "ResearchInstitute", region: "Beijing"));

        var page1 = await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={marker}&pageSize=3&page=1", Json.Options);
        var page3 = await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={marker}&pageSize=3&page=3", Json.Options);
        var universities = await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={marker}&type=University", Json.Options);
        var beijing = await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={marker}&region=Beijing", Json.Options);
        var nankai = await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={marker}&district=120104", Json.Options);

        Assert.Equal(7, page1!.Total);
        Assert.Equal(3, page1.Items.Count);
        Assert.Equal(3, page1.PageCount);
        Assert.Single(page3!.Items);
        Assert.Empty(page1.Items.Select(i => i.Id).Intersect(page3.Items.Select(i => i.Id)));
        Assert.Equal($"{marker}大学", Assert.Single(universities!.Items).Name);
        Assert.Equal($"{marker}北京院", Assert.Single(beijing!.Items).Name);
        Assert.Equal(2, nankai!.Total);
    }

    [ProviderFact]
    public async Task Only_admins_write_and_others_read_only_their_own_organisation()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var own = await admin.CreateOrganizationAsync(TestData.Organization());
        var other = await admin.CreateOrganizationAsync(TestData.Organization());
        var center = await factory.ClientFor(Roles.CenterUser, own.Id);
        var expert = await factory.ClientFor(Roles.Expert);

        Assert.Equal(HttpStatusCode.Forbidden, (await center.PostAsJsonAsync("/api/v1/organizations", TestData.Organization())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync("/api/v1/organizations", TestData.Organization())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await center.PutAsJsonAsync($"/api/v1/organizations/{own.Id}", TestData.Organization())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync("/api/v1/organizations")).StatusCode);

        var list = await center.GetFromJsonAsync<PagedResult<OrganizationDto>>("/api/v1/organizations?pageSize=200", Json.Options);
        Assert.Equal(own.Id, Assert.Single(list!.Items).Id);
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync($"/api/v1/organizations/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await center.GetAsync($"/api/v1/organizations/{other.Id}")).StatusCode);
        Assert.Empty((await expert.GetFromJsonAsync<PagedResult<OrganizationDto>>("/api/v1/organizations", Json.Options))!.Items);
    }

    [ProviderFact]
    public async Task An_edit_against_a_stale_version_is_a_409_and_changes_nothing()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var request = TestData.Organization();
        var created = await admin.CreateOrganizationAsync(request);

        var first = await admin.PutAsJsonAsync($"/api/v1/organizations/{created.Id}", request with { Name = "第一次修改", Version = created.Version });
        var stale = await admin.PutAsJsonAsync($"/api/v1/organizations/{created.Id}", request with { Name = "过期修改", Version = created.Version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await admin.GetFromJsonAsync<OrganizationDto>($"/api/v1/organizations/{created.Id}", Json.Options);
        Assert.Equal("第一次修改", read!.Name);
        Assert.Equal(created.Version + 1, read.Version);
    }

    [ProviderFact]
    public async Task The_credit_code_of_an_organisation_cannot_be_changed()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var request = TestData.Organization();
        var created = await admin.CreateOrganizationAsync(request);

        var response = await admin.PutAsJsonAsync($"/api/v1/organizations/{created.Id}", request with { CreditCode = TestData.NewCreditCode(), Name = "改名后", Version = created.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("organization.credit_code_immutable", Assert.Single(problem.GetProperty("codes").EnumerateArray()).GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("creditCode", out _));
        var stored = await factory.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == created.Id));
        Assert.Equal((request.CreditCode, request.Name), (stored.CreditCode, stored.Name));
    }

    [ProviderFact]
    public async Task The_excel_export_carries_the_filtered_rows_with_headings_in_the_users_language()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var marker = "导出" + Guid.NewGuid().ToString("N")[..6];
        await admin.CreateOrganizationAsync(TestData.Organization(name: marker + "甲"));
        await admin.CreateOrganizationAsync(TestData.Organization(name: marker + "乙"));

        var response = await admin.GetAsync($"/api/v1/organizations/export?name={marker}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { marker + "甲", marker + "乙" }.Order(), rows.Select(r => (string)r["单位名称"]).Order());
    }

    [ProviderFact]
    public async Task Every_organisation_write_is_in_the_audit_chain_and_an_altered_row_is_found()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var created = await admin.CreateOrganizationAsync(TestData.Organization());
        await factory.SealAuditAsync();
        var sequence = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Organization" && a.EntityId == created.Id.ToString() && a.Action == "Insert")
            .Select(a => a.Sequence!.Value).SingleAsync());
        var before = await (await admin.PostAsync("/api/v1/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();

        // Someone with database access rewrites history behind the app's back.
        const string forged = """{"Name":"篡改"}""";
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEntries\" SET \"After\" = {forged} WHERE \"Sequence\" = {sequence}"));
        var after = await (await admin.PostAsync("/api/v1/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(before.GetProperty("intact").GetBoolean());
        Assert.False(after.GetProperty("intact").GetBoolean());
        Assert.Equal(sequence, after.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientFor(Roles.Expert)).PostAsync("/api/v1/audit/verify", null)).StatusCode);
    }
}

public sealed class SqliteOrganizationApiTests(SqliteAppFactory factory) : OrganizationApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresOrganizationApiTests(PostgresAppFactory factory) : OrganizationApiTests<PostgresAppFactory>(factory);
