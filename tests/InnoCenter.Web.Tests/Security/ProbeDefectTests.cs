using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using static InnoCenter.Web.Tests.Reviews.ReviewTestData;

namespace InnoCenter.Web.Tests.Security;

/// <summary>The defects the outside probe found (issue 12, items 2, 5, 6 and 8), once per database provider.</summary>
public abstract class ProbeDefectTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Password = "ProbeUser2026x";

    [ProviderFact]
    public async Task A_roll_up_year_out_of_range_is_a_400_naming_the_year_not_a_500()
    {
        var c = await factory.CreateCenterAsync();
        var owner = await factory.CenterUserAsync(c);

        foreach (var path in new[] { "/api/v1/ledger/rollup/0", "/api/v1/ledger/rollup/-1", "/api/v1/ledger/rollup/10000" })
        {
            var response = await c.Admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _), path);
        }

        var huge = await owner.GetAsync($"/api/v1/ledger/rollup?centerId={c.Id}&year=2147483647");
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.True((await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("year", out _));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/ledger/rollup?centerId={c.Id}&year={c.LastYear}")).StatusCode);
    }

    [ProviderFact]
    public async Task The_roll_up_page_with_year_zero_shows_a_message_next_to_the_year()
    {
        var c = await factory.CreateCenterAsync();
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var response = await browser.GetAsync($"/Centers/Rollup/{c.Id}?year=0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("1900", html);
        Assert.Contains("2100", html);
        Assert.Contains("field-validation-error", html);
    }

    [ProviderFact]
    public async Task A_file_whose_name_claims_another_type_than_its_bytes_is_refused_and_not_stored()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var record = await user.CreateAsync("training", await LedgerTestData.ValidRequestAsync("training", c, user));
        var png = Png();
        var polyglot = Encoding.ASCII.GetBytes($"%PDF-1.4\n<html><script>alert('{Guid.NewGuid()}')</script></html>\n%%EOF");
        var path = $"/api/v1/ledger/training/{record.Id}/evidence";

        var pngAsPdf = await user.UploadAsync(path, png, "签到表.pdf");
        var pdfAsHtml = await user.UploadAsync(path, polyglot, "report.html");
        var honest = await user.UploadAsync(path, png, "签到表.png");

        Assert.Equal(HttpStatusCode.BadRequest, pngAsPdf.StatusCode);
        Assert.Contains(".png", await pngAsPdf.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, pdfAsHtml.StatusCode);
        Assert.Contains("file", (await pdfAsHtml.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.False(StoreHolds(polyglot));
        Assert.Equal(HttpStatusCode.OK, honest.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == record.Id)));
    }

    [ProviderFact]
    public async Task A_refused_inspection_photo_leaves_no_file_in_the_store()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var leader = panel.Members[0];
        await admin.PutAsJsonAsync($"/api/v1/reviews/subjects/{subject.Id}/panel/leader", new LeaderRequest(leader.Id));
        await ClientOf(leader.ExpertId).PostAsync($"/api/v1/reviews/assignments/{leader.Id}/accept", null);
        var checklist = new[] { "legal-entity", "premises", "equipment", "staff", "capital", "collaboration", "materials" };
        var saved = await ClientOf(leader.ExpertId).PutAsJsonAsync($"/api/v1/reviews/subjects/{subject.Id}/inspection", new InspectionRequest
        {
            Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3),
            Place = "天津市滨海新区某产业园",
            Participants = [new ParticipantRequest("Expert", leader.ExpertId, null, null)],
            Findings = checklist.Select(x => new FindingRequest(x, "Met", null)).ToList(),
            Conclusion = "Pass",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n{Guid.NewGuid()}\n%%EOF");

        var refused = await ClientOf(leader.ExpertId).PostAsync($"/api/v1/reviews/subjects/{subject.Id}/inspection/files", new MultipartFormDataContent
        {
            { new StringContent("photo"), "kind" },
            { new ByteArrayContent(pdf), "file", "现场.pdf" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(StoreHolds(pdf));
    }

    [ProviderFact]
    public async Task A_state_changing_api_call_with_the_cookie_alone_is_refused_with_an_antiforgery_token_or_a_bearer_token_accepted()
    {
        var c = await factory.CreateCenterAsync();
        var (user, token) = await factory.CreateUserAsync(Roles.CenterUser, c.Lead.Id, Password);
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(user.Email!, Password);
        var af = await browser.AntiforgeryTokenAsync("/Account/Manage");
        var bearer = factory.AnonymousClient();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var json = await LedgerTestData.ValidRequestAsync("training", c, bearer);
        var evidencePng = Png();

        // JSON create, multipart upload and delete: the same rule for each.
        var jsonByCookie = await browser.PostJsonAsync("/api/v1/ledger/training", json);
        var jsonWithToken = await Send(browser, HttpMethod.Post, "/api/v1/ledger/training", JsonContent.Create(json, options: Json.Options), af);
        var jsonByBearer = await bearer.PostJsonAsync("/api/v1/ledger/training", json);
        var record = (await jsonByBearer.Content.ReadFromJsonAsync<InnoCenter.Web.Features.Ledger.LedgerItem>(Json.Options))!;
        var uploadByCookie = await browser.UploadAsync($"/api/v1/ledger/training/{record.Id}/evidence", evidencePng, "a.png");
        var uploadWithToken = await Send(browser, HttpMethod.Post, $"/api/v1/ledger/training/{record.Id}/evidence", Multipart(evidencePng, "a.png"), af);
        var uploadByBearer = await bearer.UploadAsync($"/api/v1/ledger/training/{record.Id}/evidence", evidencePng, "b.png");
        var deleteByCookie = await browser.DeleteAsync($"/api/v1/ledger/training/{record.Id}?version={record.Version}");
        var readByCookie = await browser.GetAsync($"/api/v1/ledger/training/{record.Id}");
        var deleteWithToken = await Send(browser, HttpMethod.Delete, $"/api/v1/ledger/training/{record.Id}?version={record.Version}", null, af);

        Assert.Equal(HttpStatusCode.Forbidden, jsonByCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Created, jsonWithToken.StatusCode);
        Assert.Equal(HttpStatusCode.Created, jsonByBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, uploadByCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, uploadWithToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, uploadByBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleteByCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByCookie.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteWithToken.StatusCode);
    }

    [ProviderFact]
    public async Task The_expert_import_and_the_other_former_exceptions_refuse_a_cookie_without_antiforgery()
    {
        var browser = factory.AnonymousClient();
        await browser.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var any = Guid.NewGuid();

        var import = await browser.UploadAsync("/api/v1/experts/import", [1, 2, 3], "experts.xlsx");
        var material = await browser.UploadAsync($"/api/v1/applications/{any}/materials/articles", [1, 2, 3], "a.pdf");
        var value = await browser.PostAsJsonAsync($"/api/v1/assessment/reports/{any}/values/x", new { value = 1 });
        var organization = await browser.PostAsJsonAsync("/api/v1/organizations", TestData.Organization());

        Assert.All([import, material, value, organization], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [ProviderFact]
    public async Task The_role_check_comes_before_validation()
    {
        var expert = await factory.ClientFor(Roles.Expert);
        var c = await factory.CreateCenterAsync();
        var owner = await factory.CenterUserAsync(c);
        var valid = await LedgerTestData.ValidRequestAsync("training", c, owner);

        var empty = await expert.PostAsync("/api/v1/ledger/training", new StringContent("{}", Encoding.UTF8, "application/json"));
        var broken = await expert.PostAsync("/api/v1/ledger/training", new StringContent("{\"centerId\":", Encoding.UTF8, "application/json"));
        var withBody = await expert.PostJsonAsync("/api/v1/ledger/training", valid);

        Assert.Equal(HttpStatusCode.Forbidden, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, broken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withBody.StatusCode);
    }

    [ProviderFact]
    public async Task An_unknown_page_answers_404_in_place_and_no_response_names_the_server()
    {
        var anonymous = factory.AnonymousClient();

        var missing = await anonymous.GetAsync("/No/Such/Page");
        var home = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("text/html", missing.Content.Headers.ContentType?.ToString());
        Assert.False(missing.Headers.Contains("Server"));
        Assert.False(home.Headers.Contains("Server"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/no-such-thing")).StatusCode);
    }

    private bool StoreHolds(byte[] content)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        return File.Exists(Path.Combine(factory.FilesRoot, sha[..2], sha));
    }

    private static byte[] Png() =>
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Multipart(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, HttpContent? content, string antiforgery)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        return client.SendAsync(request);
    }
}

public sealed class SqliteProbeDefectTests(SqliteAppFactory factory) : ProbeDefectTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresProbeDefectTests(PostgresAppFactory factory) : ProbeDefectTests<PostgresAppFactory>(factory);
