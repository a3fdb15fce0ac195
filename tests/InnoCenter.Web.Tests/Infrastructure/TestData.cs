using System.Net.Http.Json;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Features.Organizations;

namespace InnoCenter.Web.Tests.Infrastructure;

public static class TestData
{
    private const string OrgCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid, random credit code, so tests never collide with each other's organisations.</summary>
    public static string NewCreditCode(string prefix = "91", string region = "120116")
    {
        var body = new string(Enumerable.Range(0, 8).Select(_ => OrgCodeAlphabet[Random.Shared.Next(OrgCodeAlphabet.Length)]).ToArray());
        return Uscc.Compose(prefix, region, body).Value;
    }

    public static OrganizationRequest Organization(string? name = null, string type = "Enterprise", string region = "Tianjin", string? district = "120116") => new()
    {
        CreditCode = NewCreditCode(),
        Name = name ?? "测试单位" + Guid.NewGuid().ToString("N")[..8],
        Type = type,
        Region = region,
        DistrictCode = region == "Tianjin" ? district : null,
        Address = "天津市滨海新区测试路 1 号",
        ContactName = "测试联系人",
        ContactPhone = "022-12345678",
    };

    public static async Task<OrganizationDto> CreateOrganizationAsync(this HttpClient admin, OrganizationRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/organizations", request);
        response.EnsureSuccessStatusCode();
        var saved = await response.Content.ReadFromJsonAsync<OrganizationSaved>(Json.Options);
        return saved!.Organization;
    }
}

public static class Json
{
    // As the API writes it (Program.cs): enums as their names.
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
