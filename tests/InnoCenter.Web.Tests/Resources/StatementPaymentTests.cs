using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>
/// 付款状态 of a monthly statement: unpaid until the pack's payment days after issue, then overdue (computed on read);
/// paid as recorded, with date, amount and reference, by whoever runs every resource charged on it or an Admin — never
/// by the payer; version-checked; listed by state; on the page in both languages and in the export.
/// </summary>
public abstract class StatementPaymentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task The_owner_records_a_charged_statement_paid_and_the_page_and_export_show_it()
    {
        var s = await ChargedStatementAsync(factory);

        var unpaid = await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options);
        Assert.Equal((StatementPaymentState.Unpaid, 400m, 0), (unpaid!.State, unpaid.Total, unpaid.Version));
        var ownerList = await s.Owner.GetFromJsonAsync<PagedResult<StatementListRow>>($"/api/v1/resources/statements?year={s.Year}&month={s.Month}&pageSize=200", Json.Options);
        Assert.Contains(ownerList!.Items, r => r.OrganizationId == s.PayerId && r.State == StatementPaymentState.Unpaid);
        var ownerPage = await s.Owner.GetStringAsync(s.Page);
        Assert.Contains("登记已付款", ownerPage);
        Assert.Contains("__RequestVerificationToken", ownerPage);

        var wrongAmount = await s.Owner.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 399.99m, Reference = "HX-1", Version = 0 });
        var paid = await s.Owner.PostFormAsync(s.Page + "&handler=Paid", new Dictionary<string, string>
        {
            ["organizationId"] = s.PayerId.ToString(), ["month"] = $"{s.Year:0000}-{s.Month:00}", ["version"] = "0",
            ["paidOn"] = s.Today.ToString("yyyy-MM-dd"), ["amount"] = "400.00", ["reference"] = "HX2027-001",
        });
        var again = await s.Admin.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "HX2027-002", Version = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, wrongAmount.StatusCode);
        Assert.Contains("400.00", await wrongAmount.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var now = await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options);
        Assert.Equal((StatementPaymentState.Paid, s.Today, 400m, "HX2027-001"), (now!.State, now.PaidOn, now.Amount, now.Reference));
        var paidList = await s.Admin.GetFromJsonAsync<PagedResult<StatementListRow>>($"/api/v1/resources/statements?year={s.Year}&month={s.Month}&state=Paid&pageSize=200", Json.Options);
        Assert.Contains(paidList!.Items, r => r.OrganizationId == s.PayerId);

        var zh = await s.Payer.GetStringAsync(s.Page);
        Assert.Contains("已付款", zh);
        Assert.Contains("HX2027-001", zh);
        Assert.DoesNotContain("登记已付款", zh);
        var en = await (await factory.MemberUserAsync(s.Center.Institute, "en-US")).GetStringAsync(s.Page);
        Assert.Contains("Payment state", en);
        Assert.Contains(">Paid<", en);
        var xlsx = XmlOf(await (await s.Payer.GetAsync($"/api/v1/resources/statements/{s.PayerId}/{s.Year}/{s.Month}/export")).Content.ReadAsByteArrayAsync());
        Assert.Contains("付款状态", xlsx);
        Assert.Contains("HX2027-001", xlsx);
        Assert.Contains("合计", xlsx);
        var paymentId = await factory.WithDbAsync(db => db.ResourceStatementPayments.Where(p => p.OrganizationId == s.PayerId).Select(p => p.Id).SingleAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(StatementPayment) && a.EntityId == paymentId.ToString())));
    }

    [ProviderFact]
    public async Task The_paying_organisation_can_never_mark_its_own_statement_paid()
    {
        var s = await ChargedStatementAsync(factory);
        var payerCenterStaff = await factory.CenterUserAsync(s.Center);

        var byPayer = await s.Payer.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "X", Version = 0 });
        var byPayerPage = await s.Payer.PostFormAsync(s.Page + "&handler=Paid", new Dictionary<string, string>
        {
            ["organizationId"] = s.PayerId.ToString(), ["month"] = $"{s.Year:0000}-{s.Month:00}", ["version"] = "0",
            ["paidOn"] = s.Today.ToString("yyyy-MM-dd"), ["amount"] = "400.00", ["reference"] = "X",
        });
        var bystander = await (await factory.MemberUserAsync(s.Center.Lead)).PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "X", Version = 0 });
        var byCenterStaff = await payerCenterStaff.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "ZX-1", Version = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, byPayer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byPayerPage.StatusCode);
        Assert.DoesNotContain("登记已付款", await s.Payer.GetStringAsync(s.Page));
        Assert.Equal(HttpStatusCode.Forbidden, bystander.StatusCode);
        Assert.Empty((await s.Payer.GetFromJsonAsync<PagedResult<StatementListRow>>($"/api/v1/resources/statements?year={s.Year}&month={s.Month}&pageSize=200", Json.Options))!.Items);
        // The center's staff run every resource of the center, so they may record it (the payer here is a member, not the center).
        Assert.Equal(HttpStatusCode.OK, byCenterStaff.StatusCode);
    }

    [ProviderFact]
    public async Task A_statement_charged_by_two_owners_is_recorded_by_neither_owner_alone()
    {
        var s = await ChargedStatementAsync(factory, secondOwner: true);

        var byFirst = await s.Owner.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 800m, Reference = "X", Version = 0 });
        var readByFirst = await s.Owner.GetAsync(s.Url);
        var byAdmin = await s.Admin.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 800m, Reference = "ADM-1", Version = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, byFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readByFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
    }

    [ProviderFact]
    public async Task Two_recordings_of_one_statement_at_once_end_in_one_payment_and_a_409()
    {
        var s = await ChargedStatementAsync(factory);
        var staff = await factory.CenterUserAsync(s.Center);

        var stale = await s.Owner.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "OLD", Version = 3 });
        var answers = await Task.WhenAll(
            s.Owner.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "A-1", Version = 0 }),
            staff.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "B-1", Version = 0 }));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var rows = await factory.WithDbAsync(db => db.ResourceStatementPayments.Where(p => p.OrganizationId == s.PayerId).ToListAsync());
        Assert.Equal(StatementPaymentState.Paid, Assert.Single(rows).Status);
    }

    [ProviderFact]
    public async Task A_statement_is_overdue_the_day_after_the_tianjin_packs_30_days_and_shows_on_the_payers_workbench()
    {
        var rules = factory.Services.GetRequiredService<PolicyProvider>().Current.Resources;
        var s = await ChargedStatementAsync(factory);
        var issued = new DateOnly(s.Year, s.Month, 1).AddMonths(1);

        Assert.Equal(30, rules.PaymentDaysAfterIssue);
        Assert.Equal(issued.AddDays(30), (await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options))!.DueOn);
        factory.MoveTo(issued.AddDays(30));
        Assert.Equal(StatementPaymentState.Unpaid, (await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options))!.State);
        factory.MoveTo(issued.AddDays(31));
        Assert.Equal(StatementPaymentState.Overdue, (await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options))!.State);
        var overdue = await s.Admin.GetFromJsonAsync<PagedResult<StatementListRow>>($"/api/v1/resources/statements?year={s.Year}&month={s.Month}&state=Overdue&pageSize=200", Json.Options);
        Assert.Contains(overdue!.Items, r => r.OrganizationId == s.PayerId && r.Total == 400m);
        var work = await s.Payer.GetFromJsonAsync<WorkbenchDto>("/api/v1/workbench", Json.Options);
        var item = Assert.Single(work!.Groups.SelectMany(g => g.Items), i => i.Link.StartsWith("/Resources/Statement", StringComparison.Ordinal));
        Assert.Equal($"/Resources/Statement?month={s.Year:0000}-{s.Month:00}", item.Link);
        Assert.Contains("逾期未付", await s.Payer.GetStringAsync(s.Page));

        await s.Owner.PostAsJsonAsync(s.Url, new StatementPaymentRequest { PaidOn = s.Today, Amount = 400m, Reference = "LATE-1", Version = 0 });
        var after = await s.Payer.GetFromJsonAsync<WorkbenchDto>("/api/v1/workbench", Json.Options);
        Assert.DoesNotContain(after!.Groups.SelectMany(g => g.Items), i => i.Link.StartsWith("/Resources/Statement", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task On_the_national_pack_the_same_statement_is_overdue_only_after_60_days()
    {
        await using var own = await OwnApp<TFactory>.StartAsync(f => f.Settings["Policy:File"] = "policies/national-2018.json");
        var rules = own.Factory.Services.GetRequiredService<PolicyProvider>().Current.Resources;
        var s = await ChargedStatementAsync(own.Factory, center: await NationalCenterAsync(own.Factory));
        var issued = new DateOnly(s.Year, s.Month, 1).AddMonths(1);

        Assert.Equal(60, rules.PaymentDaysAfterIssue);
        own.Factory.MoveTo(issued.AddDays(31));
        Assert.Equal(StatementPaymentState.Unpaid, (await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options))!.State);
        own.Factory.MoveTo(issued.AddDays(60));
        var onDueDay = await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options);
        Assert.Equal((StatementPaymentState.Unpaid, issued.AddDays(60)), (onDueDay!.State, onDueDay.DueOn));
        own.Factory.MoveTo(issued.AddDays(61));
        Assert.Equal(StatementPaymentState.Overdue, (await s.Payer.GetFromJsonAsync<StatementPaymentDto>(s.Url, Json.Options))!.State);
    }

    [ProviderFact]
    public async Task A_statement_with_nothing_charged_cannot_be_recorded_paid()
    {
        var center = await factory.CreateCenterAsync();
        var admin = await factory.ClientFor(Roles.Admin);
        var month = factory.Clock.GetUtcNow().ToBeijingTime();

        var r = await admin.PostAsJsonAsync($"/api/v1/resources/statements/{center.Institute.Id}/{month.Year}/{month.Month}/payment",
            new StatementPaymentRequest { Reference = "X", Amount = 0m, Version = 0 });

        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
    }

    private sealed record Charged(TestCenter Center, HttpClient Owner, HttpClient Payer, HttpClient Admin, Guid PayerId, DateTimeOffset Starts, int Year, int Month, DateOnly Today)
    {
        public string Url => $"/api/v1/resources/statements/{PayerId}/{Year}/{Month}/payment";

        public string Page => $"/Resources/Statement?organizationId={PayerId}&month={Year:0000}-{Month:00}";
    }

    /// <summary>A member (the institute) used two hours of the university's resource at the member rate (200/h): 400 yuan charged.</summary>
    /// <remarks>With <paramref name="secondOwner"/>, two more hours of the lead's resource on the same day: 800 yuan from two owners.</remarks>
    private static async Task<Charged> ChargedStatementAsync(AppFactory factory, bool secondOwner = false, TestCenter? center = null)
    {
        center ??= await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var payer = await factory.MemberUserAsync(center.Institute);
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 10);
        var bookings = new List<(HttpClient Owner, Guid Booking)> { (owner, await BookAsync(payer, resource.Id, starts)) };
        if (secondOwner)
        {
            var leadOwner = await factory.MemberUserAsync(center.Lead);
            var second = await leadOwner.CreateResourceAsync(ResourceTestData.Request(center, owner: center.Lead.Id));
            bookings.Add((leadOwner, await BookAsync(payer, second.Id, starts.AddHours(3))));
        }

        factory.Clock.Advance(starts.AddHours(6) - factory.Clock.GetUtcNow());
        foreach (var (manager, booking) in bookings)
        {
            var used = await manager.PostAsJsonAsync($"/api/v1/resources/bookings/{booking}/usage", new UsageRequest { UsedHours = 2 });
            Assert.True(used.IsSuccessStatusCode, await used.Content.ReadAsStringAsync());
        }

        var local = starts.ToBeijingTime();
        return new Charged(center, owner, payer, await factory.ClientFor(Roles.Admin), center.Institute.Id, starts, local.Year, local.Month,
            DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToBeijingTime().DateTime));
    }

    private static async Task<Guid> BookAsync(HttpClient payer, Guid resourceId, DateTimeOffset starts)
    {
        var booked = await payer.BookAsync(resourceId, starts, starts.AddHours(2));
        Assert.True(booked.IsSuccessStatusCode, await booked.Content.ReadAsStringAsync());
        return (await booked.Content.ReadFromJsonAsync<BookingDto>(Json.Options))!.Id;
    }

    /// <summary>A center under the national pack, whose organisations carry no Tianjin district code.</summary>
    private static async Task<TestCenter> NationalCenterAsync(AppFactory factory)
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var lead = await admin.CreateOrganizationAsync(TestData.Organization(name: "北京企业" + Guid.NewGuid().ToString("N")[..6], region: "Beijing"));
        var university = await admin.CreateOrganizationAsync(TestData.Organization(name: "河北大学" + Guid.NewGuid().ToString("N")[..6], type: "University", region: "Hebei"));
        var institute = await admin.CreateOrganizationAsync(TestData.Organization(name: "上海研究院" + Guid.NewGuid().ToString("N")[..6], type: "ResearchInstitute", region: "OtherProvince"));
        var approved = new DateOnly(CenterTestData.Today.Year - 2, 1, 15);
        var applicationId = Guid.NewGuid();
        using var scope = factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(
            new CenterFounding(
                applicationId, "国家创新中心" + Guid.NewGuid().ToString("N")[..6], "cnc-robotics", lead.Id, "工信部科函〔2024〕1号", "NMIC-" + Random.Shared.Next(1000, 9999), approved,
                [
                    new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 60m),
                    new CenterFoundingMember(university.Id, MemberKind.University, 25m),
                    new CenterFoundingMember(institute.Id, MemberKind.ResearchInstitute, 15m),
                ]),
            CancellationToken.None);
        Assert.True(created.IsSuccess, created.IsSuccess ? null : string.Join("; ", created.Failure!.Errors));
        await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().SaveChangesAsync();
        return new TestCenter(created.Value.Id, applicationId, approved, lead, university, institute, admin);
    }

    private static string XmlOf(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}

public sealed class SqliteStatementPaymentTests(SqliteAppFactory factory) : StatementPaymentTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresStatementPaymentTests(PostgresAppFactory factory) : StatementPaymentTests<PostgresAppFactory>(factory);
