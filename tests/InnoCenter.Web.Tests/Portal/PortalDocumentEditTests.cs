using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using InnoCenter.Web.Features.Portal;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Portal;

/// <summary>Policy documents revised (a new revision under the same 索引号) and withdrawn; run once per provider.</summary>
public abstract class PortalDocumentEditTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static DocumentRequest Doc(string title, int? version = null) =>
        new(title, "津工信科〔2026〕7号", "天津市工业和信息化局", new DateOnly(2026, 4, 1), "## 一、总则\n\n正文。", version);

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    [ProviderFact]
    public async Task An_edit_is_a_new_revision_under_the_same_index_number_and_the_earlier_one_is_kept()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var doc = await PublishAsync(admin, "原标题" + Tag());

        var edit = await admin.PutAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}", Doc("修订后标题" + Tag(), doc.Version), Json.Options);

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var revised = (await edit.Content.ReadFromJsonAsync<DocumentDto>(Json.Options))!;
        Assert.Equal(doc.IndexNumber, revised.IndexNumber);
        Assert.Equal(2, revised.Revision);
        var earlier = Assert.Single(revised.History);
        Assert.Equal(1, earlier.Number);
        Assert.Equal(doc.Title, earlier.Title);
        var shown = await factory.AnonymousClient().GetFromJsonAsync<DocumentDto>($"/api/v1/portal/documents/{doc.Id}", Json.Options);
        Assert.Equal(revised.Title, shown!.Title);
        Assert.Equal(doc.Title, await factory.WithDbAsync(db => db.PortalDocumentRevisions.Where(r => r.DocumentId == doc.Id).Select(r => r.Title).SingleAsync()));
        var page = await factory.AnonymousClient().GetStringAsync($"/Portal/Documents/{doc.Id}");
        Assert.Contains("第2版", page);
    }

    [ProviderFact]
    public async Task An_edit_with_a_stale_version_or_a_missing_title_changes_nothing()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var doc = await PublishAsync(admin, "并发" + Tag());
        await admin.PutAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}", Doc("第一次修订" + Tag(), doc.Version), Json.Options);

        var stale = await admin.PutAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}", Doc("过期修订" + Tag(), doc.Version), Json.Options);
        var empty = await admin.PutAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}", Doc(" ", doc.Version + 1), Json.Options);
        var byStaff = await (await factory.ClientFor(Roles.CenterUser)).PutAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}", Doc("越权" + Tag()), Json.Options);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.PortalDocuments.Where(d => d.Id == doc.Id).Select(d => d.Revision).SingleAsync()));
    }

    [ProviderFact]
    public async Task A_withdrawn_document_leaves_the_list_feed_and_search_and_its_index_number_is_never_reused()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var word = "鲸" + "鲨";
        var doc = await PublishAsync(admin, $"关于{word}的通知{Tag()}");

        var noReason = await admin.PostAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}/withdraw", new DocumentWithdrawRequest(" ", doc.Version), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var withdrawn = await admin.PostAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}/withdraw", new DocumentWithdrawRequest("文件已废止", doc.Version), Json.Options);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = (await withdrawn.Content.ReadFromJsonAsync<DocumentDto>(Json.Options))!;
        Assert.Equal("文件已废止", after.WithdrawnReason);

        var anon = factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/portal/documents/{doc.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/Portal/Documents/{doc.Id}")).StatusCode);
        Assert.DoesNotContain(doc.Title, await anon.GetStringAsync("/Portal/Documents?pageSize=100"));
        var feed = XDocument.Parse(await anon.GetStringAsync("/feed/portal.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.DoesNotContain(doc.Title, feed.Root!.Elements(atom + "entry").Select(e => (string?)e.Element(atom + "title")));
        var search = await anon.GetFromJsonAsync<PortalSearchResult>($"/api/v1/portal/search?q={Uri.EscapeDataString(word)}", Json.Options);
        Assert.DoesNotContain(search!.Documents, h => h.Id == doc.Id);
        var again = await admin.PutAsJsonAsync($"/api/v1/portal/manage/documents/{doc.Id}", Doc("撤回后修订", after.Version), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var next = await PublishAsync(admin, "下一份" + Tag());
        Assert.NotEqual(doc.IndexNumber, next.IndexNumber);
        Assert.True(Serial(next.IndexNumber) > Serial(doc.IndexNumber));
        var managed = await admin.GetFromJsonAsync<DocumentDto>($"/api/v1/portal/manage/documents/{doc.Id}", Json.Options);
        Assert.Equal(doc.IndexNumber, managed!.IndexNumber);
    }

    [ProviderFact]
    public async Task The_edit_page_offers_revision_and_withdrawal_in_both_languages_to_an_admin_only()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var doc = await PublishAsync(admin, "页面" + Tag());

        var zh = await admin.GetStringAsync($"/Portal/Manage/DocumentEdit/{doc.Id}");
        var en = await (await factory.ClientFor(Roles.Admin, culture: "en-US")).GetStringAsync($"/Portal/Manage/DocumentEdit/{doc.Id}");
        var staff = await (await factory.ClientFor(Roles.CenterUser)).GetAsync($"/Portal/Manage/DocumentEdit/{doc.Id}");

        Assert.Contains("撤回原因", zh);
        Assert.Contains(doc.IndexNumber, zh);
        Assert.Contains("Reason for withdrawal", en);
        Assert.Contains("data-confirm", en);
        Assert.NotEqual(HttpStatusCode.OK, staff.StatusCode);
    }

    private static int Serial(string indexNumber) =>
        int.Parse(indexNumber[(indexNumber.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    private static async Task<DocumentDto> PublishAsync(HttpClient admin, string title)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/portal/manage/documents", Doc(title), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DocumentDto>(Json.Options))!;
    }
}

public sealed class SqlitePortalDocumentEditTests(SqliteAppFactory factory) : PortalDocumentEditTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresPortalDocumentEditTests(PostgresAppFactory factory) : PortalDocumentEditTests<PostgresAppFactory>(factory);
