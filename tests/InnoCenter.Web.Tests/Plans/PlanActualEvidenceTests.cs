using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InnoCenter.Web.Features.Plans;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Plans;

/// <summary>A free indicator's actual with an uploaded evidence file: checked like every upload, read by the center and the Admin only; per provider.</summary>
public abstract class PlanActualEvidenceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Free = "中试验证服务企业";

    [ProviderFact]
    public async Task An_evidence_file_is_kept_with_the_actual_and_read_by_the_center_and_the_admin_but_not_by_another_center()
    {
        var (center, staff, year) = await PlanWithFreeIndicatorAsync();
        var pdf = UniquePdf();

        var reported = await staff.PostAsync($"/api/v1/plans/centers/{center.Id}/actuals", Form(year, "12", null, pdf, "服务合同汇总.pdf"));

        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var line = (await reported.Content.ReadFromJsonAsync<PlanProgressDto>(Json.Options))!.Lines.Single(l => l.Name == Free);
        Assert.Equal(12m, line.Actual);
        Assert.Equal("服务合同汇总.pdf", line.EvidenceFileName);
        var fileId = line.EvidenceFileId!.Value;
        Assert.Equal(pdf, await (await staff.GetAsync($"/api/v1/files/{fileId}")).Content.ReadAsByteArrayAsync());
        var byAdmin = await center.Admin.GetAsync($"/api/v1/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(pdf, await byAdmin.Content.ReadAsByteArrayAsync());
        var other = await factory.CreateCenterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.CenterUserAsync(other)).GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.MemberUserAsync(center.University)).GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        Assert.Contains($"/api/v1/files/{fileId}", await staff.GetStringAsync($"/Centers/Plan/{center.Id}?year={year}"));

        // Another center's user cannot report on this center at all, and the Admin does not report for the center.
        var foreign = await (await factory.CenterUserAsync(other)).PostAsync($"/api/v1/plans/centers/{center.Id}/actuals", Form(year, "99", null, UniquePdf(), "x.pdf"));
        var byAdminReport = await center.Admin.PostAsync($"/api/v1/plans/centers/{center.Id}/actuals", Form(year, "99", null, UniquePdf(), "x.pdf"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdminReport.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerType == PlanActualHandlers.EvidenceOwner && db.PlanActuals.Any(a => a.Id == f.OwnerId && a.CenterId == center.Id))));
        Assert.Equal(12m, await factory.WithDbAsync(db => db.PlanActuals.Where(a => a.CenterId == center.Id).Select(a => a.Value).SingleAsync()));
    }

    [ProviderFact]
    public async Task A_file_of_the_wrong_type_too_large_or_misnamed_is_refused_on_its_field_and_nothing_is_stored()
    {
        var (center, staff, year) = await PlanWithFreeIndicatorAsync();
        var text = Encoding.UTF8.GetBytes("只是文字，不是 PDF " + Guid.NewGuid());
        var big = new byte[AppFactory.MaxUploadBytes + 10];
        UniquePdf().CopyTo(big, 0);
        RandomNumberGenerator.Fill(big.AsSpan(100));
        var png = (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()];
        var url = $"/api/v1/plans/centers/{center.Id}/actuals";

        var responses = new[]
        {
            await staff.PostAsync(url, Form(year, "5", null, text, "证明.pdf")),
            await staff.PostAsync(url, Form(year, "5", null, big, "证明.pdf")),
            await staff.PostAsync(url, Form(year, "5", null, png, "证明.pdf")),
            await staff.PostAsync(url, Form(year, "5", "说明", null, null)),
        };

        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.True((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(PlanActualHandlers.EvidenceField, out _));
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.PlanActuals.CountAsync(a => a.CenterId == center.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerType == PlanActualHandlers.EvidenceOwner && !db.PlanActuals.Any(a => a.Id == f.OwnerId))));
        foreach (var bytes in new[] { text, big, png })
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            Assert.False(File.Exists(Path.Combine(factory.FilesRoot, sha[..2], sha)), "a refused file's bytes were kept");
        }
    }

    [ProviderFact]
    public async Task A_bad_file_through_the_page_is_refused_next_to_its_field_and_a_good_one_is_attached_with_antiforgery()
    {
        var (center, staff, year) = await PlanWithFreeIndicatorAsync();
        var path = $"/Centers/Plan/{center.Id}?year={year}";
        var action = $"/Centers/Plan/{center.Id}?year={year}&handler=Actual";

        var withoutToken = await staff.PostAsync(action, PageForm(null, "5", Encoding.UTF8.GetBytes("文本"), "a.pdf"));
        var refused = await staff.PostAsync(action, PageForm(await staff.AntiforgeryTokenAsync(path), "5", Encoding.UTF8.GetBytes("文本" + Guid.NewGuid()), "a.pdf"));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"f-\\d+-error\" class=\"invalid-feedback\">只接受 PDF、DOCX、XLSX、JPG、PNG 文件", html);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PlanActuals.CountAsync(a => a.CenterId == center.Id)));

        var saved = await staff.PostAsync(action, PageForm(await staff.AntiforgeryTokenAsync(path), "7", UniquePdf(), "验收记录.pdf"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await staff.GetStringAsync(path);
        Assert.Contains("验收记录.pdf", page);
        Assert.Contains("佐证文件", page);
        Assert.Equal(7m, await factory.WithDbAsync(db => db.PlanActuals.Where(a => a.CenterId == center.Id).Select(a => a.Value).SingleAsync()));
    }

    private async Task<(TestCenter Center, HttpClient Staff, int Year)> PlanWithFreeIndicatorAsync()
    {
        var center = await factory.CreateCenterAsync();
        var year = center.ApprovedOn.Year;
        var staff = await factory.CenterUserAsync(center);
        var proposed = await staff.PostAsJsonAsync($"/api/v1/plans/centers/{center.Id}/revisions", new ProposeRevisionRequest
        {
            EffectiveFromYear = year, Reason = "细化建设目标", Indicators = [new PlanIndicatorRequest(Free, "家", null, 10, 12, 14)],
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var revision = (await proposed.Content.ReadFromJsonAsync<PlanDto>(Json.Options))!.Revisions.Single(r => r.Number == 1);
        Assert.Equal(HttpStatusCode.OK, (await center.Admin.PostAsJsonAsync($"/api/v1/plans/revisions/{revision.Id}/approve", new RevisionDecisionRequest("同意", revision.Version))).StatusCode);
        return (center, staff, year);
    }

    private static byte[] UniquePdf() => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>The multipart form; the page takes the year from its address, the API from a field.</summary>
    private static MultipartFormDataContent Form(int? year, string value, string? evidence, byte[]? file, string? fileName)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Free), "indicator" },
            { new StringContent(value), "value" },
        };
        if (year is not null)
        {
            form.Add(new StringContent(year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year");
        }

        if (evidence is not null)
        {
            form.Add(new StringContent(evidence), "evidence");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, PlanActualHandlers.EvidenceField, fileName!);
        }

        return form;
    }

    private static MultipartFormDataContent PageForm(string? token, string value, byte[] file, string fileName)
    {
        var form = Form(null, value, null, file, fileName);
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return form;
    }
}

public sealed class SqlitePlanActualEvidenceTests(SqliteAppFactory factory) : PlanActualEvidenceTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresPlanActualEvidenceTests(PostgresAppFactory factory) : PlanActualEvidenceTests<PostgresAppFactory>(factory);
