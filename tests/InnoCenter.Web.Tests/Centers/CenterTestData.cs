using InnoCenter.Domain.Centers;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Centers;

/// <summary>A center founded the way an approval founds one, with a lead (60 %), a university (25 %) and a Beijing institute (15 %).</summary>
public sealed record TestCenter(Guid Id, Guid ApplicationId, DateOnly ApprovedOn, OrganizationDto Lead, OrganizationDto University, OrganizationDto Institute, HttpClient Admin)
{
    /// <summary>A year wholly inside the center's life and in the past.</summary>
    public int LastYear => ApprovedOn.Year + 1;

    public DateOnly InLastYear(int month, int day) => new(LastYear, month, day);
}

public static class CenterTestData
{
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, InnoCenter.Web.Infrastructure.Localization.LocalizationSetup.Beijing).DateTime);

    public static async Task<TestCenter> CreateCenterAsync(this AppFactory factory, string? name = null, DateOnly? approvedOn = null)
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var lead = await admin.CreateOrganizationAsync(TestData.Organization(name: "牵头企业" + Guid.NewGuid().ToString("N")[..6]));
        var university = await admin.CreateOrganizationAsync(TestData.Organization(name: "成员大学" + Guid.NewGuid().ToString("N")[..6], type: "University", district: "120104"));
        var institute = await admin.CreateOrganizationAsync(TestData.Organization(name: "北京研究院" + Guid.NewGuid().ToString("N")[..6], type: "ResearchInstitute", region: "Beijing"));
        var approved = approvedOn ?? new DateOnly(Today.Year - 2, 1, 15);
        var applicationId = Guid.NewGuid();
        var founding = new CenterFounding(
            applicationId, name ?? "测试创新中心" + Guid.NewGuid().ToString("N")[..6], "high-end-equipment", lead.Id, "津工信科〔2025〕8号",
            "TJMIC-" + Random.Shared.Next(1000, 9999), approved,
            [
                new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 60m),
                new CenterFoundingMember(university.Id, MemberKind.University, 25m),
                new CenterFoundingMember(institute.Id, MemberKind.ResearchInstitute, 15m),
            ]);
        using var scope = factory.Services.CreateScope();
        var handlers = scope.ServiceProvider.GetRequiredService<CenterHandlers>();
        var created = await handlers.CreateFromApprovedApplicationAsync(founding, CancellationToken.None);
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException(string.Join("; ", created.Failure!.Errors));
        }

        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return new TestCenter(created.Value.Id, applicationId, approved, lead, university, institute, admin);
    }

    public static Task<HttpClient> CenterUserAsync(this AppFactory factory, TestCenter center, string culture = "zh-CN") =>
        factory.ClientFor(Roles.CenterUser, center.Lead.Id, culture);

    public static Task<HttpClient> MemberUserAsync(this AppFactory factory, OrganizationDto org, string culture = "zh-CN") =>
        factory.ClientFor(Roles.MemberUser, org.Id, culture);
}
