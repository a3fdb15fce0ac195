using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using InnoCenter.Web.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Search;

/// <summary>The bigram text-search index behind the name and title searches, once per provider.</summary>
public abstract class SearchIndexTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    /// <summary>Two CJK characters no other test's data holds, so a two-character search has exactly one answer.</summary>
    private static string Word() => string.Concat(Enumerable.Range(0, 2).Select(_ => (char)Random.Shared.Next(0x5000, 0x9000)));

    private static async Task<List<OrganizationDto>> FindOrganizationsAsync(HttpClient admin, string text) =>
        (await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={Uri.EscapeDataString(text)}&pageSize=100", Json.Options))!.Items.ToList();

    private static async Task<List<LedgerItem>> FindIpAsync(HttpClient user, string text) =>
        (await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?q={Uri.EscapeDataString(text)}&pageSize=100", Json.Options))!.Items.ToList();

    [ProviderFact]
    public async Task A_two_character_chinese_search_finds_the_organisation_through_the_index()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var word = Word();
        var created = await admin.CreateOrganizationAsync(TestData.Organization("天津" + word + "智能装备有限公司"));

        var found = await FindOrganizationsAsync(admin, word);
        var byCode = await FindOrganizationsAsync(admin, created.CreditCode.ToLowerInvariant());
        var byOneCharacter = await FindOrganizationsAsync(admin, word[..1]);
        var indexed = await factory.WithDbAsync(db => db.Set<SearchEntry>().SingleAsync(e => e.Kind == SearchKinds.Organization && e.RecordId == created.Id));

        Assert.Equal(created.Id, Assert.Single(found).Id);
        Assert.Equal(created.Id, Assert.Single(byCode).Id);
        Assert.Contains(byOneCharacter, o => o.Id == created.Id);
        Assert.Contains(SearchEntry.TokenOf(SearchKinds.Organization, word), indexed.Terms.Split(' '));
    }

    [ProviderFact]
    public async Task Bigrams_present_apart_are_not_a_match_the_original_substring_rule_decides()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (a, b, c) = ((char)Random.Shared.Next(0x5000, 0x9000), (char)Random.Shared.Next(0x5000, 0x9000), (char)Random.Shared.Next(0x5000, 0x9000));
        // Holds the bigrams ab and bc, but never abc.
        var created = await admin.CreateOrganizationAsync(TestData.Organization($"{a}{b}和{b}{c}研究院"));

        Assert.Empty(await FindOrganizationsAsync(admin, $"{a}{b}{c}"));
        Assert.Equal(created.Id, Assert.Single(await FindOrganizationsAsync(admin, $"{b}和{b}")).Id);
    }

    [ProviderFact]
    public async Task An_edit_moves_the_organisation_from_its_old_name_to_its_new_one()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var (before, after) = (Word(), Word());
        var request = TestData.Organization("北京" + before + "科技有限公司");
        var created = await admin.CreateOrganizationAsync(request);

        var response = await admin.PutAsJsonAsync($"/api/v1/organizations/{created.Id}", request with { Name = "北京" + after + "科技有限公司", Version = created.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await FindOrganizationsAsync(admin, before));
        Assert.Equal(created.Id, Assert.Single(await FindOrganizationsAsync(admin, after)).Id);
    }

    [ProviderFact]
    public async Task A_deleted_patent_leaves_the_index_and_a_number_fragment_still_finds_a_live_one()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var word = Word();
        var ip = await user.CreateAsync("ip", LedgerTestData.Ip(c) with { Title = "一种" + word + "的视觉定位方法" });
        var number = ((System.Text.Json.JsonElement)ip.Values["number"]!).GetString()!;

        var before = await FindIpAsync(user, word);
        var byFragment = await FindIpAsync(user, number[2..9]);
        var deleted = await user.DeleteAsync($"/api/v1/ledger/ip/{ip.Id}?version={ip.Version}");
        var after = await FindIpAsync(user, word);
        var left = await factory.WithDbAsync(db => db.Set<SearchEntry>().CountAsync(e => e.RecordId == ip.Id));

        Assert.Equal(ip.Id, Assert.Single(before).Id);
        Assert.Contains(byFragment, i => i.Id == ip.Id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(after);
        Assert.Equal(0, left);
    }

    [ProviderFact]
    public async Task Every_form_of_a_search_reads_the_same_records()
    {
        var (a, b, c) = ((char)Random.Shared.Next(0x5000, 0x9000), (char)Random.Shared.Next(0x5000, 0x9000), (char)Random.Shared.Next(0x5000, 0x9000));
        var word = $"{a}{b}{c}";
        var now = DateTimeOffset.UtcNow;
        var expected = await factory.WithDbAsync(async db =>
        {
            var orgs = Enumerable.Range(0, 40).Select(i => Organization.Create(new OrganizationDetails(
                Uscc.Parse(TestData.NewCreditCode()),
                // A third hold the word, a third its bigrams apart (index hits that the substring rule drops), a third neither.
                (i % 3) switch { 0 => $"天津{word}科技{i}公司", 1 => $"天津{a}{b}和{b}{c}科技{i}公司", _ => $"天津其他科技{i}公司" },
                OrganizationType.Enterprise, "Tianjin", "120116", null, null, null), now)).ToList();
            db.Organizations.AddRange(orgs);
            await db.SaveChangesAsync();
            return orgs.Where(o => o.Name.Contains(word)).Select(o => o.Id).Order().ToList();
        });

        var read = await factory.WithDbAsync(async db =>
        {
            var search = (await TextSearch.PrepareAsync(db, SearchKinds.Organization, word, CancellationToken.None))!;
            async Task<List<Guid>> Ids(TextSearch form) =>
                (await form.Narrow(db.Organizations.AsNoTracking(), o => o.Id).Where(o => o.Name.Contains(word)).Select(o => o.Id).ToListAsync()).Order().ToList();
            return (search.Hits, HitsFirst: await Ids(search.HitsFirst()), OrderFirst: await Ids(search.OrderFirst()),
                First: await Ids(search.FirstHits(5)), Cheapest: await Ids(search.ForFirst(3)));
        });

        Assert.Equal(14, expected.Count);
        Assert.Equal(expected, read.HitsFirst);
        Assert.Equal(expected, read.OrderFirst);
        Assert.Equal(expected, read.Cheapest);
        Assert.True(read.First.Count <= 5 && read.First.All(expected.Contains));
        if (read.Hits is { } hits)
        {
            Assert.Equal(27, hits);
        }
    }

    [ProviderFact]
    public async Task A_one_word_search_counts_exactly_what_it_lists_with_or_without_other_conditions()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var word = Word();
        foreach (var (name, region) in new[] { ($"天津{word}有限公司", "Tianjin"), ($"{word}研究院", "Tianjin"), ($"北京{word}集团", "OtherProvince"), ($"天津{word[0]}和{word[1]}公司", "Tianjin") })
        {
            await admin.CreateOrganizationAsync(TestData.Organization(name, region: region));
        }

        var all = (await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={Uri.EscapeDataString(word)}", Json.Options))!;
        var tianjin = (await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={Uri.EscapeDataString(word)}&region=Tianjin", Json.Options))!;

        Assert.Equal((3, false, 3), (all.Total, all.TotalCapped, all.Items.Count));
        Assert.Equal((2, false, 2), (tianjin.Total, tianjin.TotalCapped, tianjin.Items.Count));
    }

    [ProviderFact]
    public async Task A_search_past_the_count_cap_is_reported_as_a_floor_and_one_narrowed_below_it_is_counted_exactly()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var word = Word();
        var now = DateTimeOffset.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            // Past the cap, and three of them in another region: the first hits do not show the narrowed count past it.
            db.Organizations.AddRange(Enumerable.Range(0, SearchIndex.CountCap + 5).Select(i => Organization.Create(new OrganizationDetails(
                Uscc.Parse(TestData.NewCreditCode()), $"{word}材料{i}有限公司", OrganizationType.Enterprise,
                i % 400 == 7 ? "OtherProvince" : "Tianjin", i % 400 == 7 ? null : "120116", null, null, null), now)));
            return await db.SaveChangesAsync();
        });

        var all = (await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={Uri.EscapeDataString(word)}&page=3&pageSize=10", Json.Options))!;
        var narrowed = (await admin.GetFromJsonAsync<PagedResult<OrganizationDto>>($"/api/v1/organizations?name={Uri.EscapeDataString(word)}&region=OtherProvince", Json.Options))!;

        Assert.True(all.TotalCapped);
        Assert.Equal(SearchIndex.CountCap, all.Total);
        Assert.Equal(10, all.Items.Count);
        Assert.All(all.Items, o => Assert.Contains(word, o.Name));
        Assert.Equal(all.Items.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => o.Name), all.Items.Select(o => o.Name));
        Assert.False(narrowed.TotalCapped);
        Assert.Equal(3, narrowed.Total);
        Assert.Equal(3, narrowed.Items.Count);
        Assert.All(narrowed.Items, o => Assert.Equal("OtherProvince", o.Region));
    }

    [ProviderFact]
    public async Task A_common_word_reads_the_same_page_and_capped_count_order_first_as_hits_first()
    {
        var word = Word();
        var now = DateTimeOffset.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            // 1,050 hold the word (four of them in another region), 350 its characters apart.
            db.Organizations.AddRange(Enumerable.Range(0, SearchIndex.CountCap + 400).Select(i => Organization.Create(new OrganizationDetails(
                Uscc.Parse(TestData.NewCreditCode()), i % 4 == 1 ? $"{word[0]}和{word[1]}材料{i}有限公司" : $"{word}材料{i}有限公司",
                OrganizationType.Enterprise, i % 400 == 7 ? "OtherProvince" : "Tianjin", i % 400 == 7 ? null : "120116", null, null, null), now)));
            await db.SaveChangesAsync();
            if (db.Database.IsNpgsql())
            {
                // The planner's statistics then know the word as common, as a large database's do: its estimate picks the form.
                await db.Database.ExecuteSqlRawAsync("""ANALYZE "SearchEntries" """);
            }

            return true;
        });

        var read = await factory.WithDbAsync(async db =>
        {
            var search = (await TextSearch.PrepareAsync(db, SearchKinds.Organization, word, CancellationToken.None))!;
            IQueryable<Organization> List(TextSearch? form, bool narrowed)
            {
                var q = form?.Narrow(db.Organizations.AsNoTracking(), o => o.Id) ?? db.Organizations.AsNoTracking();
                q = q.Where(o => o.Name.Contains(word));
                return narrowed ? q.Where(o => o.Region == "OtherProvince") : q;
            }

            async Task<List<Guid>> Page(TextSearch form) =>
                await List(form, false).OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(20).Take(10).Select(o => o.Id).ToListAsync();
            return (
                HitsFirst: await Page(search.HitsFirst()), OrderFirst: await Page(search.OrderFirst()), Cheapest: await Page(search.ForFirst(30)),
                CheapestSql: List(search.ForFirst(30), false).ToQueryString(),
                All: await TextSearch.CountAsync(search, s => List(s, false), narrowed: false, indexDecides: true, CancellationToken.None),
                Narrowed: await TextSearch.CountAsync(search, s => List(s, true), narrowed: true, indexDecides: true, CancellationToken.None),
                NarrowedExact: await List(null, true).CountAsync());
        });

        Assert.Equal(10, read.HitsFirst.Count);
        Assert.Equal(read.HitsFirst, read.OrderFirst);
        Assert.Equal(read.HitsFirst, read.Cheapest);
        Assert.DoesNotContain("SearchEntries", read.CheapestSql);
        Assert.Equal((SearchIndex.CountCap, true), read.All);
        Assert.Equal(4, read.NarrowedExact);
        Assert.Equal((4, false), read.Narrowed);
    }

    [ProviderFact]
    public void Every_registered_kind_has_an_index_code_of_its_own()
    {
        var kinds = factory.Services.GetServices<ISearchKind>().Select(k => k.Name).ToList();
        var codes = kinds.Select(SearchEntry.CodeOf).ToList();

        Assert.True(kinds.Count >= 9, string.Join(", ", kinds));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("leip§检测", SearchEntry.TokenOf(SearchKinds.LedgerIp, "检测"));
    }

    [ProviderFact]
    public async Task The_kept_index_equals_a_rebuild_after_random_writes()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var random = new Random(17);
        var orgs = new List<(OrganizationDto Dto, OrganizationRequest Request)>();
        var ips = new List<LedgerItem>();
        for (var step = 0; step < 24; step++)
        {
            switch (random.Next(4))
            {
                case 0 or 1:
                    var request = TestData.Organization(Word() + "公司" + Word());
                    orgs.Add((await admin.CreateOrganizationAsync(request), request));
                    break;
                case 2 when orgs.Count > 0:
                    var i = random.Next(orgs.Count);
                    var (dto, old) = orgs[i];
                    var renamed = old with { Name = Word() + "集团" + Word(), Version = dto.Version };
                    var put = await admin.PutAsJsonAsync($"/api/v1/organizations/{dto.Id}", renamed);
                    Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                    orgs[i] = ((await put.Content.ReadFromJsonAsync<OrganizationSaved>(Json.Options))!.Organization, renamed);
                    break;
                default:
                    if (ips.Count > 0 && random.Next(2) == 0)
                    {
                        var gone = ips[random.Next(ips.Count)];
                        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync($"/api/v1/ledger/ip/{gone.Id}?version={gone.Version}")).StatusCode);
                        ips.Remove(gone);
                    }
                    else
                    {
                        ips.Add(await user.CreateAsync("ip", LedgerTestData.Ip(c) with { Title = "一种" + Word() + "方法" }));
                    }

                    break;
            }
        }

        var kept = await factory.WithDbAsync(db => SearchIndex.SnapshotAsync(db));
        var rebuilt = await factory.WithDbAsync(async db =>
        {
            var kinds = factory.Services.GetServices<ISearchKind>().ToList();
            await SearchIndex.RebuildAsync(db, kinds);
            await SearchIndex.CheckAsync(db);
            return await SearchIndex.SnapshotAsync(db);
        });

        Assert.NotEmpty(kept);
        Assert.Equal(rebuilt, kept);
        foreach (var (dto, request) in orgs)
        {
            Assert.Contains(await FindOrganizationsAsync(admin, request.Name![..2]), o => o.Id == dto.Id);
        }
    }
}

public sealed class SqliteSearchIndexTests(SqliteAppFactory factory) : SearchIndexTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresSearchIndexTests(PostgresAppFactory factory) : SearchIndexTests<PostgresAppFactory>(factory);
