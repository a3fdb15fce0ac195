using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using InnoCenter.Domain.Applications;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Notices;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Applications;

/// <summary>Arranges applications for tests: an applicant organisation and user, a complete draft, its materials.</summary>
public sealed class ApplicationFlow(AppFactory factory)
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Applicant { get; private set; } = null!;

    public OrganizationDto Lead { get; private set; } = null!;

    public OrganizationDto University { get; private set; } = null!;

    public static async Task<ApplicationFlow> StartAsync(AppFactory factory, string culture = "zh-CN")
    {
        var flow = new ApplicationFlow(factory);
        flow.Admin = await factory.ClientFor(Roles.Admin, culture: culture);
        flow.Lead = await flow.Admin.CreateOrganizationAsync(TestData.Organization(name: "申报牵头企业" + Guid.NewGuid().ToString("N")[..6]));
        flow.University = await flow.Admin.CreateOrganizationAsync(TestData.Organization(name: "合作大学" + Guid.NewGuid().ToString("N")[..6], type: "University"));
        flow.Applicant = await factory.ClientFor(Roles.CenterUser, flow.Lead.Id, culture);
        return flow;
    }

    /// <summary>A request that meets every hard rule once materials are attached: lead, a university, a new Beijing institute.</summary>
    public ApplicationRequest CompleteRequest(string? name = null) => new()
    {
        CenterName = name ?? "天津市高端装备制造业创新中心" + Guid.NewGuid().ToString("N")[..4],
        KeyArea = "high-end-equipment",
        IndustryDivision = "C35",
        PlanSummary = "围绕高端装备共性关键技术开展研发与转移扩散。",
        Goals = "三年内突破 5 项共性关键技术。",
        LeadEquitySharePercent = 60,
        Members =
        [
            new MemberRequest { CreditCode = University.CreditCode, EquitySharePercent = 25 },
            new MemberRequest
            {
                CreditCode = TestData.NewCreditCode("12", "110000"), Name = "北京某研究院" + Guid.NewGuid().ToString("N")[..4],
                Kind = "ResearchInstitute", Region = "Beijing", EquitySharePercent = 15,
            },
        ],
        Indicators = [new IndicatorRequest("发明专利申请", "项", 10, 15, 20)],
    };

    public async Task<Guid> CreateDraftAsync(ApplicationRequest? request = null)
    {
        var response = await Applicant.PostAsJsonAsync("/api/v1/applications", request ?? CompleteRequest());
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating a draft failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<TransitionResult>(Json.Options))!.Id;
    }

    public static MultipartFormDataContent File(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        return form;
    }

    public async Task UploadRequiredMaterialsAsync(Guid id)
    {
        foreach (var code in new[] { "construction-proposal", "legal-person-certificate", "articles", "capital-agreement", "audited-accounts", "ip-list" })
        {
            (await Applicant.PostAsync($"/api/v1/applications/{id}/materials/{code}", File(Pdf, code + ".pdf"))).EnsureSuccessStatusCode();
        }
    }

    public async Task<Guid> SubmittedAsync()
    {
        var id = await CreateDraftAsync();
        await UploadRequiredMaterialsAsync(id);
        var submitted = await Applicant.PostAsync($"/api/v1/applications/{id}/submit", null);
        if (!submitted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Submitting failed: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        }

        return id;
    }

    public Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/applications/{id}/{action}", body ?? new { });

    public async Task<ApplicationDetailDto> ReadAsync(Guid id, HttpClient? client = null) =>
        (await (client ?? Admin).GetFromJsonAsync<ApplicationDetailDto>($"/api/v1/applications/{id}", Json.Options))!;

    /// <summary>
    /// Puts an application straight into a later state, for tests of what happens there; the guards that normally
    /// lead there (panel opinion, site inspection) have tests of their own.
    /// </summary>
    public async Task ForceStatusAsync(Guid id, ApplicationStatus status)
    {
        var name = status.ToString();
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"Applications\" SET \"Status\" = {name} WHERE \"Id\" = {id}"));
        // The statement passes by the writes that keep its stage clock; keep it as they would.
        using var scope = factory.Services.CreateScope();
        await ApplicationStageClocks.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<PolicyVersions>(), [id], CancellationToken.None);
    }

    public async Task<int> CloseNoticesAsync(DateOnly asOf)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeHandlers>().CloseDueNoticesAsync(asOf, CancellationToken.None);
    }
}
