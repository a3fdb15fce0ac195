using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Features.Funds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Funds;

/// <summary>A grant in execution for a fresh center: drafted by one Admin, approved and started by another.</summary>
public sealed record TestGrant(Guid Id, TestCenter Center, HttpClient Drafter, HttpClient Second, HttpClient CenterUser)
{
    public static readonly DateOnly From = new(2026, 1, 1);
    public static readonly DateOnly To = new(2027, 12, 31);
}

public static class FundsTestData
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>pilot-line: city 600,000 + district 400,000; standards: city 100,000.</summary>
    public static GrantDraft Draft(Guid centerId) => new(
        centerId, "中试线建设支持" + Guid.NewGuid().ToString("N")[..4], "津工信科〔2026〕" + Random.Shared.Next(1, 999) + "号", "city", "grant",
        TestGrant.From, TestGrant.To,
        [
            new LineDraft("pilot-line", [new ShareDraft("city", 600_000m), new ShareDraft("district", 400_000m)]),
            new LineDraft("standards", [new ShareDraft("city", 100_000m)]),
        ],
        [new TargetDraft("standards", 3m)]);

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return string.IsNullOrEmpty(body) ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Runs the daily warning sweep now, as the job would.</summary>
    public static async Task SweepWarningsAsync(this AppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<FundWarningSweep>().RunAsync(CancellationToken.None));
    }

    public static async Task<JsonElement> GrantAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/funds/grants/{id}")).ReadAsync(HttpStatusCode.OK);

    public static async Task<TestGrant> RunningGrantAsync(this AppFactory factory, GrantDraft? draft = null, TestCenter? forCenter = null)
    {
        var center = forCenter ?? await factory.CreateCenterAsync();
        var drafter = await factory.ClientFor(Roles.Admin);
        var second = await factory.ClientFor(Roles.Admin);
        var created = await (await drafter.PostAsJsonAsync("/api/v1/funds/grants", draft ?? Draft(center.Id))).ReadAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var approved = await (await second.PostAsJsonAsync($"/api/v1/funds/grants/{id}/approve", new GrantStepRequest(created.GetProperty("version").GetInt32(), null))).ReadAsync(HttpStatusCode.OK);
        await (await second.PostAsJsonAsync($"/api/v1/funds/grants/{id}/start", new GrantStepRequest(approved.GetProperty("version").GetInt32(), null))).ReadAsync(HttpStatusCode.OK);
        return new TestGrant(id, center, drafter, second, await factory.CenterUserAsync(center));
    }

    public static async Task<JsonElement> PlanAsync(this TestGrant g, decimal amount, bool isFinal = false, DateOnly? on = null) =>
        await (await g.Drafter.PostAsJsonAsync($"/api/v1/funds/grants/{g.Id}/tranches", new TrancheRequest(amount, on ?? new DateOnly(2026, 3, 1), isFinal))).ReadAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> ReleaseAsync(this TestGrant g, JsonElement tranche, HttpClient? by = null, DateOnly? on = null) =>
        (by ?? g.Second).PostAsJsonAsync(
            $"/api/v1/funds/grants/{g.Id}/tranches/{tranche.GetProperty("id").GetGuid()}/release",
            new TrancheReleaseRequest(on ?? new DateOnly(2026, 3, 2), tranche.GetProperty("version").GetInt32()));

    public static MultipartFormDataContent File(this MultipartFormDataContent form, string name, byte[] bytes, string fileName)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, name, fileName);
        return form;
    }

    public static MultipartFormDataContent Fields(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static Task<HttpResponseMessage> SpendAsync(this TestGrant g, string category, string spentOn, string amount, byte[]? voucher = null, string voucherName = "invoice.pdf", HttpClient? by = null) =>
        (by ?? g.CenterUser).PostAsync(
            $"/api/v1/funds/grants/{g.Id}/expenditures",
            Fields(("category", category), ("spentOn", spentOn), ("payee", "天津某设备有限公司"), ("amount", amount), ("purpose", "设备款"))
                .File("vouchers", voucher ?? Pdf, voucherName));

    public static Task<HttpResponseMessage> ReceiveAsync(this TestGrant g, string source, string amount, string on = "2026-03-05") =>
        g.CenterUser.PostAsync(
            $"/api/v1/funds/grants/{g.Id}/receipts",
            Fields(("source", source), ("amount", amount), ("receivedOn", on), ("note", "区财政配套到账")).File("evidence", Pdf, "bank-slip.pdf"));
}
