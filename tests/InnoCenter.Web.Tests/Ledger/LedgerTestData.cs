using System.Net.Http.Headers;
using System.Net.Http.Json;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Tests.Centers;
using InnoCenter.Web.Tests.Infrastructure;

namespace InnoCenter.Web.Tests.Ledger;

public static class LedgerTestData
{
    public static readonly string[] Kinds = ["projects", "ip", "deals", "standards", "incubated", "talent", "staff", "training", "intl", "sme"];

    /// <summary>A valid, random Chinese invention application number of the given year, check digit included.</summary>
    public static string NewPatentNumber(int year, char kind = '1') =>
        PatentNumber.Compose($"{year}{kind}{Random.Shared.Next(0, 9_999_999):D7}").Value;

    public static IpRequest Ip(TestCenter c, string? number = null, decimal leadShare = 60m, decimal universityShare = 40m) => new()
    {
        CenterId = c.Id,
        Kind = "InventionApplication",
        Number = number ?? NewPatentNumber(c.LastYear),
        Title = "一种智能装配机器人的视觉定位方法" + Guid.NewGuid().ToString("N")[..4],
        FilingDate = c.InLastYear(3, 1),
        CoOwners =
        [
            new ShareLine { CreditCode = c.Lead.CreditCode, SharePercent = leadShare },
            new ShareLine { CreditCode = c.University.CreditCode, SharePercent = universityShare },
        ],
    };

    public static DealRequest Deal(TestCenter c, string counterpartyCode, params string[] ipNumbers) => new()
    {
        CenterId = c.Id,
        Kind = "Licence",
        Title = "视觉定位专利许可" + Guid.NewGuid().ToString("N")[..4],
        ContractNumber = "HT-" + Guid.NewGuid().ToString("N")[..10],
        CounterpartyCreditCode = counterpartyCode,
        IsSme = true,
        IsFirstCommercial = true,
        ContractValue = 500_000m,
        SignedOn = c.InLastYear(5, 1),
        IpNumbers = ipNumbers,
    };

    /// <summary>A valid request body for any kind; deals get an IP and a counterparty made on the way.</summary>
    public static async Task<object> ValidRequestAsync(string kind, TestCenter c, HttpClient centerUser)
    {
        var y = c.LastYear;
        switch (kind)
        {
            case "projects":
                return new ProjectRequest
                {
                    CenterId = c.Id, Title = "高精度减速器共性技术攻关", Type = "CommonKey", Budget = 1_000_000m,
                    Participants = [c.Lead.CreditCode, c.University.CreditCode], TrlStart = 3, TrlTarget = 6, TrlReached = 6,
                    Status = "Completed", StartedOn = new DateOnly(y, 2, 1), EndedOn = new DateOnly(y, 11, 30),
                };
            case "ip":
                return Ip(c);
            case "deals":
                var ip = Ip(c);
                (await centerUser.PostAsJsonAsync("/api/v1/ledger/ip", ip)).EnsureSuccessStatusCode();
                var counterparty = await c.Admin.CreateOrganizationAsync(TestData.Organization(name: "受让企业" + Guid.NewGuid().ToString("N")[..6]));
                return Deal(c, counterparty.CreditCode, ip.Number!);
            case "standards":
                return new StandardRequest
                {
                    CenterId = c.Id, Title = "工业机器人视觉定位系统技术要求", StandardNumber = "T/TJAI 001-" + y, Level = "Group", Role = "Lead",
                    Stage = "Published", StageDate = new DateOnly(y, 6, 1),
                };
            case "incubated":
                return new IncubatedRequest { CenterId = c.Id, Name = "孵化企业" + Guid.NewGuid().ToString("N")[..6], CreditCode = TestData.NewCreditCode(), FoundedOn = new DateOnly(y, 4, 1), MoneyRaised = 3_000_000m };
            case "talent":
                return new TalentRequest { CenterId = c.Id, Year = y, Category = "leading-talent", Headcount = 2, Description = "张教授团队" };
            case "staff":
                return new StaffRequest { CenterId = c.Id, Year = y, AllStaff = 120, RdStaff = 80 };
            case "training":
                return new TrainingRequest { CenterId = c.Id, Title = "智能制造工程师培训", HeldOn = new DateOnly(y, 7, 1), PersonTimes = 150 };
            case "intl":
                return new IntlRequest { CenterId = c.Id, Title = "中德智能装备联合实验室", Partner = "Fraunhofer IPT", Country = "DE", CooperationKind = "JointLab", StartedOn = new DateOnly(y, 8, 1) };
            case "sme":
                return new SmeRequest { CenterId = c.Id, EnterpriseName = "中小企业" + Guid.NewGuid().ToString("N")[..6], EnterpriseCreditCode = TestData.NewCreditCode(), ServiceKind = "testing", ServedOn = new DateOnly(y, 9, 1) };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public static async Task<LedgerItem> CreateAsync(this HttpClient client, string kind, object request)
    {
        var response = await client.PostJsonAsync($"/api/v1/ledger/{kind}", request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<LedgerItem>(Json.Options))!;
    }

    /// <summary>Posts a request as its runtime type, so every field of a kind's request goes out.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsync(path, JsonContent.Create(body, body.GetType()));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsync(path, JsonContent.Create(body, body.GetType()));

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string path, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(path, form);
    }
}
