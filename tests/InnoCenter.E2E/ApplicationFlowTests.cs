using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Reviews;
using InnoCenter.E2E.Infrastructure;
using InnoCenter.E2E.Pages;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Notices;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InnoCenter.E2E;

/// <summary>
/// One application from draft to Approved in the browser, by its three kinds of user: the applicant files it, the
/// Admin checks, decides and (through the review pages) draws the panel, one expert scores — the rest of the panel
/// acts over the API — and an anonymous visitor reads the public notice.
/// </summary>
public sealed class ApplicationFlowTests(AppServer server) : IClassFixture<AppServer>
{
    private const string Password = "E2eUser2026pw";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [BrowserFact]
    public async Task An_application_walks_from_draft_to_approved_and_the_public_reads_its_notice()
    {
        var centerName = "天津市智能装备浏览器测试创新中心" + Guid.NewGuid().ToString("N")[..4];
        var (leadId, applicantEmail, universityCode) = await SeedApplicantAsync();
        var experts = await SeedPoolAsync();
        var applicant = await server.NewPageAsync();
        var admin = await server.NewPageAsync();
        var expertPage = await server.NewPageAsync();
        var visitor = await server.NewPageAsync();
        await server.RunAsync(applicant, nameof(An_application_walks_from_draft_to_approved_and_the_public_reads_its_notice), async () =>
        {
            await new LoginPage(applicant).SignInAsync(applicantEmail, Password);
            var form = new ApplicationFormPage(applicant);
            await form.OpenNewAsync();
            await form.FillAsync(centerName, "高端装备", "C35", 60);
            await form.MemberAsync(1, universityCode, 25);
            await form.MemberAsync(2, Uscc.Compose("12", "110000", "4" + Random.Shared.Next(1000000, 9999999)).Value, 15, "北京浏览器测试研究院", "科研院所", "北京");
            await form.SaveDraftAsync();
            var details = new ApplicationDetailsPage(applicant);
            await Assertions.Expect(details.Status).ToHaveTextAsync("草稿");
            foreach (var material in new[] { "制造业创新中心建设方案建议书", "营业执照或法人证书", "公司章程", "出资协议", "经审计的财务报表", "知识产权清单" })
            {
                await details.UploadAsync(material, Pdf, material + ".pdf");
            }

            await details.ActAsync("提交申报");
            await Assertions.Expect(details.Status).ToHaveTextAsync("已提交");
        });

        var applicationId = await server.WithDbAsync(db => db.Applications.Where(a => a.CenterName == centerName).Select(a => a.Id).SingleAsync());
        await server.RunAsync(admin, nameof(An_application_walks_from_draft_to_approved_and_the_public_reads_its_notice) + "-admin", async () =>
        {
            await new LoginPage(admin).SignInAsync(AppServer.AdminEmail, AppServer.AdminPassword);
            await admin.GotoAsync($"/Applications/Details/{applicationId}");
            var details = new ApplicationDetailsPage(admin);
            await details.ActAsync("开始形式审查");
            await details.ActAsync("形式审查通过");
            await Assertions.Expect(details.Status).ToHaveTextAsync("专家评审");
            await details.OpenReviewAsync();
            await new ReviewSubjectAdminPage(admin).DrawAsync();
        });

        // One expert acts in the browser; the others accept, score, opine and inspect over the API.
        var subjectId = await server.WithDbAsync(db => db.ReviewSubjects.Where(s => s.ReferenceId == applicationId).Select(s => s.Id).SingleAsync());
        var seats = await server.WithDbAsync(db => (from m in db.PanelMembers
                                                     join p in db.ReviewPanels on m.PanelId equals p.Id
                                                     join e in db.Experts on m.ExpertId equals e.Id
                                                     where p.SubjectId == subjectId
                                                     select new { m.Id, m.ExpertId, e.Name }).ToListAsync());
        var browserSeat = seats[0];
        var leaderSeat = seats[1];
        var api = await ApiClientsAsync(experts, seats.Select(s => s.Name));
        var adminApi = await BearerForAsync(AppServer.AdminEmail);
        (await adminApi.PutAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/panel/leader", new LeaderRequest(leaderSeat.Id))).EnsureSuccessStatusCode();
        foreach (var seat in seats.Skip(1))
        {
            (await api[seat.Name].PostAsync($"/api/v1/reviews/assignments/{seat.Id}/accept", null)).EnsureSuccessStatusCode();
            (await api[seat.Name].PostAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/scores", Scores(0.9m))).EnsureSuccessStatusCode();
        }

        await server.RunAsync(expertPage, nameof(An_application_walks_from_draft_to_approved_and_the_public_reads_its_notice) + "-expert", async () =>
        {
            await new LoginPage(expertPage).SignInAsync(experts[browserSeat.Name], Password);
            var mine = new ExpertReviewPages(expertPage);
            await mine.OpenMyReviewsAsync();
            await mine.AcceptAsync(centerName);
            await mine.OpenScoringAsync(centerName);
            await mine.ScoreAsync(
                new Dictionary<string, string>
                {
                    ["建设方案与目标定位"] = "13", ["技术基础与创新能力"] = "22", ["组建模式与治理结构"] = "13",
                    ["产业带动与辐射作用"] = "17", ["运营机制与可持续发展"] = "13", ["资金、人才与条件保障"] = "9",
                },
                "联合体结构合理，技术基础扎实。",
                "同意");
        });

        var leader = api[leaderSeat.Name];
        (await leader.PutAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/opinion", new OpinionRequest("专家组同意通过评审。", "Approve"))).EnsureSuccessStatusCode();
        (await leader.PutAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/inspection", new InspectionRequest
        {
            Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            Place = "天津市滨海新区",
            Participants = [new ParticipantRequest("Expert", leaderSeat.ExpertId, null, null), new ParticipantRequest("Staff", null, "赵立", "市工业和信息化局")],
            Findings = new[] { "legal-entity", "premises", "equipment", "staff", "capital", "collaboration", "materials" }
                .Select(c => new FindingRequest(c, "Met", null)).ToList(),
            Conclusion = "Pass",
        })).EnsureSuccessStatusCode();

        await server.RunAsync(admin, nameof(An_application_walks_from_draft_to_approved_and_the_public_reads_its_notice) + "-decision", async () =>
        {
            await admin.GotoAsync($"/Applications/Details/{applicationId}");
            var details = new ApplicationDetailsPage(admin);
            await details.ActAsync("完成专家评审");
            await details.ActAsync("完成现场考察");
            await details.ApproveAsync("2026-11-25", "审议〔2026〕30号");
            await Assertions.Expect(details.Status).ToHaveTextAsync("公示中");
        });

        await server.RunAsync(visitor, nameof(An_application_walks_from_draft_to_approved_and_the_public_reads_its_notice) + "-visitor", async () =>
        {
            var notice = new PublicNoticePage(visitor);
            await notice.OpenListAsync();
            await Assertions.Expect(notice.Row(centerName)).ToContainTextAsync("公示中");
            await notice.OpenAsync(centerName);
            await Assertions.Expect(notice.Heading).ToContainTextAsync(centerName);
            await Assertions.Expect(notice.ObjectionForm).ToBeVisibleAsync();
        });

        // The notice window ends; the closing job runs on a later day.
        using (var scope = server.Services.CreateScope())
        {
            var notices = scope.ServiceProvider.GetRequiredService<NoticeHandlers>();
            var ends = await server.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.NoticeEndsOn!.Value).SingleAsync());
            await notices.CloseDueNoticesAsync(ends.AddDays(1), CancellationToken.None);
        }

        await server.RunAsync(applicant, nameof(An_application_walks_from_draft_to_approved_and_the_public_reads_its_notice) + "-approved", async () =>
        {
            await applicant.GotoAsync($"/Applications/Details/{applicationId}");
            await Assertions.Expect(new ApplicationDetailsPage(applicant).Status).ToHaveTextAsync("已批复");
            await Assertions.Expect(applicant.GetByRole(AriaRole.Link, new() { Name = "下载批复（.docx）" })).ToBeVisibleAsync();
        });
        Assert.True(await server.WithDbAsync(db => db.Centers.AnyAsync(c => c.ApplicationId == applicationId)));
    }

