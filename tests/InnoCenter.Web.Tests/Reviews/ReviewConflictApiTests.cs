using System.Net;
using System.Net.Http.Json;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InnoCenter.Web.Tests.Reviews.ReviewTestData;

namespace InnoCenter.Web.Tests.Reviews;

/// <summary>Conflicts of interest — found by credit code, dismissed, declared, judged for the assignment list — and who may open a subject, once per database provider.</summary>
public abstract class ReviewConflictApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task Conflicts_are_found_by_credit_code_within_the_window_and_an_admin_dismisses_one_with_a_reason()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var lead = TestData.NewCreditCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = await factory.CreateExpertAsync(admin, Expert(["law"], affiliation: lead));
        var recent = await factory.CreateExpertAsync(admin, Expert(["law"], past: [new AffiliationRequest(lead, "牵头单位", null, today.AddYears(-2))]));
        var old = await factory.CreateExpertAsync(admin, Expert(["law"], past: [new AffiliationRequest(lead, "牵头单位", null, today.AddYears(-5))]));
        var subject = await factory.SubjectAsync(admin, lead);

        var conflicts = (await admin.GetFromJsonAsync<List<ConflictDto>>(S(subject.Id, "/conflicts"), Json.Options))!;

        Assert.True(conflicts.Single(c => c.ExpertId == now.Id).InConflict);
        Assert.Equal("PastAffiliation", conflicts.Single(c => c.ExpertId == recent.Id).Findings.Single().Kind);
        Assert.DoesNotContain(conflicts, c => c.ExpertId == old.Id);

        var noReason = await admin.PostAsJsonAsync(S(subject.Id, "/conflicts/dismissals"), new DismissalRequest(now.Id, lead, " "));
        var byExpert = await ClientOf(now.Id).PostAsJsonAsync(S(subject.Id, "/conflicts/dismissals"), new DismissalRequest(now.Id, lead, "误报"));
        var dismissed = await admin.PostAsJsonAsync(S(subject.Id, "/conflicts/dismissals"), new DismissalRequest(now.Id, lead, "同名不同单位，已核实"));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byExpert.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var after = await admin.GetFromJsonAsync<List<ConflictDto>>(S(subject.Id, "/conflicts"), Json.Options);
        var cleared = after!.Single(c => c.ExpertId == now.Id);
        Assert.False(cleared.InConflict);
        Assert.Equal("同名不同单位，已核实", cleared.Findings.Single().DismissalReason);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ConflictDismissal" && a.After!.Contains("同名不同单位"))));
    }

    [ProviderFact]
    public async Task The_assignment_list_judges_conflicts_for_all_subjects_at_once_as_the_single_rule_does()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var employer = TestData.NewCreditCode();
        var formerEmployer = TestData.NewCreditCode();
        var expert = await factory.CreateExpertAsync(admin, Expert(["law"], affiliation: employer,
            past: [new AffiliationRequest(formerEmployer, "旧单位", new DateOnly(2010, 1, 1), new DateOnly(2014, 12, 31))]));
        var subjects = new[]
        {
            await factory.SubjectAsync(admin, employer),
            await factory.SubjectAsync(admin, formerEmployer),
            await factory.SubjectAsync(admin, TestData.NewCreditCode()),
            await factory.SubjectAsync(admin, TestData.NewCreditCode()),
        };

        using var scope = factory.Services.CreateScope();
        var conflicts = scope.ServiceProvider.GetRequiredService<ConflictService>();
        var atOnce = await conflicts.SubjectsInConflictAsync(expert.Id, subjects.Select(s => s.Id).ToList(), CancellationToken.None);
        var oneByOne = new HashSet<Guid>();
        foreach (var s in subjects)
        {
            if (await conflicts.InConflictAsync(s.Id, expert.Id, CancellationToken.None))
            {
                oneByOne.Add(s.Id);
            }
        }

        Assert.Contains(subjects[0].Id, atOnce);
        Assert.DoesNotContain(subjects[2].Id, atOnce);
        Assert.Equal(oneByOne.Order(), atOnce.Order());
    }

    [ProviderFact]
    public async Task A_decline_needs_a_reason_and_a_conflicted_expert_cannot_be_assigned_by_hand()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var lead = TestData.NewCreditCode();
        var conflicted = await factory.CreateExpertAsync(admin, Expert(["technology", "industry", "management", "economics", "law"], affiliation: lead));
        var subject = await factory.SubjectAsync(admin, lead);
        var panel = await admin.DrawAsync(subject.Id);
        var decliner = panel.Members[0];
        var client = ClientOf(decliner.ExpertId);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/reviews/assignments/{decliner.Id}/decline", new ReasonRequest(""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/reviews/assignments/{decliner.Id}/decline", new ReasonRequest("时间冲突"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(S(subject.Id))).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.TitleZh.Contains(subject.Title) && n.TitleZh.Contains("谢绝"))));

        var byHand = await admin.PostAsJsonAsync(S(subject.Id, "/panel/members"), new AssignWithReason(conflicted.Id, decliner.Id, null));
        Assert.Equal(HttpStatusCode.Conflict, byHand.StatusCode);
        Assert.Contains("reviews.assign.conflict", await byHand.Content.ReadAsStringAsync());

        var domain = (await admin.GetFromJsonAsync<ExpertDto>($"/api/v1/experts/{decliner.ExpertId}", Json.Options))!.Domains[0];
        var substitute = await factory.CreateExpertAsync(admin, Expert([domain]));
        var assigned = await admin.PostAsJsonAsync(S(subject.Id, "/panel/members"), new AssignWithReason(substitute.Id, decliner.Id, null));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var after = (await assigned.Content.ReadFromJsonAsync<PanelDto>(Json.Options))!;
        Assert.Equal("Manual", after.Members.Single(m => m.ExpertId == substitute.Id).Source);
        Assert.Equal(0, after.Vacancies);
    }

    [ProviderFact]
    public async Task EnsureSubject_only_stages_changes_and_refreshes_the_parties_of_the_same_reference()
    {
        var reference = Guid.NewGuid();
        var first = TestData.NewCreditCode();
        var second = TestData.NewCreditCode();
        using var scope = factory.Services.CreateScope();
        var handlers = scope.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>();
        var db = scope.ServiceProvider.GetRequiredService<InnoCenter.Web.Data.AppDbContext>();

        var id = await handlers.EnsureSubjectAsync(ReviewSubjectKind.AnnualReport, reference, "年度报告", null, 2031, [first], CancellationToken.None);
        Assert.False(await factory.WithDbAsync(d => d.ReviewSubjects.AnyAsync(s => s.Id == id)));
        Assert.Equal(id, await handlers.EnsureSubjectAsync(ReviewSubjectKind.AnnualReport, reference, "年度报告", null, 2031, [first, second], CancellationToken.None));
        await db.SaveChangesAsync();
        Assert.Equal(id, await handlers.EnsureSubjectAsync(ReviewSubjectKind.AnnualReport, reference, "年度报告（修订）", "xinchuang", 2031, [second.ToLowerInvariant()], CancellationToken.None));
        await db.SaveChangesAsync();

        var stored = await factory.WithDbAsync(d => d.ReviewSubjects.Include(s => s.Parties).SingleAsync(s => s.Id == id));
        Assert.Equal("年度报告（修订）", stored.Title);
        Assert.Equal([second], stored.PartyCreditCodes);
        var status = await handlers.GetStatusAsync(ReviewSubjectKind.AnnualReport, reference, CancellationToken.None);
        Assert.Equal(new ReviewStatus(id, false, 0, 0, false, null, null, false, null), status);
        Assert.Null((await handlers.GetStatusAsync(ReviewSubjectKind.Application, reference, CancellationToken.None)).SubjectId);
        Assert.False(await handlers.CanExpertOpenAsync(Guid.NewGuid(), ReviewSubjectKind.AnnualReport, reference, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => handlers.EnsureSubjectAsync(ReviewSubjectKind.Application, Guid.NewGuid(), "x", null, 2031, ["not-a-code"], CancellationToken.None).GetAwaiter().GetResult());
    }

    [ProviderFact]
    public async Task CanExpertOpen_is_true_only_for_a_seated_expert_without_a_conflict()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var (seated, decliner) = (panel.Members[0], panel.Members[1]);
        await ClientOf(decliner.ExpertId).PostAsJsonAsync($"/api/v1/reviews/assignments/{decliner.Id}/decline", new ReasonRequest("出差"));
        var userOf = await factory.WithDbAsync(db => db.Experts.Where(e => e.Id == seated.ExpertId || e.Id == decliner.ExpertId).ToDictionaryAsync(e => e.Id, e => e.UserId!.Value));
        using var scope = factory.Services.CreateScope();
        var handlers = scope.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>();

        // Invited is not enough to open the materials (issue 12, item 7): the seat must be accepted.
        Assert.False(await handlers.CanExpertOpenAsync(userOf[seated.ExpertId], ReviewSubjectKind.Application, subject.ReferenceId, CancellationToken.None));
        (await ClientOf(seated.ExpertId).PostAsync($"/api/v1/reviews/assignments/{seated.Id}/accept", null)).EnsureSuccessStatusCode();
        using var fresh = factory.Services.CreateScope();
        handlers = fresh.ServiceProvider.GetRequiredService<ReviewSubjectHandlers>();
        Assert.True(await handlers.CanExpertOpenAsync(userOf[seated.ExpertId], ReviewSubjectKind.Application, subject.ReferenceId, CancellationToken.None));
        Assert.False(await handlers.CanExpertOpenAsync(userOf[decliner.ExpertId], ReviewSubjectKind.Application, subject.ReferenceId, CancellationToken.None));

        await admin.PostAsJsonAsync(S(subject.Id, "/conflicts/declarations"), new DeclarationRequest(seated.ExpertId, "管理员核实存在利益关系"));
        Assert.False(await handlers.CanExpertOpenAsync(userOf[seated.ExpertId], ReviewSubjectKind.Application, subject.ReferenceId, CancellationToken.None));
    }
}

public sealed class SqliteReviewConflictApiTests(SqliteAppFactory factory) : ReviewConflictApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresReviewConflictApiTests(PostgresAppFactory factory) : ReviewConflictApiTests<PostgresAppFactory>(factory);
