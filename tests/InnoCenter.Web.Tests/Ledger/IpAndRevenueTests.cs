using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Ledger;

/// <summary>IP with co-owners, deals, receipts split to the fen and each member's statement, once per provider.</summary>
public abstract class IpAndRevenueTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task A_delete_names_the_version_it_read_and_one_made_stale_by_an_edit_is_a_409_that_keeps_the_record()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var ip = await user.CreateAsync("ip", LedgerTestData.Ip(c));
        var number = ((System.Text.Json.JsonElement)ip.Values["number"]!).GetString();
        var edited = await user.PutJsonAsync($"/api/v1/ledger/ip/{ip.Id}", LedgerTestData.Ip(c, number) with { Title = "改过的名称", Version = ip.Version });
        edited.EnsureSuccessStatusCode();

        var withoutVersion = await user.DeleteAsync($"/api/v1/ledger/ip/{ip.Id}");
        var stale = await user.DeleteAsync($"/api/v1/ledger/ip/{ip.Id}?version={ip.Version}");

        Assert.Equal(HttpStatusCode.BadRequest, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("common.concurrency", await stale.Content.ReadAsStringAsync());
        Assert.True(await factory.WithDbAsync(db => db.LedgerIp.AnyAsync(x => x.Id == ip.Id)));
    }

    [ProviderFact]
    public async Task A_patent_is_recorded_with_its_co_owners_and_found_by_kind_year_and_text()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var request = LedgerTestData.Ip(c) with { Number = "ZL" + LedgerTestData.NewPatentNumber(c.LastYear) };

        var created = await user.CreateAsync("ip", request);
        var byKind = await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?centerId={c.Id}&type=InventionApplication&year={c.LastYear}", Json.Options);
        var byOtherKind = await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?centerId={c.Id}&type=Pct", Json.Options);
        var byText = await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?q={Uri.EscapeDataString(request.Title![..6])}", Json.Options);

        Assert.Equal(request.Number![2..], ((JsonElement)created.Values["number"]!).GetString());
        Assert.Equal(c.LastYear, created.Year);
        Assert.Contains("60%", created.Display["coOwners"]);
        Assert.Contains(c.University.Name, created.Display["coOwners"]);
        Assert.Equal("发明专利申请", created.Display["kind"]);
        Assert.Equal(created.Id, Assert.Single(byKind!.Items).Id);
        Assert.Empty(byOtherKind!.Items);
        Assert.Contains(byText!.Items, i => i.Id == created.Id);
    }

    [ProviderFact]
    public async Task Bad_ip_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var stranger = await c.Admin.CreateOrganizationAsync(TestData.Organization());
        var good = LedgerTestData.NewPatentNumber(c.LastYear);
        var badCheck = good[..^1] + (good[^1] == '1' ? '2' : '1');

        var wrongDigit = await user.PostAsJsonAsync("/api/v1/ledger/ip", LedgerTestData.Ip(c, badCheck));
        var shortShares = await user.PostAsJsonAsync("/api/v1/ledger/ip", LedgerTestData.Ip(c, leadShare: 50m, universityShare: 40m));
        var unknownOrg = await user.PostAsJsonAsync("/api/v1/ledger/ip", LedgerTestData.Ip(c) with
        {
            CoOwners = [new ShareLine { CreditCode = TestData.NewCreditCode(), SharePercent = 100m }],
        });
        var notMember = await user.PostAsJsonAsync("/api/v1/ledger/ip", LedgerTestData.Ip(c) with
        {
            CoOwners = [new ShareLine { CreditCode = stranger.CreditCode, SharePercent = 100m }],
        });
        var beforeLife = await user.PostAsJsonAsync("/api/v1/ledger/ip", LedgerTestData.Ip(c) with { FilingDate = c.ApprovedOn.AddDays(-1) });
        var future = await user.PostAsJsonAsync("/api/v1/ledger/ip", LedgerTestData.Ip(c) with { FilingDate = CenterTestData.Today.AddDays(1) });

        Assert.Equal(HttpStatusCode.BadRequest, wrongDigit.StatusCode);
        Assert.Equal("The patent number's check digit is wrong; check it for a typo.", (await Errors(wrongDigit)).GetProperty("number")[0].GetString());
        Assert.Equal("The shares total 90 %; they must total exactly 100 %.", (await Errors(shortShares)).GetProperty("coOwners")[0].GetString());
        Assert.Contains("is registered", (await Errors(unknownOrg)).GetProperty("coOwners")[0].GetString());
        Assert.Contains("is not a member of the center", (await Errors(notMember)).GetProperty("coOwners")[0].GetString());
        Assert.Contains("outside the center's life", (await Errors(beforeLife)).GetProperty("filingDate")[0].GetString());
        Assert.Contains("outside the center's life", (await Errors(future)).GetProperty("filingDate")[0].GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerIp.CountAsync(x => x.CenterId == c.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerIpCoOwners.CountAsync(o => o.OrganizationId == stranger.Id)));
    }

    [ProviderFact]
    public async Task A_duplicate_ip_number_is_a_409_and_an_edit_against_a_stale_version_changes_nothing()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var first = LedgerTestData.Ip(c);
        var created = await user.CreateAsync("ip", first);

        var duplicate = await user.PostAsJsonAsync("/api/v1/ledger/ip", LedgerTestData.Ip(c, first.Number));
        var edited = await user.PutAsJsonAsync($"/api/v1/ledger/ip/{created.Id}", first with { Title = "改过的名称", Version = created.Version });
        var stale = await user.PutAsJsonAsync($"/api/v1/ledger/ip/{created.Id}", first with { Title = "过期的修改", Version = created.Version });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains(first.Number!, await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await user.GetFromJsonAsync<LedgerItem>($"/api/v1/ledger/ip/{created.Id}", Json.Options);
        Assert.Equal("改过的名称", read!.Display["title"]);
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerIp.CountAsync(x => x.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task A_change_of_co_owner_shares_is_in_the_audit_chain()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var request = LedgerTestData.Ip(c);
        var created = await user.CreateAsync("ip", request);

        var edited = await user.PutAsJsonAsync($"/api/v1/ledger/ip/{created.Id}", request with
        {
            Version = created.Version,
            CoOwners = [new ShareLine { CreditCode = c.Lead.CreditCode, SharePercent = 55m }, new ShareLine { CreditCode = c.University.CreditCode, SharePercent = 45m }],
        });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var updates = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "IpCoOwner" && a.Action == "Update").Select(a => a.After).ToListAsync());
        Assert.Contains(updates, a => a!.Contains("\"SharePercent\":55") && a.Contains(created.Id.ToString()));
    }

    [ProviderFact]
    public async Task A_receipt_on_a_licence_is_split_to_the_fen_and_each_co_owner_reads_only_its_own_statement()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var ip = LedgerTestData.Ip(c) with
        {
            CoOwners =
            [
                new ShareLine { CreditCode = c.Lead.CreditCode, SharePercent = 33.33m },
                new ShareLine { CreditCode = c.University.CreditCode, SharePercent = 33.33m },
                new ShareLine { CreditCode = c.Institute.CreditCode, SharePercent = 33.34m },
            ],
        };
        await user.CreateAsync("ip", ip);
        var counterparty = await c.Admin.CreateOrganizationAsync(TestData.Organization(name: "被许可企业" + Guid.NewGuid().ToString("N")[..6]));
        var deal = await user.CreateAsync("deals", LedgerTestData.Deal(c, counterparty.CreditCode, ip.Number!));

        var response = await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deal.Id}/receipts", new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = 1000.01m });
        var university = await factory.MemberUserAsync(c.University);
        var institute = await factory.MemberUserAsync(c.Institute);
        var universityStatement = await university.GetFromJsonAsync<StatementDto>("/api/v1/ledger/statements", Json.Options);
        var instituteStatement = await institute.GetFromJsonAsync<StatementDto>($"/api/v1/ledger/statements?centerId={c.Id}&year={c.LastYear}", Json.Options);
        var snooping = await university.GetAsync($"/api/v1/ledger/statements?organizationId={c.Institute.Id}");
        var byCenter = await user.GetFromJsonAsync<StatementDto>($"/api/v1/ledger/statements?organizationId={c.Institute.Id}", Json.Options);
        var dealAfter = await user.GetFromJsonAsync<LedgerItem>($"/api/v1/ledger/deals/{deal.Id}", Json.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<ReceiptDto>(Json.Options);
        Assert.Equal(1000.01m, receipt!.Shares.Sum(s => s.Amount));
        // Exact parts 333.303…, 333.303… and 333.403…: the one fen left over goes to the largest remainder.
        Assert.Equal(333.41m, receipt.Shares.Single(s => s.OrganizationId == c.Institute.Id).Amount);
        Assert.Equal(333.30m, receipt.Shares.Single(s => s.OrganizationId == c.University.Id).Amount);
        Assert.Equal(333.30m, receipt.Shares.Single(s => s.OrganizationId == c.Lead.Id).Amount);
        Assert.Equal(333.41m, Assert.Single(instituteStatement!.Lines).Amount);
        Assert.Equal(333.30m, universityStatement!.Total);
        Assert.Equal(c.University.Name, universityStatement.OrganizationName);
        Assert.Equal(HttpStatusCode.Forbidden, snooping.StatusCode);
        Assert.Equal(333.41m, byCenter!.Total);
        Assert.Equal("1,000.01", dealAfter!.Display["revenueReceived"]);
    }

    [ProviderFact]
    public async Task A_negative_zero_early_or_sub_fen_receipt_is_refused_and_leaves_no_trace()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var ip = LedgerTestData.Ip(c);
        await user.CreateAsync("ip", ip);
        var counterparty = await c.Admin.CreateOrganizationAsync(TestData.Organization());
        var deal = await user.CreateAsync("deals", LedgerTestData.Deal(c, counterparty.CreditCode, ip.Number!));
        var path = $"/api/v1/ledger/deals/{deal.Id}/receipts";

        var negative = await user.PostAsJsonAsync(path, new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = -5m });
        var zero = await user.PostAsJsonAsync(path, new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = 0m });
        var early = await user.PostAsJsonAsync(path, new ReceiptRequest { ReceivedOn = c.InLastYear(4, 30), Amount = 5m });
        var fraction = await user.PostAsJsonAsync(path, new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = 5.001m });
        var byMember = await (await factory.MemberUserAsync(c.University)).PostAsJsonAsync(path, new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = 5m });

        Assert.Equal("The amount cannot be negative.", (await Errors(negative)).GetProperty("amount")[0].GetString());
        Assert.Equal("The amount must be above zero.", (await Errors(zero)).GetProperty("amount")[0].GetString());
        Assert.Contains("cannot precede the signing", (await Errors(early)).GetProperty("receivedOn")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, fraction.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerReceipts.CountAsync(r => r.DealId == deal.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.LedgerRevenueShares.CountAsync(r => r.DealId == deal.Id)));
    }

    [ProviderFact]
    public async Task A_receipt_is_removed_only_with_the_deals_version_as_read_and_a_stale_one_is_a_409_that_keeps_it()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var ip = LedgerTestData.Ip(c);
        await user.CreateAsync("ip", ip);
        var counterparty = await c.Admin.CreateOrganizationAsync(TestData.Organization(name: "被许可企业" + Guid.NewGuid().ToString("N")[..6]));
        var deal = await user.CreateAsync("deals", LedgerTestData.Deal(c, counterparty.CreditCode, ip.Number!));
        var first = (await (await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deal.Id}/receipts", new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = 10m }))
            .Content.ReadFromJsonAsync<ReceiptDto>(Json.Options))!;
        var read = (await user.GetFromJsonAsync<LedgerItem>($"/api/v1/ledger/deals/{deal.Id}", Json.Options))!;
        (await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deal.Id}/receipts", new ReceiptRequest { ReceivedOn = c.InLastYear(7, 1), Amount = 20m })).EnsureSuccessStatusCode();

        var withoutVersion = await user.DeleteAsync($"/api/v1/ledger/receipts/{first.Id}");
        var stale = await user.DeleteAsync($"/api/v1/ledger/receipts/{first.Id}?version={read.Version}");
        var kept = await factory.WithDbAsync(db => db.LedgerReceipts.AnyAsync(r => r.Id == first.Id));
        var now = (await user.GetFromJsonAsync<LedgerItem>($"/api/v1/ledger/deals/{deal.Id}", Json.Options))!;
        var removed = await user.DeleteAsync($"/api/v1/ledger/receipts/{first.Id}?version={now.Version}");

        Assert.Equal(HttpStatusCode.BadRequest, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("common.concurrency", await stale.Content.ReadAsStringAsync());
        Assert.True(kept);
        Assert.True(removed.IsSuccessStatusCode, await removed.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.LedgerReceipts.AnyAsync(r => r.Id == first.Id)));
    }

    [ProviderFact]
    public async Task A_deal_names_a_registered_counterparty_and_the_centers_own_ip_and_cannot_go_while_it_has_receipts()
    {
        var c = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var otherUser = await factory.CenterUserAsync(other);
        var ip = LedgerTestData.Ip(c);
        await user.CreateAsync("ip", ip);
        var foreignIp = LedgerTestData.Ip(other);
        await otherUser.CreateAsync("ip", foreignIp);
        var counterparty = await c.Admin.CreateOrganizationAsync(TestData.Organization());

        var unknownCounterparty = await user.PostAsJsonAsync("/api/v1/ledger/deals", LedgerTestData.Deal(c, TestData.NewCreditCode(), ip.Number!));
        var othersIp = await user.PostAsJsonAsync("/api/v1/ledger/deals", LedgerTestData.Deal(c, counterparty.CreditCode, foreignIp.Number!));
        var noIp = await user.PostAsJsonAsync("/api/v1/ledger/deals", LedgerTestData.Deal(c, counterparty.CreditCode));
        var negative = await user.PostAsJsonAsync("/api/v1/ledger/deals", LedgerTestData.Deal(c, counterparty.CreditCode, ip.Number!) with { ContractValue = -1m });
        var deal = await user.CreateAsync("deals", LedgerTestData.Deal(c, counterparty.CreditCode, ip.Number!));
        await user.PostAsJsonAsync($"/api/v1/ledger/deals/{deal.Id}/receipts", new ReceiptRequest { ReceivedOn = c.InLastYear(6, 1), Amount = 10m });

        Assert.Contains("is registered", (await Errors(unknownCounterparty)).GetProperty("counterpartyCreditCode")[0].GetString());
        Assert.Contains(foreignIp.Number!, (await Errors(othersIp)).GetProperty("ipNumbers")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noIp.StatusCode);
        Assert.Equal("The amount cannot be negative.", (await Errors(negative)).GetProperty("contractValue")[0].GetString());
        var dealNow = (await user.GetFromJsonAsync<LedgerItem>($"/api/v1/ledger/deals/{deal.Id}", Json.Options))!;
        var dealDelete = await user.DeleteAsync($"/api/v1/ledger/deals/{deal.Id}?version={dealNow.Version}");
        Assert.Equal(HttpStatusCode.Conflict, dealDelete.StatusCode);
        Assert.DoesNotContain("common.concurrency", await dealDelete.Content.ReadAsStringAsync());
        var ipNow = (await user.GetFromJsonAsync<PagedResult<LedgerItem>>($"/api/v1/ledger/ip?centerId={c.Id}", Json.Options))!.Items.Single();
        var ipDelete = await user.DeleteAsync($"/api/v1/ledger/ip/{ipNow.Id}?version={ipNow.Version}");
        Assert.Equal(HttpStatusCode.Conflict, ipDelete.StatusCode);
        Assert.DoesNotContain("common.concurrency", await ipDelete.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.LedgerDeals.CountAsync(d => d.CenterId == c.Id)));
    }

    [ProviderFact]
    public async Task Evidence_is_attached_by_token_and_read_only_by_those_who_see_the_record()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c);
        var record = await user.CreateAsync("training", await LedgerTestData.ValidRequestAsync("training", c, user));
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

        var uploaded = await user.UploadAsync($"/api/v1/ledger/training/{record.Id}/evidence", png, "签到表.png");
        var refused = await user.UploadAsync($"/api/v1/ledger/training/{record.Id}/evidence", "not a picture"u8.ToArray(), "x.png");
        var file = await uploaded.Content.ReadFromJsonAsync<InnoCenter.Web.Infrastructure.Files.AttachmentDto>(Json.Options);
        var byOwner = await user.GetAsync($"/api/v1/files/{file!.Id}");
        var byMember = await (await factory.MemberUserAsync(c.University)).GetAsync($"/api/v1/files/{file.Id}");
        var byAdmin = await c.Admin.GetAsync($"/api/v1/files/{file.Id}");
        var byOtherCenter = await (await factory.CenterUserAsync(await factory.CreateCenterAsync())).GetAsync($"/api/v1/files/{file.Id}");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("签到表.png", file.OriginalName);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherCenter.StatusCode);
    }

    [ProviderFact]
    public async Task The_other_kinds_refuse_their_own_bad_input()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");
        var y = c.LastYear;

        var published = await user.PostAsJsonAsync("/api/v1/ledger/standards", new StandardRequest { CenterId = c.Id, Title = "x", Level = "National", Role = "Lead", Stage = "Published", StageDate = new DateOnly(y, 1, 2) });
        var staff = await user.PostAsJsonAsync("/api/v1/ledger/staff", new StaffRequest { CenterId = c.Id, Year = y, AllStaff = 10, RdStaff = 11 });
        var domestic = await user.PostAsJsonAsync("/api/v1/ledger/intl", new IntlRequest { CenterId = c.Id, Title = "x", Partner = "x", Country = "CN", CooperationKind = "JointLab", StartedOn = new DateOnly(y, 1, 2) });
        var category = await user.PostAsJsonAsync("/api/v1/ledger/talent", new TalentRequest { CenterId = c.Id, Year = y, Category = "astronaut", Headcount = 1 });
        var yearBefore = await user.PostAsJsonAsync("/api/v1/ledger/talent", new TalentRequest { CenterId = c.Id, Year = c.ApprovedOn.Year - 1, Category = "doctorate", Headcount = 1 });
        var trl = await user.PostAsJsonAsync("/api/v1/ledger/projects", new ProjectRequest { CenterId = c.Id, Title = "x", Type = "Frontier", Budget = 1m, TrlStart = 5, TrlTarget = 4, Status = "InProgress", StartedOn = new DateOnly(y, 1, 2) });
        var code = await user.PostAsJsonAsync("/api/v1/ledger/incubated", new IncubatedRequest { CenterId = c.Id, Name = "x", CreditCode = "91440300708461136X", FoundedOn = new DateOnly(y, 1, 2) });
        var service = await user.PostAsJsonAsync("/api/v1/ledger/sme", new SmeRequest { CenterId = c.Id, EnterpriseName = "x", ServiceKind = "magic", ServedOn = new DateOnly(y, 1, 2) });

        Assert.Equal("A published standard needs its number.", (await Errors(published)).GetProperty("standardNumber")[0].GetString());
        Assert.Equal("R&D staff cannot exceed all staff.", (await Errors(staff)).GetProperty("rdStaff")[0].GetString());
        Assert.Equal("An international partner must be abroad.", (await Errors(domestic)).GetProperty("country")[0].GetString());
        Assert.Contains("astronaut", (await Errors(category)).GetProperty("category")[0].GetString());
        Assert.Contains("outside the center's life", (await Errors(yearBefore)).GetProperty("year")[0].GetString());
        Assert.Equal("The target TRL cannot be below the starting TRL.", (await Errors(trl)).GetProperty("trlTarget")[0].GetString());
        Assert.True((await Errors(code)).TryGetProperty("creditCode", out _));
        Assert.True((await Errors(service)).TryGetProperty("serviceKind", out _));
    }

    [ProviderFact]
    public async Task A_malformed_json_body_is_a_400_naming_the_field()
    {
        var c = await factory.CreateCenterAsync();
        var user = await factory.CenterUserAsync(c, "en-US");

        var response = await user.PostAsync("/api/v1/ledger/ip",
            new StringContent($$"""{"centerId":"{{c.Id}}","filingDate":42}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.filingDate", await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> Errors(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}

public sealed class SqliteIpAndRevenueTests(SqliteAppFactory factory) : IpAndRevenueTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresIpAndRevenueTests(PostgresAppFactory factory) : IpAndRevenueTests<PostgresAppFactory>(factory);
