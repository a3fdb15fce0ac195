using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Resources;

/// <summary>
/// 付款状态 of a monthly statement: unpaid until the pack's payment days after issue, then overdue (computed on read);
/// paid as recorded by the resource's side or an Admin with a date and reference, version-checked; filterable; in the export.
/// </summary>
public abstract class StatementPaymentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private ResourceRules Rules => factory.Services.GetRequiredService<PolicyProvider>().Current.Resources;

    [ProviderFact]
    public async Task A_statement_is_unpaid_then_overdue_after_the_pack_days_and_paid_once_recorded_by_the_owner()
    {
        var center = await factory.CreateCenterAsync();
        var owner = await factory.MemberUserAsync(center.University);
        var resource = await owner.CreateResourceAsync(ResourceTestData.Request(center));
        var booker = await factory.MemberUserAsync(center.Institute);
        var admin = await factory.ClientFor(Roles.Admin);
        var starts = ResourceTestData.BeijingDayAt(factory.Clock.GetUtcNow(), 1, 10);
        var booking = (await (await booker.BookAsync(resource.Id, starts, starts.AddHours(2))).Content.ReadFromJsonAsync<BookingDto>(Json.Options))!;
        factory.Clock.Advance(TimeSpan.FromDays(2));
        (await owner.PostAsJsonAsync($"/api/v1/resources/bookings/{booking.Id}/usage", new UsageRequest { UsedHours = 2 })).EnsureSuccessStatusCode();
        var (year, month) = (starts.ToBeijingTime().Year, starts.ToBeijingTime().Month);
        var url = $"/api/v1/resources/statements/{center.Institute.Id}/{year}/{month}/payment";

        var unpaid = await booker.GetFromJsonAsync<StatementPaymentDto>(url, Json.Options);
        Assert.Equal((StatementPaymentState.Unpaid, 400m), (unpaid!.State, unpaid.Total));
        Assert.Equal(new DateOnly(year, month, 1).AddMonths(1).AddDays(Rules.PaymentDaysAfterIssue), unpaid.DueOn);

        // The day after the due date (Beijing): overdue, without anything stored.
        factory.Clock.Advance(BeijingTime.At(unpaid.DueOn.AddDays(1), TimeSpan.FromHours(9)) - factory.Clock.GetUtcNow());
        Assert.Equal(StatementPaymentState.Overdue, (await booker.GetFromJsonAsync<StatementPaymentDto>(url, Json.Options))!.State);
        var overdue = await admin.GetFromJsonAsync<List<StatementListRow>>($"/api/v1/resources/statements?year={year}&month={month}&state=Overdue", Json.Options);
        Assert.Contains(overdue!, r => r.OrganizationId == center.Institute.Id && r.Total == 400m);
        Assert.Equal(HttpStatusCode.Forbidden, (await booker.GetAsync($"/api/v1/resources/statements?year={year}&month={month}")).StatusCode);

        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToBeijingTime().DateTime);
        var byBooker = await booker.PostAsJsonAsync(url, new StatementPaymentRequest { PaidOn = today, Reference = "X", Version = 0 });
        var stale = await owner.PostAsJsonAsync(url, new StatementPaymentRequest { PaidOn = today, Reference = "HX2027-001", Version = 3 });
        var noReference = await owner.PostAsJsonAsync(url, new StatementPaymentRequest { PaidOn = today, Version = 0 });
        var paid = await owner.PostAsJsonAsync(url, new StatementPaymentRequest { PaidOn = today, Reference = "HX2027-001", Version = 0 });
        var again = await admin.PostAsJsonAsync(url, new StatementPaymentRequest { PaidOn = today, Reference = "HX2027-002", Version = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, byBooker.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var now = await booker.GetFromJsonAsync<StatementPaymentDto>(url, Json.Options);
        Assert.Equal((StatementPaymentState.Paid, today, "HX2027-001"), (now!.State, now.PaidOn, now.Reference));
        var paidList = await admin.GetFromJsonAsync<List<StatementListRow>>($"/api/v1/resources/statements?year={year}&month={month}&state=Paid", Json.Options);
        Assert.Contains(paidList!, r => r.OrganizationId == center.Institute.Id);

        var page = await booker.GetStringAsync($"/Resources/Statement?organizationId={center.Institute.Id}&month={year:0000}-{month:00}");
        Assert.Contains("已付款", page);
        Assert.Contains("HX2027-001", page);
        var xlsx = await (await booker.GetAsync($"/api/v1/resources/statements/{center.Institute.Id}/{year}/{month}/export")).Content.ReadAsByteArrayAsync();
        Assert.Contains("HX2027-001", XmlOf(xlsx));
        Assert.Contains("付款状态", XmlOf(xlsx));
    }

    [ProviderFact]
    public async Task A_statement_with_nothing_charged_cannot_be_recorded_paid()
    {
        var center = await factory.CreateCenterAsync();
        var admin = await factory.ClientFor(Roles.Admin);
        var month = factory.Clock.GetUtcNow().ToBeijingTime();

        var r = await admin.PostAsJsonAsync($"/api/v1/resources/statements/{center.Institute.Id}/{month.Year}/{month.Month}/payment",
            new StatementPaymentRequest { Reference = "X", Version = 0 });

        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
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
