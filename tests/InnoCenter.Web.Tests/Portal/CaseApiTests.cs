using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Features.Portal;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Portal;

/// <summary>Typical cases (典型经验): drafting, review, versions, what the public may reach; run once per provider.</summary>
public abstract class CaseApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Admin_returns_with_remarks_center_revises_and_admin_publishes()
    {
        var w = await CaseWriter.StartAsync(factory);
        var draft = await w.SubmitAsync(await w.DraftAsync("初稿标题"));

        var returned = await CaseWriter.OkAsync(w.Admin, $"/api/v1/portal/manage/cases/{draft.Id}/return", new CaseReturnRequest("请补充成效数据。", draft.Version));
        Assert.Equal(CaseVersionStatus.Returned, returned.Latest.Status);
        Assert.Equal("请补充成效数据。", returned.Latest.Remarks);

        var revise = await w.Staff.PutAsJsonAsync($"/api/v1/portal/manage/cases/{draft.Id}", w.Request("修改后标题") with { Version = returned.Version }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, revise.StatusCode);
        var revised = (await revise.Content.ReadFromJsonAsync<CaseDto>(Json.Options))!;
        Assert.Single(revised.Versions);
        var published = await w.PublishAsync(await w.SubmitAsync(revised));

        Assert.Equal(CaseStatus.Published, published.Status);
        var anon = factory.AnonymousClient();
        var page = await anon.GetStringAsync($"/Portal/Cases/{draft.Id}");
        Assert.Contains("修改后标题", page);
        var api = await anon.GetFromJsonAsync<PublicCaseDto>($"/api/v1/portal/cases/{draft.Id}", Json.Options);
        Assert.Equal("修改后标题", api!.Title);
    }

    [ProviderFact]
    public async Task Return_without_remarks_is_refused_and_the_case_stays_submitted()
    {
        var w = await CaseWriter.StartAsync(factory);
        var c = await w.SubmitAsync(await w.DraftAsync());

        var response = await w.Admin.PostAsJsonAsync($"/api/v1/portal/manage/cases/{c.Id}/return", new CaseReturnRequest(" ", c.Version), Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CaseVersionStatus.Submitted, await factory.WithDbAsync(db => db.PortalCaseVersions.Where(v => v.CaseId == c.Id).Select(v => v.Status).SingleAsync()));
    }

    [ProviderFact]
    public async Task An_edit_after_publishing_is_a_new_version_while_the_old_one_stays_public()
    {
        var w = await CaseWriter.StartAsync(factory);
        var v1 = await w.PublishedAsync("第一版标题");

        var edit = await w.Staff.PutAsJsonAsync($"/api/v1/portal/manage/cases/{v1.Id}", w.Request("第二版标题") with { Version = v1.Version }, Json.Options);
        var v2 = (await edit.Content.ReadFromJsonAsync<CaseDto>(Json.Options))!;
        v2 = await w.SubmitAsync(v2);

        Assert.Equal(2, v2.Versions.Count);
        Assert.Equal(CaseVersionStatus.Submitted, v2.Latest.Status);
        var anon = factory.AnonymousClient();
        var shown = await anon.GetFromJsonAsync<PublicCaseDto>($"/api/v1/portal/cases/{v1.Id}", Json.Options);
        Assert.Equal("第一版标题", shown!.Title);
        Assert.DoesNotContain("第二版标题", await anon.GetStringAsync($"/Portal/Cases/{v1.Id}"));

        await w.PublishAsync(v2);
        shown = await anon.GetFromJsonAsync<PublicCaseDto>($"/api/v1/portal/cases/{v1.Id}", Json.Options);
        Assert.Equal("第二版标题", shown!.Title);
        Assert.Equal(2, shown.VersionNumber);
        Assert.Equal(CaseVersionStatus.Superseded, await factory.WithDbAsync(db => db.PortalCaseVersions.Where(v => v.CaseId == v1.Id && v.Number == 1).Select(v => v.Status).SingleAsync()));
    }

    [ProviderFact]
    public async Task A_body_with_script_event_handler_or_style_is_refused_and_nothing_is_stored()
    {
        var w = await CaseWriter.StartAsync(factory);
        var title = "带脚本" + Guid.NewGuid().ToString("N")[..6];
        var body = "正文<script>alert(1)</script>\n\n<img src=\"/x.png\" onerror=\"alert(2)\">\n\n<p style=\"color:red\">红</p>";

        var response = await w.Staff.PostAsJsonAsync("/api/v1/portal/manage/cases", w.Request(title, body), Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.Contains("script", message);
        Assert.Contains("onerror", message);
        Assert.Contains("style", message);
        // What was removed is a list, joined in the reader's language (、 in Chinese), not pre-joined with ", ".
        Assert.Contains("<script>、onerror", message);
        Assert.DoesNotContain(", ", message);
        Assert.False(await factory.WithDbAsync(db => db.PortalCaseVersions.AnyAsync(v => v.Title == title)));
    }

    [ProviderFact]
    public async Task Wrong_type_or_oversized_image_is_refused_and_nothing_is_stored()
    {
        var w = await CaseWriter.StartAsync(factory);
        var c = await w.DraftAsync();
        var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"u8.ToArray()), "file", "a.pdf" } };

        var wrong = await w.Staff.PostAsync($"/api/v1/portal/manage/cases/{c.Id}/images", pdf);
        var big = await w.Staff.PostAsync($"/api/v1/portal/manage/cases/{c.Id}/images", CaseWriter.Png(extra: (int)AppFactory.MaxUploadBytes + 10));
        var good = await w.Staff.PostAsync($"/api/v1/portal/manage/cases/{c.Id}/images", CaseWriter.Png());

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == c.Id)));
    }

    [ProviderFact]
    public async Task An_anonymous_visitor_never_reaches_a_draft_or_withdrawn_case_by_id()
    {
        var w = await CaseWriter.StartAsync(factory);
        var draft = await w.DraftAsync();
        var image = (await (await w.Staff.PostAsync($"/api/v1/portal/manage/cases/{draft.Id}/images", CaseWriter.Png())).Content.ReadFromJsonAsync<ImageUploaded>(Json.Options))!;
        var withImage = await w.Staff.PutAsJsonAsync(
            $"/api/v1/portal/manage/cases/{draft.Id}", w.Request(body: "图：\n\n" + image.Markdown) with { Version = draft.Version }, Json.Options);
        draft = (await withImage.Content.ReadFromJsonAsync<CaseDto>(Json.Options))!;
        var anon = factory.AnonymousClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/Portal/Cases/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/portal/cases/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync(image.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Staff.GetAsync($"/api/v1/files/{image.Id}")).StatusCode);

        var published = await w.PublishAsync(await w.SubmitAsync(draft));
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync(image.Url)).StatusCode);

        await CaseWriter.OkAsync(w.Admin, $"/api/v1/portal/manage/cases/{published.Id}/withdraw", new CaseWithdrawRequest("数据需核实", published.Version));
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/Portal/Cases/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/portal/cases/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync(image.Url)).StatusCode);
        var list = await anon.GetFromJsonAsync<JsonElement>("/api/v1/portal/cases?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == draft.Id);
    }

    [ProviderFact]
    public async Task A_signed_in_outsider_reads_only_the_published_versions_images_of_a_published_case()
    {
        var w = await CaseWriter.StartAsync(factory);
        var outsider = (await CaseWriter.StartAsync(factory)).Staff;
        var shown = await w.UploadAsync((await w.DraftAsync()).Id);
        var published = await w.PublishAsync(await w.SubmitAsync(await w.WithBodyAsync(await w.GetAsync(shown.CaseId), "图：\n\n" + shown.Image.Markdown)));
        var draftImage = await w.UploadAsync(published.Id);
        await w.WithBodyAsync(published, "新图：\n\n" + draftImage.Image.Markdown);

        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/api/v1/files/{shown.Image.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/files/{draftImage.Image.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.AnonymousClient().GetAsync(draftImage.Image.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Staff.GetAsync($"/api/v1/files/{draftImage.Image.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.GetAsync($"/api/v1/files/{draftImage.Image.Id}")).StatusCode);
    }

    [ProviderFact]
    public async Task Another_centers_staff_cannot_edit_a_case_and_only_an_admin_publishes()
    {
        var w = await CaseWriter.StartAsync(factory);
        var other = await CaseWriter.StartAsync(factory);
        var c = await w.SubmitAsync(await w.DraftAsync());

        var foreign = await other.Staff.PutAsJsonAsync($"/api/v1/portal/manage/cases/{c.Id}", w.Request(), Json.Options);
        var selfPublish = await w.Staff.PostAsJsonAsync($"/api/v1/portal/manage/cases/{c.Id}/publish", new CaseActionRequest(c.Version), Json.Options);
        var foreignCreate = await other.Staff.PostAsJsonAsync("/api/v1/portal/manage/cases", w.Request(), Json.Options);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfPublish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignCreate.StatusCode);
    }

    [ProviderFact]
    public async Task A_stale_version_is_a_conflict()
    {
        var w = await CaseWriter.StartAsync(factory);
        var c = await w.DraftAsync();
        await w.SubmitAsync(c);

        var response = await w.Admin.PostAsJsonAsync($"/api/v1/portal/manage/cases/{c.Id}/publish", new CaseActionRequest(c.Version), Json.Options);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [ProviderFact]
    public async Task A_submitted_case_waits_on_the_admins_workbench_and_a_returned_one_on_the_centers()
    {
        var w = await CaseWriter.StartAsync(factory);
        var c = await w.SubmitAsync(await w.DraftAsync());

        Assert.Contains("/Portal/Manage/Cases?review=Submitted", await LinksAsync(w.Admin));
        await CaseWriter.OkAsync(w.Admin, $"/api/v1/portal/manage/cases/{c.Id}/return", new CaseReturnRequest("补充", c.Version));
        Assert.Contains("/Portal/Manage/Cases?review=Returned", await LinksAsync(w.Staff));
    }

    private static async Task<List<string>> LinksAsync(HttpClient client)
    {
        var found = new List<string>();
        Walk(await client.GetFromJsonAsync<JsonElement>("/api/v1/workbench"));
        return found;

        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        if (p.Name == "link" && p.Value.ValueKind == JsonValueKind.String)
                        {
                            found.Add(p.Value.GetString()!);
                        }
                        else
                        {
                            Walk(p.Value);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var i in e.EnumerateArray())
                    {
                        Walk(i);
                    }

                    break;
            }
        }
    }
}

public sealed class SqliteCaseApiTests(SqliteAppFactory factory) : CaseApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresCaseApiTests(PostgresAppFactory factory) : CaseApiTests<PostgresAppFactory>(factory);
