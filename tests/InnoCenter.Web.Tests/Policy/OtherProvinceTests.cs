using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InnoCenter.Domain.Centers;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Policy;

/// <summary>
/// A second province adopts the platform with its own pack and no code change: a Shanghai programme whose home region
/// names its districts and whose cross-region rule is the Yangtze River Delta (长三角: Jiangsu, Zhejiang, Anhui), not 京津冀.
/// </summary>
public abstract class OtherProvinceTests<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task A_Shanghai_pack_runs_with_its_own_home_region_and_its_own_cross_region_rule()
    {
        var file = await ShanghaiPackAsync();
        var factory = new TFactory();
        factory.Settings["Policy:File"] = file;
        await factory.InitializeAsync();
        try
        {
            var admin = await factory.ClientFor(Roles.Admin);
            var lead = await admin.CreateOrganizationAsync(Org("上海浦东企业", "Enterprise", "Shanghai", "310115"));
            var university = await admin.CreateOrganizationAsync(Org("上海徐汇大学", "University", "Shanghai", "310104"));
            var shanghaiInstitute = await admin.CreateOrganizationAsync(Org("上海研究院", "ResearchInstitute", "Shanghai", "310104"));
            var noDistrict = await admin.PostAsJsonAsync("/api/v1/organizations", Org("上海无区企业", "Enterprise", "Shanghai", null));
            var tianjin = await admin.PostAsJsonAsync("/api/v1/organizations", Org("天津企业", "Enterprise", "Tianjin", "120116"));
            var jiangsu = await admin.CreateOrganizationAsync(Org("江苏苏州企业", "Enterprise", "Jiangsu", null));
            var applicant = await factory.ClientFor(Roles.CenterUser, lead.Id);

            var delta = await DraftAsync(applicant, "长三角协同" + Guid.NewGuid().ToString("N")[..4], university.CreditCode, jiangsu.CreditCode);
            var local = await DraftAsync(applicant, "上海本地" + Guid.NewGuid().ToString("N")[..4], university.CreditCode, shanghaiInstitute.CreditCode);
            var deltaDetail = await applicant.GetFromJsonAsync<ApplicationDetailDto>($"/api/v1/applications/{delta}", Json.Options);
            var localDetail = await applicant.GetFromJsonAsync<ApplicationDetailDto>($"/api/v1/applications/{local}", Json.Options);
            var listed = (await applicant.GetFromJsonAsync<PipelineDto>("/api/v1/applications?pageSize=200", Json.Options))!.Applications.Items;

            Assert.Equal(HttpStatusCode.BadRequest, noDistrict.StatusCode);
            Assert.Contains("districtCode", await noDistrict.Content.ReadAsStringAsync());
            // Tianjin is not a region of this pack at all.
            Assert.Equal(HttpStatusCode.BadRequest, tianjin.StatusCode);
            Assert.Contains("region", await tianjin.Content.ReadAsStringAsync());
            Assert.Equal("310115", lead.DistrictCode);
            Assert.Null(jiangsu.DistrictCode);
            Assert.True(deltaDetail!.Summary.CrossRegion);
            Assert.Equal("Pass", deltaDetail.Eligibility.Single(e => e.Code == "cross-region").Outcome);
            Assert.False(localDetail!.Summary.CrossRegion);
            Assert.NotEqual("Pass", localDetail.Eligibility.Single(e => e.Code == "cross-region").Outcome);
            // The list answers the same rule from the database as the detail does in memory.
            Assert.True(listed.Single(a => a.Id == delta).CrossRegion);
            Assert.False(listed.Single(a => a.Id == local).CrossRegion);

            // The ledger's roll-up counts cross-region members by the same rule: the Jiangsu member, not the Shanghai ones.
            var approved = new DateOnly(factory.Clock.GetUtcNow().Year - 2, 1, 15);
            var center = await FoundAsync(factory, approved, (lead.Id, MemberKind.Enterprise, 60m), (university.Id, MemberKind.University, 25m), (jiangsu.Id, MemberKind.Enterprise, 15m));
            var rollup = await admin.GetFromJsonAsync<Dictionary<string, decimal>>($"/api/v1/ledger/rollup?centerId={center}&year={approved.Year + 1}", Json.Options);
            Assert.Equal(3, rollup!["members.total"]);
            Assert.Equal(1, rollup["members.cross_region"]);
        }
        finally
        {
            await factory.DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    /// <summary>A center founded the way an approval founds one (as CenterTestData does, with this pack's members).</summary>
    private static async Task<Guid> FoundAsync(AppFactory factory, DateOnly approved, params (Guid Id, MemberKind Kind, decimal Share)[] members)
    {
        using var scope = factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(new CenterFounding(
            Guid.NewGuid(), "上海市长三角协同制造业创新中心" + Guid.NewGuid().ToString("N")[..6], "high-end-equipment", members[0].Id, "沪经信〔2025〕1号",
            "SHMIC-" + Random.Shared.Next(1000, 9999), approved, members.Select(m => new CenterFoundingMember(m.Id, m.Kind, m.Share)).ToList()), CancellationToken.None);
        Assert.True(created.IsSuccess, created.IsSuccess ? null : string.Join("; ", created.Failure!.Errors));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return created.Value.Id;
    }

    private static async Task<Guid> DraftAsync(HttpClient applicant, string name, string universityCode, string thirdCode)
    {
        var response = await applicant.PostAsJsonAsync("/api/v1/applications", new ApplicationRequest
        {
            CenterName = "上海市" + name + "制造业创新中心",
            KeyArea = "high-end-equipment",
            IndustryDivision = "C35",
            PlanSummary = "围绕共性关键技术开展研发与转移扩散。",
            Goals = "三年内突破 5 项共性关键技术。",
            LeadEquitySharePercent = 60,
            Members =
            [
                new MemberRequest { CreditCode = universityCode, EquitySharePercent = 25 },
                new MemberRequest { CreditCode = thirdCode, EquitySharePercent = 15 },
            ],
            Indicators = [new IndicatorRequest("发明专利申请", "项", 10, 15, 20)],
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TransitionResult>(Json.Options))!.Id;
    }

    private static InnoCenter.Web.Features.Organizations.OrganizationRequest Org(string name, string type, string region, string? district) => new()
    {
        CreditCode = TestData.NewCreditCode(type == "Enterprise" ? "91" : "12", region == "Jiangsu" ? "320500" : "310115"),
        Name = name + Guid.NewGuid().ToString("N")[..6],
        Type = type,
        Region = region,
        DistrictCode = district,
        ContactName = "联系人",
        ContactPhone = "021-12345678",
    };

    /// <summary>The Tianjin pack with Shanghai's districts and regions: everything else a programme needs is unchanged.</summary>
    private static async Task<string> ShanghaiPackAsync()
    {
        var pack = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "policies", "tianjin-2020.json")))!.AsObject();
        pack["code"] = "shanghai-yrd";
        pack["version"] = 1;
        pack["name"] = new JsonObject { ["zh"] = "上海市制造业创新中心建设方案（测试）", ["en"] = "Shanghai Manufacturing Innovation Center Plan (test)" };
        pack["districts"] = new JsonArray(
            new JsonObject { ["code"] = "310104", ["zh"] = "徐汇区", ["en"] = "Xuhui" },
            new JsonObject { ["code"] = "310115", ["zh"] = "浦东新区", ["en"] = "Pudong New Area" });
        pack["regions"] = new JsonArray(
            new JsonObject { ["code"] = "Shanghai", ["zh"] = "上海", ["en"] = "Shanghai" },
            new JsonObject { ["code"] = "Jiangsu", ["zh"] = "江苏", ["en"] = "Jiangsu" },
            new JsonObject { ["code"] = "Zhejiang", ["zh"] = "浙江", ["en"] = "Zhejiang" },
            new JsonObject { ["code"] = "Anhui", ["zh"] = "安徽", ["en"] = "Anhui" },
            new JsonObject { ["code"] = "OtherProvince", ["zh"] = "其他省份", ["en"] = "Other province" });
        pack["homeRegion"] = "Shanghai";
        pack["crossRegions"] = new JsonArray("Jiangsu", "Zhejiang", "Anhui");
        // A folder of its own: the loader installs the packs that sit beside the file, and there are none here.
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "innocenter-tests", "pack-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(dir.FullName, "shanghai-yrd.json");
        await File.WriteAllTextAsync(path, pack.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}

public sealed class SqliteOtherProvinceTests : OtherProvinceTests<SqliteAppFactory>;

[PostgresSuite]
public sealed class PostgresOtherProvinceTests : OtherProvinceTests<PostgresAppFactory>;
