using System.Net.Http.Json;
using InnoCenter.Domain.Resources;
using InnoCenter.Web.Features.Resources;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Resources;

public static class ResourceTestData
{
    public static ResourceRequest Request(TestCenter center, Guid? owner = null, string? openingHours = null, bool needsApproval = false,
        bool needsTraining = false, bool openToOutside = true, string name = "扫描电子显微镜") => new()
    {
        CenterId = center.Id,
        OwnerOrganizationId = owner ?? center.University.Id,
        Name = name + Guid.NewGuid().ToString("N")[..6],
        Category = "instrument",
        Model = "SU8010",
        Location = "天津市南开区卫津路 92 号",
        Description = "场发射扫描电镜",
        OpeningHours = openingHours,
        NeedsApproval = needsApproval,
        NeedsTraining = needsTraining,
        OpenToOutside = openToOutside,
        FeeUnit = "PerHour",
        MemberFee = 200m,
        OutsideFee = 400m,
        SmeFee = 300m,
    };

    public static async Task<ResourceDto> CreateResourceAsync(this HttpClient manager, ResourceRequest request)
    {
        var response = await manager.PostAsJsonAsync("/api/v1/resources", request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<ResourceDto>(Json.Options))!;
    }

    /// <summary>Tomorrow (Beijing) at the given hour, as UTC; far enough ahead of the test clock for any rule.</summary>
    public static DateTimeOffset BeijingDayAt(DateTimeOffset now, int daysAhead, double hour)
    {
        var day = DateOnly.FromDateTime(now.ToBeijingTime().DateTime).AddDays(daysAhead);
        return BeijingTime.At(day, TimeSpan.FromHours(hour));
    }

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, Guid resourceId, DateTimeOffset starts, DateTimeOffset ends) =>
        client.PostAsJsonAsync($"/api/v1/resources/{resourceId}/bookings", new BookingRequest { Starts = starts, Ends = ends, Purpose = "测试" });

    /// <summary>A PDF unlike any other, so the content-addressed store keeps each as its own file.</summary>
    public static byte[] UniquePdf() => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    /// <summary>Declares the user's organisation an SME of an industry with figures and an evidence file (multipart).</summary>
    public static Task<HttpResponseMessage> DeclareSmeAsync(
        this HttpClient client, string? industry = "industry", int? employees = 120, decimal? revenue = 30_000_000m, byte[]? evidence = null,
        string fileName = "财务报表.pdf", int? version = null)
    {
        var form = new MultipartFormDataContent();
        if (industry is not null) { form.Add(new StringContent(industry), "industry"); }
        if (employees is not null) { form.Add(new StringContent(employees.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "employees"); }
        if (revenue is not null) { form.Add(new StringContent(revenue.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "annualRevenue"); }
        if (version is not null) { form.Add(new StringContent(version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version"); }
        if (evidence is not null) { form.Add(new ByteArrayContent(evidence), "evidenceFile", fileName); }
        return client.PostAsync("/api/v1/resources/sme/declare", form);
    }
}
