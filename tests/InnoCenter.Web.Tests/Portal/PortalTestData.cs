using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Portal;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Portal;

/// <summary>A center, one of its staff and an Admin, with helpers that walk a case through its review.</summary>
public sealed record CaseWriter(TestCenter Center, HttpClient Staff, HttpClient Admin)
{
    public static async Task<CaseWriter> StartAsync(AppFactory factory)
    {
        var center = await factory.CreateCenterAsync();
        return new CaseWriter(center, await factory.CenterUserAsync(center), center.Admin);
    }

    public CaseRequest Request(string? title = null, string? body = null, string task = "ip") =>
        new(Center.Id, title ?? "典型经验" + Guid.NewGuid().ToString("N")[..6], "摘要：联合攻关的做法。",
            body ?? "## 做法\n\n成员单位**联合攻关**。\n\n## 成效\n\n专利 12 件。", task, [], null);

    public async Task<CaseDto> DraftAsync(string? title = null, string? body = null)
    {
        var response = await Staff.PostAsJsonAsync("/api/v1/portal/manage/cases", Request(title, body), Json.Options);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        }

        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json.Options))!;
    }

    public Task<CaseDto> SubmitAsync(CaseDto c) => OkAsync(Staff, $"/api/v1/portal/manage/cases/{c.Id}/submit", new CaseActionRequest(c.Version));

    public Task<CaseDto> PublishAsync(CaseDto c) => OkAsync(Admin, $"/api/v1/portal/manage/cases/{c.Id}/publish", new CaseActionRequest(c.Version));

    public async Task<CaseDto> PublishedAsync(string? title = null, string? body = null) =>
        await PublishAsync(await SubmitAsync(await DraftAsync(title, body)));

    public async Task<CaseDto> GetAsync(Guid id) =>
        (await Staff.GetFromJsonAsync<CaseDto>($"/api/v1/portal/manage/cases/{id}", Json.Options))!;

    /// <summary>Writes <paramref name="body"/> into the case's working version (after publishing: a new version).</summary>
    public async Task<CaseDto> WithBodyAsync(CaseDto c, string body)
    {
        var response = await Staff.PutAsJsonAsync($"/api/v1/portal/manage/cases/{c.Id}", Request(body: body) with { Version = c.Version }, Json.Options);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        }

        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json.Options))!;
    }

    public async Task<(Guid CaseId, ImageUploaded Image)> UploadAsync(Guid caseId)
    {
        var response = await Staff.PostAsync($"/api/v1/portal/manage/cases/{caseId}/images", Png());
        return (caseId, (await response.Content.ReadFromJsonAsync<ImageUploaded>(Json.Options))!);
    }

    public static async Task<CaseDto> OkAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Json.Options);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json.Options))!;
    }

    public static MultipartFormDataContent Png(string name = "图.png", int extra = 16)
    {
        var bytes = new byte[8 + extra];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
    }
}
