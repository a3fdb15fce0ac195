using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InnoCenter.Web.Tests.Reviews.ReviewTestData;

namespace InnoCenter.Web.Tests.Experts;

/// <summary>The expert's own profile, conflicts declared before any draw, and employer changes an Admin confirms (issue 11).</summary>
public abstract class ExpertProfileApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static string S(Guid subjectId, string rest = "") => $"/api/v1/reviews/subjects/{subjectId}{rest}";

    [ProviderFact]
    public async Task A_conflict_declared_before_any_draw_keeps_the_expert_off_and_cannot_be_dismissed()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var organisation = TestData.NewCreditCode();
        var expert = await factory.CreateExpertAsync(admin, Expert(["technology"]));
        var me = ClientOf(expert.Id);

        var declared = await me.PostAsJsonAsync("/api/v1/experts/me/conflicts", new StandingConflictRequest(organisation, "亲属任职单位", "配偶在该单位任职"));
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await me.PostAsJsonAsync("/api/v1/experts/me/conflicts", new StandingConflictRequest(organisation, "亲属任职单位", "再次申报"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await me.PostAsJsonAsync("/api/v1/experts/me/conflicts", new StandingConflictRequest("not-a-code", "x", "y"))).StatusCode);

        // Subjects made after the declaration, with the organisation among their parties, never get this expert.
        var subject = await factory.SubjectAsync(admin, TestData.NewCreditCode(), organisation);
        var conflicts = (await admin.GetFromJsonAsync<List<ConflictDto>>(S(subject.Id, "/conflicts"), Json.Options))!;
        var mine = Assert.Single(conflicts, c => c.ExpertId == expert.Id);
        Assert.True(mine.InConflict);
        Assert.True(mine.Declared);
        var panel = await admin.DrawAsync(subject.Id);
        Assert.DoesNotContain(panel.Members, m => m.ExpertId == expert.Id);
        var assign = await admin.PostAsJsonAsync(S(subject.Id, "/panel/members"),
            new AssignWithReason(expert.Id, panel.Members[0].Id, "测试替换"));
        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        Assert.Contains("expertId", await assign.Content.ReadAsStringAsync());

        // Nothing to dismiss: a declaration is not a detected finding, and no endpoint withdraws it.
        var dismiss = await admin.PostAsJsonAsync(S(subject.Id, "/conflicts/dismissals"), new DismissalRequest(expert.Id, organisation, "误报"));
        Assert.Equal(HttpStatusCode.BadRequest, dismiss.StatusCode);
        Assert.True((await admin.GetFromJsonAsync<List<ConflictDto>>(S(subject.Id, "/conflicts"), Json.Options))!.Single(c => c.ExpertId == expert.Id).InConflict);
        var standing = (await admin.GetFromJsonAsync<List<StandingConflictDto>>($"/api/v1/experts/{expert.Id}/conflicts", Json.Options))!;
        Assert.Equal(organisation, Assert.Single(standing).CreditCode);

        // An unrelated subject is not touched.
        var other = await factory.SubjectAsync(admin, TestData.NewCreditCode());
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<ConflictDto>>(S(other.Id, "/conflicts"), Json.Options))!, c => c.ExpertId == expert.Id);
    }

    [ProviderFact]
    public async Task An_employer_change_has_no_effect_until_confirmed_and_leaves_a_drawn_panel_alone()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var newEmployer = TestData.NewCreditCode();
        var subject = await factory.SubjectAsync(admin, newEmployer);
        var panel = await admin.DrawAsync(subject.Id);
        var replaced = panel.Members[0];
        var domains = await factory.WithDbAsync(db => db.Experts.Where(e => e.Id == replaced.ExpertId).Select(e => e.Domains).SingleAsync());
        var expert = await factory.CreateExpertAsync(admin, Expert([.. domains]));
        var assigned = await admin.PostAsJsonAsync(S(subject.Id, "/panel/members"), new AssignWithReason(expert.Id, replaced.Id, "回避调整"));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var before = (await assigned.Content.ReadFromJsonAsync<PanelDto>(Json.Options))!;
        Assert.Contains(before.Members, m => m.ExpertId == expert.Id && !m.InConflict);
        var me = ClientOf(expert.Id);

        var asked = await me.PostAsJsonAsync("/api/v1/experts/me/affiliation-changes", new AffiliationChangeRequest
        {
            AffiliationCreditCode = newEmployer, AffiliationName = "新工作单位", AffiliatedSince = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
        });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var change = (await asked.Content.ReadFromJsonAsync<AffiliationChangeDto>(Json.Options))!;
        Assert.Equal(HttpStatusCode.Conflict, (await me.PostAsJsonAsync("/api/v1/experts/me/affiliation-changes", new AffiliationChangeRequest
        {
            AffiliationCreditCode = TestData.NewCreditCode(), AffiliationName = "另一单位",
        })).StatusCode);

        // Waiting: the record and the conflict rule still see the old employer.
        var profile = (await me.GetFromJsonAsync<OwnProfileDto>("/api/v1/experts/me/profile", Json.Options))!;
        Assert.Equal(expert.AffiliationCreditCode, profile.AffiliationCreditCode);
        Assert.Equal(change.Id, profile.PendingChange!.Id);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<ConflictDto>>(S(subject.Id, "/conflicts"), Json.Options))!, c => c.ExpertId == expert.Id);
        var pending = (await admin.GetFromJsonAsync<PagedResult<AffiliationChangeDto>>("/api/v1/experts/affiliation-changes?status=Pending&pageSize=100", Json.Options))!;
        Assert.Contains(pending.Items, c => c.Id == change.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.PostAsJsonAsync($"/api/v1/experts/affiliation-changes/{change.Id}/confirm", new ChangeDecisionRequest(null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/experts/affiliation-changes/{change.Id}/refuse", new ChangeDecisionRequest(" ", null))).StatusCode);

        var confirmed = await admin.PostAsJsonAsync($"/api/v1/experts/affiliation-changes/{change.Id}/confirm", new ChangeDecisionRequest("已核实", change.Version));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Experts.Include(e => e.PastAffiliations).SingleAsync(e => e.Id == expert.Id));
        Assert.Equal(newEmployer, stored.AffiliationCreditCode);
        Assert.Contains(stored.PastAffiliations, a => a.CreditCode == expert.AffiliationCreditCode);
        Assert.True((await admin.GetFromJsonAsync<List<ConflictDto>>(S(subject.Id, "/conflicts"), Json.Options))!.Single(c => c.ExpertId == expert.Id).InConflict);
        var after = (await admin.GetFromJsonAsync<PanelDto>(S(subject.Id, "/panel"), Json.Options))!;
        Assert.Equal(
            before.Members.Select(m => (m.Id, m.ExpertId, m.Status)).OrderBy(m => m.Id),
            after.Members.Select(m => (m.Id, m.ExpertId, m.Status)).OrderBy(m => m.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/experts/affiliation-changes/{change.Id}/refuse", new ChangeDecisionRequest("迟到的退回", null))).StatusCode);
    }

    [ProviderFact]
    public async Task An_expert_keeps_their_own_fields_and_an_unavailable_expert_is_not_assigned()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var replaced = panel.Members[0];
        var domains = await factory.WithDbAsync(db => db.Experts.Where(e => e.Id == replaced.ExpertId).Select(e => e.Domains).SingleAsync());
        var expert = await factory.CreateExpertAsync(admin, Expert([.. domains]));
        var me = ClientOf(expert.Id);
        var profile = (await me.GetFromJsonAsync<OwnProfileDto>("/api/v1/experts/me/profile", Json.Options))!;
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

        var saved = await me.PutAsJsonAsync("/api/v1/experts/me/profile", new OwnProfileRequest
        {
            Domains = domains, KeyAreas = ["new-materials"], Expertise = "增材制造", Phone = "13800000000", UnavailableUntil = until, Version = profile.Version,
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await saved.Content.ReadFromJsonAsync<OwnProfileDto>(Json.Options))!;
        Assert.Equal(until, after.UnavailableUntil);
        Assert.Equal(["new-materials"], after.KeyAreas);
        Assert.Equal(expert.AffiliationCreditCode, after.AffiliationCreditCode);
        Assert.Equal(HttpStatusCode.Conflict, (await me.PutAsJsonAsync("/api/v1/experts/me/profile", new OwnProfileRequest { Domains = domains, Version = profile.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PutAsJsonAsync("/api/v1/experts/me/profile", new OwnProfileRequest { Domains = ["astrology"], Version = after.Version })).StatusCode);
        var assign = await admin.PostAsJsonAsync(S(subject.Id, "/panel/members"), new AssignWithReason(expert.Id, replaced.Id, "替换"));
        Assert.Equal(HttpStatusCode.Conflict, assign.StatusCode);
        Assert.Contains("expertId", await assign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/experts/me/profile")).StatusCode);
    }
}

public sealed class SqliteExpertProfileApiTests(SqliteAppFactory factory) : ExpertProfileApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresExpertProfileApiTests(PostgresAppFactory factory) : ExpertProfileApiTests<PostgresAppFactory>(factory);
