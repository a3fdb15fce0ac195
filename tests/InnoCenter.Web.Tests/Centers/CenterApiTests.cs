using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Centers;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnoCenter.Web.Tests.Centers;

/// <summary>Centers: founding, profile, status, membership over time and governance, once per database provider.</summary>
public abstract class CenterApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Founding_adds_the_center_without_saving_and_a_second_founding_of_the_application_is_refused()
    {
        var center = await factory.CreateCenterAsync();
        using var scope = factory.Services.CreateScope();
        var handlers = scope.ServiceProvider.GetRequiredService<CenterHandlers>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var again = await handlers.CreateFromApprovedApplicationAsync(
            new CenterFounding(center.ApplicationId, "重复", "high-end-equipment", center.Lead.Id, "x", "y", center.ApprovedOn,
                [new CenterFoundingMember(center.Lead.Id, MemberKind.Enterprise, 100m)]), CancellationToken.None);
        var fresh = await handlers.CreateFromApprovedApplicationAsync(
            new CenterFounding(Guid.NewGuid(), "未保存", "高端装备", center.Lead.Id, "x", "y", center.ApprovedOn,
                [new CenterFoundingMember(center.Lead.Id, MemberKind.Enterprise, 100m)]), CancellationToken.None);

        Assert.Equal(InnoCenter.Domain.Common.FailureKind.Conflict, again.Failure!.Kind);
        Assert.True(fresh.IsSuccess);
        Assert.Equal("high-end-equipment", fresh.Value.KeyArea);
        Assert.Equal(EntityState.Added, db.Entry(fresh.Value).State);
        Assert.False(await factory.WithDbAsync(d => d.Centers.AnyAsync(c => c.Id == fresh.Value.Id)));
        Assert.Equal(3, await factory.WithDbAsync(d => d.CenterMemberships.CountAsync(m => m.CenterId == center.Id)));
    }

    [ProviderFact]
    public async Task The_public_list_and_page_are_anonymous_and_show_no_equity()
    {
        var center = await factory.CreateCenterAsync();
        var anonymous = factory.AnonymousClient();

        var list = await anonymous.GetFromJsonAsync<PagedResult<CenterSummaryDto>>($"/api/v1/public/centers?pageSize=200", Json.Options);
        var page = await anonymous.GetAsync($"/api/v1/public/centers/{center.Id}");
        var html = await anonymous.GetStringAsync($"/Centers/Public/Details/{center.Id}");
        var listHtml = await anonymous.GetAsync("/Centers/Public");

        Assert.Contains(list!.Items, c => c.Id == center.Id);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("equity", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(center.Lead.Name, html);
        Assert.Contains("津工信科〔2025〕8号", html);
        Assert.Equal(HttpStatusCode.OK, listHtml.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/centers/{center.Id}")).StatusCode);
    }

    [ProviderFact]
    public async Task Each_role_sees_only_the_centers_it_acts_for()
    {
        var mine = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var centerUser = await factory.CenterUserAsync(mine);
        var memberUser = await factory.MemberUserAsync(mine.University);
        var expert = await factory.ClientFor(Roles.Expert);

        var centerList = await centerUser.GetFromJsonAsync<PagedResult<CenterSummaryDto>>("/api/v1/centers", Json.Options);
        var memberList = await memberUser.GetFromJsonAsync<PagedResult<CenterSummaryDto>>("/api/v1/centers", Json.Options);
        var expertList = await expert.GetFromJsonAsync<PagedResult<CenterSummaryDto>>("/api/v1/centers", Json.Options);
        var mineForCenter = await centerUser.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{mine.Id}", Json.Options);
        var mineForMember = await memberUser.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{mine.Id}", Json.Options);

        Assert.Equal(mine.Id, Assert.Single(centerList!.Items).Id);
        Assert.Equal(mine.Id, Assert.Single(memberList!.Items).Id);
        Assert.Empty(expertList!.Items);
        Assert.True(mineForCenter!.CanEdit);
        Assert.False(mineForMember!.CanEdit);
        Assert.Equal(HttpStatusCode.NotFound, (await centerUser.GetAsync($"/api/v1/centers/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberUser.GetAsync($"/api/v1/centers/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mine.Admin.GetAsync($"/api/v1/centers/{other.Id}")).StatusCode);
    }

    [ProviderFact]
    public async Task The_centers_user_completes_the_legal_entity_and_it_then_acts_for_the_center_too()
    {
        var center = await factory.CreateCenterAsync();
        var entity = await center.Admin.CreateOrganizationAsync(TestData.Organization(name: "中心法人" + Guid.NewGuid().ToString("N")[..6]));
        var centerUser = await factory.CenterUserAsync(center);
        var before = await centerUser.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{center.Id}", Json.Options);

        var saved = await centerUser.PutAsJsonAsync($"/api/v1/centers/{center.Id}/legal-entity", new LegalEntityRequest
        {
            Name = entity.Name, CreditCode = entity.CreditCode, RegisteredCapital = 30_000_000.50m, FoundedOn = center.ApprovedOn.AddMonths(-3), Version = before!.Version,
        });
        var entityUser = await factory.ClientFor(Roles.CenterUser, entity.Id);
        var memberUser = await factory.MemberUserAsync(center.University);
        var byMember = await memberUser.PutAsJsonAsync($"/api/v1/centers/{center.Id}/legal-entity", new LegalEntityRequest { Name = "x" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var dto = await saved.Content.ReadFromJsonAsync<CenterDto>(Json.Options);
        Assert.Equal(30_000_000.50m, dto!.LegalEntity.RegisteredCapital);
        Assert.Equal(entity.Id, dto.LegalEntity.OrganizationId);
        Assert.True((await entityUser.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{center.Id}", Json.Options))!.CanEdit);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
    }

    [ProviderFact]
    public async Task A_legal_entity_with_a_bad_code_a_negative_capital_or_a_late_founding_is_refused_field_by_field()
    {
        var center = await factory.CreateCenterAsync();
        var centerUser = await factory.CenterUserAsync(center, "en-US");
        var before = await centerUser.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{center.Id}", Json.Options);

        var bad = await centerUser.PutAsJsonAsync($"/api/v1/centers/{center.Id}/legal-entity", new LegalEntityRequest
        {
            Name = "x", CreditCode = "91440300708461136X", RegisteredCapital = -1m, FoundedOn = center.ApprovedOn, Version = before!.Version,
        });
        var late = await centerUser.PutAsJsonAsync($"/api/v1/centers/{center.Id}/legal-entity", new LegalEntityRequest
        {
            Name = "x", CreditCode = "91440300708461136T", RegisteredCapital = 1m, FoundedOn = center.ApprovedOn.AddDays(1), Version = before.Version,
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("creditCode", out _));
        Assert.Equal("The amount cannot be negative.", errors.GetProperty("registeredCapital")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("cannot be founded after the approval", await late.Content.ReadAsStringAsync());
        Assert.Null((await centerUser.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{center.Id}", Json.Options))!.LegalEntity.CreditCode);
    }

    [ProviderFact]
    public async Task Only_an_admin_changes_the_status_along_allowed_paths_and_every_change_is_recorded_and_audited()
    {
        var center = await factory.CreateCenterAsync();
        var centerUser = await factory.CenterUserAsync(center);
        var dto = await center.Admin.GetFromJsonAsync<CenterDto>($"/api/v1/centers/{center.Id}", Json.Options);
        var request = new StatusChangeRequest
        {
            To = "UnderRectification", Reference = "津工信科〔2026〕12号", Reason = "年度考核不合格，限期整改", EffectiveOn = CenterTestData.Today, Version = dto!.Version,
        };

        var byCenter = await centerUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/status", request);
        var changed = await center.Admin.PostAsJsonAsync($"/api/v1/centers/{center.Id}/status", request);
        var after = await changed.Content.ReadFromJsonAsync<CenterDto>(Json.Options);
        var illegal = await center.Admin.PostAsJsonAsync($"/api/v1/centers/{center.Id}/status", request with { To = "National", Version = after!.Version });
        var history = await centerUser.GetFromJsonAsync<List<StatusChangeDto>>($"/api/v1/centers/{center.Id}/status-history", Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, byCenter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("UnderRectification", after.Status);
        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        var entry = Assert.Single(history!);
        Assert.Equal("津工信科〔2026〕12号", entry.Reference);
        Assert.Equal("Decision", entry.Basis);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "CenterStatusChange" && a.Action == "Insert")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Center" && a.EntityId == center.Id.ToString() && a.Action == "Update")));
    }

    [ProviderFact]
    public async Task A_membership_change_keeps_history_and_totals_and_the_composition_counts_the_regions_over_time()
    {
        var center = await factory.CreateCenterAsync();
        var hebei = await center.Admin.CreateOrganizationAsync(TestData.Organization(name: "河北企业" + Guid.NewGuid().ToString("N")[..6], region: "Hebei"));
        var centerUser = await factory.CenterUserAsync(center);
        var on = center.InLastYear(3, 1);

        var response = await centerUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/members/changes", new MembershipChangeRequest
        {
            EffectiveOn = on,
            Steps =
            [
                new MembershipStepRequest { Action = "Join", CreditCode = hebei.CreditCode, EquitySharePercent = 10m },
                new MembershipStepRequest { Action = "Share", CreditCode = center.Lead.CreditCode, EquitySharePercent = 50m },
            ],
        });
        var composition = await centerUser.GetFromJsonAsync<List<CompositionPointDto>>($"/api/v1/centers/{center.Id}/members/composition", Json.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var periods = await response.Content.ReadFromJsonAsync<List<CenterMemberDto>>(Json.Options);
        Assert.Equal(5, periods!.Count);
        Assert.Equal(on, periods.Single(p => p.OrganizationId == center.Lead.Id && p.LeftOn is not null).LeftOn);
        Assert.Equal(["Enterprise", "Enterprise"], periods.Where(p => p.JoinedOn == on).Select(p => p.Kind));
        Assert.Equal(2, composition!.Count);
        Assert.Equal(3, composition[0].Total);
        Assert.Equal(0, composition[0].ByRegion["Hebei"]);
        Assert.Equal(4, composition[1].Total);
        Assert.Equal(1, composition[1].ByRegion["Hebei"]);
        Assert.Equal(1, composition[1].ByRegion["Beijing"]);
        Assert.All(composition, p => Assert.Equal(100m, p.EquityTotal));
    }

    [ProviderFact]
    public async Task A_membership_change_that_breaks_the_100_percent_or_names_an_unknown_organisation_is_refused_and_nothing_is_written()
    {
        var center = await factory.CreateCenterAsync();
        var centerUser = await factory.CenterUserAsync(center, "en-US");
        var memberUser = await factory.MemberUserAsync(center.University);
        var on = center.InLastYear(3, 1);

        var shortfall = await centerUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/members/changes", new MembershipChangeRequest
        {
            EffectiveOn = on, Steps = [new MembershipStepRequest { Action = "Leave", CreditCode = center.Institute.CreditCode }],
        });
        var unknown = await centerUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/members/changes", new MembershipChangeRequest
        {
            EffectiveOn = on, Steps = [new MembershipStepRequest { Action = "Join", CreditCode = TestData.NewCreditCode() }],
        });
        var byMember = await memberUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/members/changes", new MembershipChangeRequest
        {
            EffectiveOn = on, Steps = [new MembershipStepRequest { Action = "Share", CreditCode = center.Lead.CreditCode, EquitySharePercent = 60m }],
        });

        Assert.Equal(HttpStatusCode.BadRequest, shortfall.StatusCode);
        Assert.Contains($"From {on:yyyy-MM-dd} the members' equity totals 85", await shortfall.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("is registered", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.CenterMemberships.CountAsync(m => m.CenterId == center.Id && m.LeftOn == null)));
    }

    [ProviderFact]
    public async Task The_decision_body_warns_until_it_has_an_independent_member()
    {
        var center = await factory.CreateCenterAsync();
        var centerUser = await factory.CenterUserAsync(center);
        var since = center.InLastYear(1, 1);

        var rep = await centerUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/governance/seats", new SeatRequest
        {
            Body = "DecisionBody", Kind = "MemberRepresentative", PersonName = "李海燕", Position = "理事长", RepresentedCreditCode = center.Lead.CreditCode, Since = since,
        });
        var withRep = await rep.Content.ReadFromJsonAsync<GovernanceDto>(Json.Options);
        var wrongBody = await centerUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/governance/seats", new SeatRequest
        {
            Body = "AdvisoryCommittee", Kind = "IndependentScientist", PersonName = "x", Since = since,
        });
        var independent = await centerUser.PostAsJsonAsync($"/api/v1/centers/{center.Id}/governance/seats", new SeatRequest
        {
            Body = "DecisionBody", Kind = "IndependentScientist", PersonName = "陈院士", Affiliation = "中国工程院", Since = since,
        });
        var withIndependent = await independent.Content.ReadFromJsonAsync<GovernanceDto>(Json.Options);
        var html = await centerUser.GetStringAsync($"/Centers/Governance/{center.Id}");

        Assert.Equal(HttpStatusCode.OK, rep.StatusCode);
        Assert.True(withRep!.DecisionBodyLacksIndependent);
        Assert.Equal(HttpStatusCode.BadRequest, wrongBody.StatusCode);
        Assert.False(withIndependent!.DecisionBodyLacksIndependent);
        Assert.Equal(2, withIndependent.DecisionBody.Count);
        Assert.DoesNotContain("决策机构中没有具有独立身份", html);
        Assert.Contains("陈院士", html);
    }

    [ProviderFact]
    public async Task The_ledger_pickers_offer_every_center_the_user_reads_and_no_other()
    {
        var own = await factory.CreateCenterAsync();
        var other = await factory.CreateCenterAsync();
        var admin = await own.Admin.GetStringAsync("/Ledger");
        var centerUser = await (await factory.CenterUserAsync(own)).GetStringAsync($"/Ledger/Statement?centerId={own.Id}");
        var allForAdmin = await factory.WithDbAsync(db => db.Centers.CountAsync());

        Assert.Contains($"value=\"{own.Id}\"", admin);
        Assert.Contains($"value=\"{other.Id}\"", admin);
        Assert.Equal(allForAdmin, System.Text.RegularExpressions.Regex.Matches(admin, "<option value=\"[0-9a-f-]{36}\"").Count);
        Assert.DoesNotContain(other.Id.ToString(), centerUser);
    }

    [ProviderFact]
    public async Task The_center_pages_render_for_their_users()
    {
        var center = await factory.CreateCenterAsync();
        var centerUser = await factory.CenterUserAsync(center);

        foreach (var path in new[] { "/Centers", $"/Centers/Details/{center.Id}", $"/Centers/Members/{center.Id}", $"/Centers/Governance/{center.Id}", $"/Centers/LegalEntity/{center.Id}" })
        {
            var response = await centerUser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await center.Admin.GetAsync($"/Centers/Status/{center.Id}")).StatusCode);
        Assert.Contains(center.University.Name, await centerUser.GetStringAsync($"/Centers/Members/{center.Id}"));
    }
}

public sealed class SqliteCenterApiTests(SqliteAppFactory factory) : CenterApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresCenterApiTests(PostgresAppFactory factory) : CenterApiTests<PostgresAppFactory>(factory);
