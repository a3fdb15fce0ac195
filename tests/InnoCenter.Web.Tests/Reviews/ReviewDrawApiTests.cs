using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InnoCenter.Web.Tests.Reviews.ReviewTestData;

namespace InnoCenter.Web.Tests.Reviews;

/// <summary>Panel draws — quotas, sizes, the pool, verification — and the replacement after a declared conflict, over HTTP, once per database provider.</summary>
public abstract class ReviewDrawApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task A_draw_meets_the_quotas_leaves_out_conflicted_experts_and_verifies()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var lead = TestData.NewCreditCode();
        var member = TestData.NewCreditCode("12", "120000");
        var current = await factory.CreateExpertAsync(admin, Expert(["technology"], affiliation: lead));
        var recent = await factory.CreateExpertAsync(admin, Expert(["management"], past: [new AffiliationRequest(member, "成员单位", null, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1))]));
        var subject = await factory.SubjectAsync(admin, lead, member);

        var panel = await admin.DrawAsync(subject.Id);

        Assert.Equal(5, panel.Members.Count);
        Assert.DoesNotContain(panel.Members, m => m.ExpertId == current.Id || m.ExpertId == recent.Id);
        Assert.True(await QuotasMetAsync(panel.Members.Select(m => m.ExpertId)));
        var draw = Assert.Single(panel.Draws);
        Assert.Matches("^[0-9A-F]{16}$", draw.Seed);
        Assert.True(draw.ExcludedConflicted >= 2);
        Assert.True(draw.EligibleCount >= 10);
        var verified = await (await admin.PostAsync(S(subject.Id, $"/panel/draws/{draw.Id}/verify"), null)).Content.ReadFromJsonAsync<VerificationDto>(Json.Options);
        Assert.True(verified!.Matches);
        Assert.Equal(draw.DrawnNames, verified.Rerun);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(S(subject.Id, "/panel/draw"), new DrawRequest(null))).StatusCode);
    }

    [ProviderFact]
    public async Task A_draw_that_cannot_meet_a_quota_is_refused_naming_the_domain_and_nothing_is_written()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin, 1);
        // Every management expert of the pool works for a party of this subject.
        var managers = await factory.WithDbAsync(db => db.Experts.Where(e => e.Domains.Contains("management")).Select(e => e.AffiliationCreditCode).Distinct().ToListAsync());
        var subject = await factory.SubjectAsync(admin, [.. managers]);

        var response = await admin.PostAsJsonAsync(S(subject.Id, "/panel/draw"), new DrawRequest(null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("“管理”领域专家不足", problem.GetProperty("detail").GetString());
        Assert.Contains("reviews.draw.quota_short", problem.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.False(await factory.WithDbAsync(db => db.ReviewPanels.AnyAsync(p => p.SubjectId == subject.Id)));
    }

    [ProviderFact]
    public async Task A_panel_size_the_policy_forbids_is_refused_and_only_admins_draw()
    {
        var admin = await factory.ClientFor(Roles.Admin, culture: "en-US");
        await factory.PoolAsync(admin, 1);
        var subject = await factory.SubjectAsync(admin);
        var expert = await factory.ClientFor(Roles.Expert);
        var center = await factory.ClientFor(Roles.CenterUser);

        var even = await admin.PostAsJsonAsync(S(subject.Id, "/panel/draw"), new DrawRequest(4));
        var huge = await admin.PostAsJsonAsync(S(subject.Id, "/panel/draw"), new DrawRequest(99));

        Assert.Equal(HttpStatusCode.BadRequest, even.StatusCode);
        Assert.Contains("The panel size must be odd.", await even.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);

        var other = await factory.SubjectAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync(S(other.Id, "/panel/draw"), new DrawRequest(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await center.PostAsJsonAsync(S(other.Id, "/panel/draw"), new DrawRequest(null))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ReviewPanels.AnyAsync(p => p.SubjectId == other.Id)));
    }

    [ProviderFact]
    public async Task A_panel_larger_than_the_pool_can_fill_is_refused_and_nothing_is_drawn()
    {
        // A database of its own: the class's shared pool grows with every test, so only here is its size known (one per domain).
        await using var own = await OwnApp<TFactory>.StartAsync();
        var admin = await own.Factory.ClientFor(Roles.Admin, culture: "en-US");
        var pool = await own.Factory.PoolAsync(admin, 1);
        var subject = await own.Factory.SubjectAsync(admin);

        var tooBig = await admin.PostAsJsonAsync(S(subject.Id, "/panel/draw"), new DrawRequest(15));

        Assert.Equal(HttpStatusCode.Conflict, tooBig.StatusCode);
        var body = await tooBig.Content.ReadAsStringAsync();
        Assert.True(body.Contains("Not enough experts in", StringComparison.Ordinal) || body.Contains($"Only {pool.Count} experts can be drawn; 15 are needed.", StringComparison.Ordinal), body);
        Assert.False(await own.Factory.WithDbAsync(db => db.ReviewPanels.AnyAsync(p => p.SubjectId == subject.Id)));
    }

    [ProviderFact]
    public async Task A_declared_conflict_closes_the_subject_and_the_replacement_keeps_the_quotas()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var leaving = panel.Members[1];
        var client = ClientOf(leaving.ExpertId);

        var declared = await client.PostAsJsonAsync(S(subject.Id, "/conflicts/declarations"), new DeclarationRequest(null, "与牵头单位有合作项目"));
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(S(subject.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/reviews/assignments/{leaving.Id}/accept", null)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(S(subject.Id, $"/panel/members/{leaving.Id}/replace"), new ReasonRequest(null))).StatusCode);
        var replaced = await admin.PostAsJsonAsync(S(subject.Id, $"/panel/members/{leaving.Id}/replace"), new ReasonRequest("申报回避"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = (await replaced.Content.ReadFromJsonAsync<PanelDto>(Json.Options))!;
        var active = after.Members.Where(m => m.Status is "Invited" or "Accepted").ToList();
        Assert.Equal(5, active.Count);
        Assert.DoesNotContain(active, m => m.ExpertId == leaving.ExpertId);
        Assert.Equal("Removed", after.Members.Single(m => m.Id == leaving.Id).Status);
        Assert.True(await QuotasMetAsync(active.Select(m => m.ExpertId)));
        Assert.Equal(2, after.Draws.Count);
        foreach (var d in after.Draws)
        {
            Assert.True((await (await admin.PostAsync(S(subject.Id, $"/panel/draws/{d.Id}/verify"), null)).Content.ReadFromJsonAsync<VerificationDto>(Json.Options))!.Matches);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync(S(subject.Id, $"/panel/members/{leaving.Id}/replace"), new ReasonRequest("再次"))).StatusCode);
    }

    [ProviderFact]
    public async Task Draws_from_an_unchanged_pool_share_one_stored_pool_version_and_a_changed_pool_gets_a_new_one()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var lead = TestData.NewCreditCode();
        await factory.CreateExpertAsync(admin, Expert(["technology"], affiliation: lead));
        var first = await factory.SubjectAsync(admin, lead);
        var second = await factory.SubjectAsync(admin);

        var a = Assert.Single((await admin.DrawAsync(first.Id)).Draws);
        var b = Assert.Single((await admin.DrawAsync(second.Id)).Draws);
        await factory.CreateExpertAsync(admin, Expert(["law"]));
        var third = await factory.SubjectAsync(admin);
        var c = Assert.Single((await admin.DrawAsync(third.Id)).Draws);

        var pools = await factory.WithDbAsync(db => db.Set<PanelDrawRecord>().AsNoTracking()
            .Where(d => d.Id == a.Id || d.Id == b.Id || d.Id == c.Id).ToDictionaryAsync(d => d.Id, d => d.PoolSnapshotId));
        Assert.Equal(pools[a.Id], pools[b.Id]);
        Assert.NotEqual(pools[a.Id], pools[c.Id]);
        var stored = await factory.WithDbAsync(db => db.ExpertPoolSnapshots.AsNoTracking()
            .Where(s => s.Id == pools[a.Id] || s.Id == pools[c.Id]).Select(s => new { s.Id, s.Sha256, s.ExpertCount }).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored.Single(s => s.Id == pools[a.Id]).ExpertCount + 1, stored.Single(s => s.Id == pools[c.Id]).ExpertCount);
        // The first subject's conflicted expert is in the shared pool version but not in its draw: the exclusion is the draw's own.
        Assert.True(a.ExcludedConflicted >= 1);
        Assert.NotEqual(a.SnapshotSha256, b.SnapshotSha256);
    }

    [ProviderFact]
    public async Task A_draw_still_re_runs_to_the_same_panel_after_its_experts_have_changed()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var draw = Assert.Single(panel.Draws);

        // A drawn expert moves domain and is made inactive, and the pool grows: today's pool would draw differently.
        var moved = (await admin.GetFromJsonAsync<ExpertDto>($"/api/v1/experts/{panel.Members[0].ExpertId}", Json.Options))!;
        var update = await admin.PutAsJsonAsync($"/api/v1/experts/{moved.Id}", new ExpertRequest
        {
            Name = moved.Name, Title = moved.Title, AffiliationCreditCode = moved.AffiliationCreditCode, AffiliationName = moved.AffiliationName,
            AffiliatedSince = moved.AffiliatedSince, Domains = moved.Domains.Contains("law") ? ["economics"] : ["law"], KeyAreas = moved.KeyAreas,
            Expertise = moved.Expertise, Phone = moved.Phone, Email = moved.Email, IsActive = false, Version = moved.Version,
            PastAffiliations = moved.PastAffiliations.Select(p => new AffiliationRequest(p.CreditCode, p.OrganizationName, p.StartedOn, p.EndedOn)).ToList(),
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await factory.CreateExpertAsync(admin, Expert(["industry"]));

        var verified = await (await admin.PostAsync(S(subject.Id, $"/panel/draws/{draw.Id}/verify"), null)).Content.ReadFromJsonAsync<VerificationDto>(Json.Options);

        Assert.True(verified!.Matches);
        Assert.True(verified.SnapshotIntact);
        Assert.Equal(draw.DrawnNames, verified.Rerun);
    }

    private Task<bool> QuotasMetAsync(IEnumerable<Guid> expertIds)
    {
        var ids = expertIds.ToList();
        return factory.WithDbAsync(async db =>
        {
            var experts = await db.Experts.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Domains }).ToListAsync();
            var quotas = new InnoCenter.Domain.Policy.DomainQuota[]
            {
                new() { Domains = ["technology"], Min = 1 }, new() { Domains = ["industry"], Min = 1 },
                new() { Domains = ["management"], Min = 1 }, new() { Domains = ["economics", "law"], Min = 1 },
            };
            return PanelDrawing.QuotasMet(experts.Select(e => new PoolEntry(e.Id, e.Domains, false)).ToList(), quotas);
        });
    }
}

public sealed class SqliteReviewDrawApiTests(SqliteAppFactory factory) : ReviewDrawApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresReviewDrawApiTests(PostgresAppFactory factory) : ReviewDrawApiTests<PostgresAppFactory>(factory);
