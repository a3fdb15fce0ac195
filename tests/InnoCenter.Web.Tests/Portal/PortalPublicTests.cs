using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using InnoCenter.Web.Features.Portal;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Portal;

/// <summary>Policy documents, the feed, the public search and the home page; run once per provider.</summary>
public abstract class PortalPublicTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static DocumentRequest Doc(string title) => new(title, "津工信科〔2026〕3号", "天津市工业和信息化局", new DateOnly(2026, 3, 1), "## 一、总则\n\n正文。");

    [ProviderFact]
    public async Task Index_numbers_are_unique_and_sequential_in_the_packs_pattern()
    {
        var admin = await factory.ClientFor(Roles.Admin);

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/portal/manage/documents", Doc("文件" + i + Guid.NewGuid().ToString("N")[..4]), Json.Options);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            numbers.Add((await response.Content.ReadFromJsonAsync<DocumentDto>(Json.Options))!.IndexNumber);
        }

        Assert.Equal(3, numbers.Distinct().Count());
        var serials = numbers.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(serials[0] + 1, serials[1]);
        Assert.Equal(serials[1] + 1, serials[2]);
        Assert.StartsWith("津工信/", numbers[0]);
    }

    [ProviderFact]
    public async Task A_document_page_shows_index_number_document_number_and_date_to_anyone()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var doc = (await (await admin.PostAsJsonAsync("/api/v1/portal/manage/documents", Doc("公开文件"), Json.Options)).Content.ReadFromJsonAsync<DocumentDto>(Json.Options))!;

        var page = await factory.AnonymousClient().GetStringAsync($"/Portal/Documents/{doc.Id}");

        Assert.Contains(doc.IndexNumber, page);
        Assert.Contains("津工信科〔2026〕3号", page);
        Assert.Contains("2026-03-01", page);
    }

    [ProviderFact]
    public async Task Only_an_admin_publishes_a_document_and_a_missing_title_is_refused()
    {
        var staff = await factory.ClientFor(Roles.CenterUser);
        var admin = await factory.ClientFor(Roles.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/portal/manage/documents", Doc("x"), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/portal/manage/documents", Doc(" "), Json.Options)).StatusCode);
    }

    [ProviderFact]
    public async Task The_feed_carries_published_cases_only()
    {
        var w = await CaseWriter.StartAsync(factory);
        var published = await w.PublishedAsync("订阅可见" + Guid.NewGuid().ToString("N")[..6]);
        var draft = await w.SubmitAsync(await w.DraftAsync("订阅不可见" + Guid.NewGuid().ToString("N")[..6]));

        var response = await factory.AnonymousClient().GetAsync("/feed/portal.atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = xml.Root!.Elements(atom + "entry").Select(e => (string?)e.Element(atom + "title")).ToList();
        Assert.Contains(published.Latest.Title, titles);
        Assert.DoesNotContain(draft.Latest.Title, titles);
    }

    [ProviderFact]
    public async Task Search_finds_a_published_case_and_document_by_a_two_character_word_and_never_a_draft()
    {
        var w = await CaseWriter.StartAsync(factory);
        var word = "鲲" + "鹏";
        var tag = Guid.NewGuid().ToString("N")[..6];
        var published = await w.PublishedAsync($"{word}计划{tag}");
        await w.DraftAsync($"{word}草稿{tag}");
        var admin = await factory.ClientFor(Roles.Admin);
        await admin.PostAsJsonAsync("/api/v1/portal/manage/documents", Doc($"关于{word}的通知{tag}"), Json.Options);

        var result = await factory.AnonymousClient().GetFromJsonAsync<PortalSearchResult>($"/api/v1/portal/search?q={Uri.EscapeDataString(word)}", Json.Options);

        var entries = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Set<InnoCenter.Web.Infrastructure.Search.SearchEntry>().Where(e => e.RecordId == published.Id).Select(e => e.Kind + ":" + e.Terms)));
        Assert.True(result!.Cases.Any(h => h.Id == published.Id), System.Text.Json.JsonSerializer.Serialize(result) + string.Join("|", entries));
        Assert.DoesNotContain(result.Cases, h => h.Title.Contains("草稿"));
        Assert.Contains(result.Documents, h => h.Title == $"关于{word}的通知{tag}");
        var page = await factory.AnonymousClient().GetStringAsync($"/Portal/Search?q={Uri.EscapeDataString(word)}");
        Assert.Contains($"{word}计划{tag}", page);
    }

    [ProviderFact]
    public async Task The_home_page_shows_a_featured_case_documents_and_when_it_was_last_updated_in_both_languages()
    {
        var w = await CaseWriter.StartAsync(factory);
        var c = await w.PublishedAsync("首页推荐" + Guid.NewGuid().ToString("N")[..6]);
        await CaseWriter.OkAsync(w.Admin, $"/api/v1/portal/manage/cases/{c.Id}/feature", new CaseFeatureRequest(true, c.Version));

        var zh = await factory.AnonymousClient().GetStringAsync("/");
        var en = await factory.AnonymousClient("en-US").GetStringAsync("/");

        Assert.Contains(c.Latest.Title, zh);
        Assert.Contains("本页更新时间", zh);
        Assert.Contains("Last updated", en);
        Assert.Contains("/feed/portal.atom", zh);
        Assert.DoesNotContain("portal.", zh.Replace("/Portal/", string.Empty, StringComparison.Ordinal).Replace("portal.atom", string.Empty, StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task The_larger_text_mode_is_kept_in_a_cookie_and_the_layout_marks_it()
    {
        var anon = factory.AnonymousClient();
        var home = await anon.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var response = await anon.PostAsync("/portal/text-size", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["large"] = "true", ["returnUrl"] = "/Portal/Cases", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Portal/Cases", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("innocenter.textsize=large", StringComparison.Ordinal));
    }
}

public sealed class SqlitePortalPublicTests(SqliteAppFactory factory) : PortalPublicTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresPortalPublicTests(PostgresAppFactory factory) : PortalPublicTests<PostgresAppFactory>(factory);
