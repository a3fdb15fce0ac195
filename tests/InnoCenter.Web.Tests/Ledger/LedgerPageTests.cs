using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>The ledger pages render for each kind, and a form post reaches the same rules as the API.</summary>
public sealed class LedgerPageTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Every_kinds_list_form_details_and_import_page_renders_for_the_centers_user()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        foreach (var kind in LedgerTestData.Kinds)
        {
            var item = await user.CreateAsync(kind, await LedgerTestData.ValidRequestAsync(kind, c, user));
            foreach (var path in new[] { $"/Ledger/{kind}?centerId={c.Id}", $"/Ledger/{kind}/edit?centerId={c.Id}", $"/Ledger/{kind}/edit/{item.Id}", $"/Ledger/{kind}/{item.Id}", $"/Ledger/{kind}/import?centerId={c.Id}" })
            {
                var response = await user.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            }
        }

        foreach (var path in new[] { "/Ledger", $"/Ledger?centerId={c.Id}", $"/Ledger/statement?centerId={c.Id}", $"/Centers/Rollup/{c.Id}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(path)).StatusCode);
        }

        var unknown = await user.GetAsync("/Ledger/nonsense");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_ip_form_saves_a_valid_patent_and_shows_a_bad_share_total_next_to_the_field()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var number = LedgerTestData.NewPatentNumber(c.LastYear);
        var form = new List<KeyValuePair<string, string>>
        {
            new("CenterId", c.Id.ToString()),
            new("f.kind", "InventionApplication"),
            new("f.number", number),
            new("f.title", "表单录入的专利"),
            new("f.filingDate", c.InLastYear(3, 3).ToString("yyyy-MM-dd")),
            new("f.coOwners.code", c.Lead.CreditCode),
            new("f.coOwners.share", "50"),
            new("f.coOwners.code", c.University.CreditCode),
            new("f.coOwners.share", "40"),
        };

        var refused = await Post(user, $"/Ledger/ip/edit?centerId={c.Id}", form);
        form[^1] = new("f.coOwners.share", "50");
        var saved = await Post(user, $"/Ledger/ip/edit?centerId={c.Id}", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("份额合计为 90%，须恰好为 100%。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?centerId={c.Id}", Json.Options);
        Assert.Equal("表单录入的专利", Assert.Single(list!.Items).Display["title"]);
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerIp.CountAsync(x => x.CenterId == c.Id)));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task No_center_or_ledger_page_shows_a_missing_string_key(string culture)
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, culture);
        var ids = new Dictionary<string, Guid>();
        foreach (var kind in LedgerTestData.Kinds)
        {
            ids[kind] = (await user.CreateAsync(kind, await LedgerTestData.ValidRequestAsync(kind, c, user))).Id;
        }

        var deals = await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/deals?centerId={c.Id}", Json.Options);
        await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deals!.Items[0].Id}/receipts", new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = 10m });
        var paths = new List<string>
        {
            "/Centers", $"/Centers/Details/{c.Id}", $"/Centers/Members/{c.Id}", $"/Centers/Governance/{c.Id}", $"/Centers/LegalEntity/{c.Id}",
            $"/Centers/Rollup/{c.Id}?year={c.LastYear}", "/Centers/Public", $"/Centers/Public/Details/{c.Id}", $"/Ledger?centerId={c.Id}",
            $"/Ledger/statement?centerId={c.Id}&organizationId={c.University.Id}",
        };
        paths.AddRange(LedgerTestData.Kinds.SelectMany(k => new[] { $"/Ledger/{k}?centerId={c.Id}", $"/Ledger/{k}/edit?centerId={c.Id}", $"/Ledger/{k}/{ids[k]}", $"/Ledger/{k}/import?centerId={c.Id}" }));

        foreach (var path in paths)
        {
            var html = await user.GetStringAsync(path);
            var missing = System.Text.RegularExpressions.Regex.Match(html, @"(?<![/\w])(centers|ledger)\.[a-z][A-Za-z_.]*");
            Assert.False(missing.Success, $"{culture} {path}: {missing.Value}");
        }

        Assert.Contains(culture == "en-US" ? "Revenue-sharing statement" : "收益分配明细", await user.GetStringAsync($"/Ledger/statement?centerId={c.Id}"));
    }

    [Fact]
    public async Task A_member_user_cannot_open_the_edit_form_of_its_center()
    {
        var c = await factory.CreateCenterAsync();
        var member = await factory.MemberUserAsync(c.University);

        var response = await member.GetAsync($"/Ledger/ip/edit?centerId={c.Id}");

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, response.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/Ledger/ip?centerId={c.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/Ledger/statement")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var token = await client.AntiforgeryTokenAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }
}
