using System.Globalization;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Resources;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

/// <summary>
/// Shared resources end to end: a member's user finds a free slot and books a resource that needs approval, the owner
/// approves it, records the hours once the slot is over, and the member's monthly statement shows the charge.
/// </summary>
public sealed class ResourceFlowTests(AppServer server) : IClassFixture<AppServer>
{
    private const string Password = "MemberUser2026pw";

    [BrowserFact]
    public async Task A_member_books_a_free_slot_the_owner_approves_and_records_usage_and_the_statement_shows_the_charge()
    {
        var world = await SetUpAsync();
        var member = await server.NewPageAsync();
        await server.RunAsync(member, nameof(A_member_books_a_free_slot_the_owner_approves_and_records_usage_and_the_statement_shows_the_charge), async () =>
        {
            await new LoginPage(member).SignInAsync(world.MemberEmail, Password);
            var search = new FreeSlotsPage(member);
            await search.OpenAsync();
            await search.SearchAsync(2m, world.ResourceName, 14);
            await Assertions.Expect(search.Slots(world.ResourceName).First).ToBeVisibleAsync();
            var starts = await search.BookEarliestAsync(world.ResourceName);

            var details = new ResourceDetailsPage(member);
            await Assertions.Expect(details.Day).ToHaveValueAsync(starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await Assertions.Expect(details.From).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + starts.ToString("HH:mm", CultureInfo.InvariantCulture)));
            await details.BookAsync("齿轮断口形貌观察");
            await Assertions.Expect(details.Flash).ToContainTextAsync("等待资源单位审批");

            var owner = await server.NewPageAsync();
            await new LoginPage(owner).SignInAsync(world.OwnerEmail, Password);
            var queue = new ApprovalsPage(owner);
            await queue.OpenPendingAsync();
            await Assertions.Expect(queue.Row(world.ResourceName)).ToContainTextAsync(world.MemberName);
            await queue.ApproveAsync(world.ResourceName);
            await Assertions.Expect(queue.Flash).ToContainTextAsync("预约已批准");

            // The slot is over: the owner records the hours used, which charges the booking at the member rate (200 yuan/h).
            var slotEnds = BeijingTime.At(DateOnly.FromDateTime(starts), starts.TimeOfDay).AddHours(2);
            server.Clock.Advance(slotEnds.AddHours(1) - server.Clock.GetUtcNow());
            var ownerLater = await server.NewPageAsync();
            await new LoginPage(ownerLater).SignInAsync(world.OwnerEmail, Password);
            var usage = new ApprovalsPage(ownerLater);
            await usage.OpenUsageAsync();
            await usage.RecordUsageAsync(world.ResourceName, 2m);

            var memberLater = await server.NewPageAsync();
            await new LoginPage(memberLater).SignInAsync(world.MemberEmail, Password);
            var statement = new ResourceStatementPage(memberLater);
            await statement.OpenAsync(starts.Year, starts.Month);
            await Assertions.Expect(statement.Line(world.ResourceName)).ToContainTextAsync("400.00");
            await Assertions.Expect(statement.Line(world.ResourceName)).ToContainTextAsync("成员单位");
            await Assertions.Expect(statement.Total).ToContainTextAsync("400.00");
            await Assertions.Expect(statement.PaymentState).ToContainTextAsync("未付款");
        });
    }

    private sealed record World(string ResourceName, string MemberName, string MemberEmail, string OwnerEmail);

    /// <summary>A recognised center with a university that owns an instrument needing approval, and an institute whose user books it.</summary>
    private async Task<World> SetUpAsync()
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var now = server.Clock.GetUtcNow();
        var suffix = Guid.NewGuid().ToString("N")[..4];
        Organization Org(string name, OrganizationType type, string prefix, string region) =>
            Organization.Create(new OrganizationDetails(
                Uscc.Compose(prefix, region, "MA" + Random.Shared.Next(100000, 999999)), name, type,
                region.StartsWith("12", StringComparison.Ordinal) ? "Tianjin" : "Hebei", region.StartsWith("12", StringComparison.Ordinal) ? "120116" : null, null, null, null), now);
        var lead = Org("浏览器测试资源牵头企业" + suffix, OrganizationType.Enterprise, "91", "120116");
        var university = Org("浏览器测试资源大学" + suffix, OrganizationType.University, "12", "120000");
        var institute = Org("浏览器测试资源研究院" + suffix, OrganizationType.ResearchInstitute, "12", "130100");
        db.Organizations.AddRange(lead, university, institute);
        await db.SaveChangesAsync();

        var approvedOn = new DateOnly(DateTime.UtcNow.Year - 2, 1, 15);
        var center = await sp.GetRequiredService<CenterHandlers>().CreateFromApprovedApplicationAsync(new CenterFounding(
            Guid.NewGuid(), "浏览器测试资源中心" + suffix, "high-end-equipment", lead.Id, "津工信科〔2025〕8号", "TJMIC-RES-" + suffix, approvedOn,
            [
                new CenterFoundingMember(lead.Id, MemberKind.Enterprise, 60m),
                new CenterFoundingMember(university.Id, MemberKind.University, 25m),
                new CenterFoundingMember(institute.Id, MemberKind.ResearchInstitute, 15m),
            ]),
            CancellationToken.None);
        await db.SaveChangesAsync();

        var rules = sp.GetRequiredService<PolicyProvider>().Current.Resources;
        var name = "浏览器测试扫描电镜" + suffix;
        db.ResearchResources.Add(ResearchResource.Create(center.Value.Id, university.Id, new ResourceDetails(
            name, rules.Categories[0].Code, "SU8010", "材料楼 105", "场发射扫描电镜", OpeningHours.AroundTheClock,
            NeedsApproval: true, NeedsTraining: false, OpenToOutside: false, FeeUnit.PerHour, 200m, 400m, 300m), now));
        await db.SaveChangesAsync();

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        async Task<string> UserAsync(string who, Guid organizationId)
        {
            var email = $"{who}-{suffix}@e2e.local";
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = who + suffix,
                OrganizationId = organizationId, IsActive = true, CreatedAt = now,
            };
            await users.CreateAsync(user, Password);
            await users.AddToRoleAsync(user, Roles.MemberUser);
            return email;
        }

        return new World(name, institute.Name, await UserAsync("booker", institute.Id), await UserAsync("owner", university.Id));
    }
}