    private static ScoreRequest Scores(decimal share) => new()
    {
        Points = new Dictionary<string, decimal?>
        {
            ["plan"] = decimal.Round(15 * share, 1), ["technology"] = decimal.Round(25 * share, 1), ["consortium"] = decimal.Round(15 * share, 1),
            ["industry"] = decimal.Round(20 * share, 1), ["operation"] = decimal.Round(15 * share, 1), ["resources"] = decimal.Round(10 * share, 1),
        },
        Comment = "同意。",
        Recommendation = "Approve",
    };

    /// <summary>The lead enterprise with an applicant user, and a registered university.</summary>
    private async Task<(Guid LeadId, string Email, string UniversityCode)> SeedApplicantAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var lead = Organization.Create(new OrganizationDetails(
            Uscc.Compose("91", "120116", "MA0" + Random.Shared.Next(10000, 99999)), "浏览器测试牵头企业" + Guid.NewGuid().ToString("N")[..4],
            OrganizationType.Enterprise, "Tianjin", "120116", null, null, null), now);
        var university = Organization.Create(new OrganizationDetails(
            Uscc.Compose("12", "120000", "4" + Random.Shared.Next(1000000, 9999999)), "浏览器测试大学" + Guid.NewGuid().ToString("N")[..4],
            OrganizationType.University, "Tianjin", "120104", null, null, null), now);
        db.Organizations.AddRange(lead, university);
        await db.SaveChangesAsync();
        var email = $"applicant-{Guid.NewGuid():N}@test.local";
        await CreateUserAsync(scope.ServiceProvider, email, "浏览器申报员", Roles.CenterUser, lead.Id);
        return (lead.Id, email, university.CreditCode);
    }

    /// <summary>Ten experts with sign-ins, two per domain, affiliated with organisations outside the consortium; name → e-mail.</summary>
    private async Task<Dictionary<string, string>> SeedPoolAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = new Dictionary<string, string>();
        var domains = new[] { "economics", "technology", "industry", "management", "law" };
        for (var i = 0; i < 10; i++)
        {
            var email = $"app-expert-{i}-{Guid.NewGuid():N}@test.local";
            var name = "申报评审专家" + i + Guid.NewGuid().ToString("N")[..3];
            var user = await CreateUserAsync(scope.ServiceProvider, email, name, Roles.Expert, null);
            var code = Uscc.Compose("12", "120000", "4" + Random.Shared.Next(1000000, 9999999)).Value;
            db.Experts.Add(Expert.Create(
                new ExpertProfile(user.Id, name, "教授", code, "外单位", null, [domains[i % 5]], ["high-end-equipment"], null, null, null, true, []),
                DateTimeOffset.UtcNow));
            result[name] = email;
        }

        await db.SaveChangesAsync();
        return result;
    }

    private static async Task<AppUser> CreateUserAsync(IServiceProvider sp, string email, string name, string role, Guid? org)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, IsActive = true,
            OrganizationId = org, CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        var inRole = await users.AddToRoleAsync(user, role);
        if (!created.Succeeded || !inRole.Succeeded)
        {
            throw new InvalidOperationException("Could not create " + email);
        }

        return user;
    }

    private async Task<Dictionary<string, HttpClient>> ApiClientsAsync(Dictionary<string, string> experts, IEnumerable<string> names)
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var name in names)
        {
            clients[name] = await BearerForAsync(experts[name]);
        }

        return clients;
    }

    /// <summary>An API client for a user, by a personal access token written straight into the database.</summary>
    private async Task<HttpClient> BearerForAsync(string email)
    {
        var secret = PersonalAccessToken.NewSecret();
        await server.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.PersonalAccessTokens.Add(new PersonalAccessToken
            {
                UserId = userId, Name = "e2e", TokenHash = PersonalAccessToken.HashOf(secret), Hint = secret[..8], CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
