using System.Net;
using System.Net.Http.Json;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Applications;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InnoCenter.Web.Tests.Reviews.ReviewTestData;

namespace InnoCenter.Web.Tests.Experts;

/// <summary>
/// What an expert on an application's panel may read (issue 12, item 7), and who writes an application's review parties
/// (issue 12, item 1).
/// </summary>
public abstract class ExpertConfidentialityTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task An_invited_expert_sees_title_and_consortium_but_not_the_application_or_its_materials()
    {
        var (flow, applicationId, subject) = await UnderReviewAsync();
        await factory.PoolAsync(flow.Admin);
        var panel = await flow.Admin.DrawAsync(subject.Id);
        var (seat, declined) = (panel.Members[0], panel.Members[1]);
        var expert = ClientOf(seat.ExpertId);
        var file = (await flow.ReadAsync(applicationId)).Materials.SelectMany(m => m.Versions).First();

        var seen = await expert.GetAsync($"/api/v1/reviews/subjects/{subject.Id}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var dto = (await seen.Content.ReadFromJsonAsync<SubjectDto>(Json.Options))!;
        Assert.Equal(subject.Title, dto.Title);
        Assert.Contains(dto.Parties, p => p.CreditCode == flow.University.CreditCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/v1/applications/{applicationId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/files/{file.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/reviews/subjects/{subject.Id}/inspection")).StatusCode);

        (await expert.PostAsync($"/api/v1/reviews/assignments/{seat.Id}/accept", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/applications/{applicationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/reviews/subjects/{subject.Id}/inspection")).StatusCode);

        var decliner = ClientOf(declined.ExpertId);
        (await decliner.PostAsJsonAsync($"/api/v1/reviews/assignments/{declined.Id}/decline", new ReasonRequest("时间冲突"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await decliner.GetAsync($"/api/v1/reviews/subjects/{subject.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await decliner.GetAsync($"/api/v1/applications/{applicationId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await decliner.GetAsync($"/api/v1/files/{file.Id}")).StatusCode);
    }

    [ProviderFact]
    public async Task The_subject_page_offers_the_materials_only_after_accepting()
    {
        var (flow, applicationId, subject) = await UnderReviewAsync();
        await factory.PoolAsync(flow.Admin);
        var seat = (await flow.Admin.DrawAsync(subject.Id)).Members[0];
        var expert = ClientOf(seat.ExpertId);

        var invited = await (await expert.GetAsync($"/Reviews/Subject/{subject.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"/Applications/Details/{applicationId}", invited);
        Assert.Contains(flow.University.Name, invited);

        (await expert.PostAsync($"/api/v1/reviews/assignments/{seat.Id}/accept", null)).EnsureSuccessStatusCode();
        var accepted = await (await expert.GetAsync($"/Reviews/Subject/{subject.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"/Applications/Details/{applicationId}", accepted);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/Applications/Details/{applicationId}")).StatusCode);
    }

    [ProviderFact]
    public async Task An_Admin_cannot_rewrite_an_application_subjects_parties_and_lift_a_conflict()
    {
        var (flow, applicationId, subject) = await UnderReviewAsync();
        var employed = await factory.CreateExpertAsync(flow.Admin, Expert(["technology"], affiliation: flow.University.CreditCode));
        Assert.True(await InConflictAsync(flow.Admin, subject.Id, employed.Id));

        var rewrite = await flow.Admin.PostAsJsonAsync("/api/v1/reviews/subjects", new SubjectRequest
        {
            Kind = "Application", ReferenceId = applicationId, Title = "改写的标题", KeyArea = "new-materials", Year = 2030,
            PartyCreditCodes = [TestData.NewCreditCode()],
        });

        Assert.Equal(HttpStatusCode.Conflict, rewrite.StatusCode);
        Assert.True(await InConflictAsync(flow.Admin, subject.Id, employed.Id));
        var stored = (await flow.Admin.GetFromJsonAsync<SubjectDto>($"/api/v1/reviews/subjects/{subject.Id}", Json.Options))!;
        Assert.Equal(subject.Title, stored.Title);
        Assert.Equal(subject.Parties.Select(p => p.CreditCode).Order(), stored.Parties.Select(p => p.CreditCode).Order());
    }

    [ProviderFact]
    public async Task A_subject_registered_for_an_application_takes_its_parties_from_the_consortium()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var applicationId = await flow.SubmittedAsync();
        var request = new SubjectRequest { Kind = "Application", ReferenceId = applicationId, Year = 2030 };

        var withParties = await flow.Admin.PostAsJsonAsync("/api/v1/reviews/subjects", request with { PartyCreditCodes = [TestData.NewCreditCode()] });
        Assert.Equal(HttpStatusCode.BadRequest, withParties.StatusCode);
        var unknown = await flow.Admin.PostAsJsonAsync("/api/v1/reviews/subjects", request with { ReferenceId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var created = await flow.Admin.PostAsJsonAsync("/api/v1/reviews/subjects", request);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var subject = (await created.Content.ReadFromJsonAsync<SubjectDto>(Json.Options))!;
        var consortium = (await flow.ReadAsync(applicationId)).Members.Select(m => m.CreditCode).Append(flow.Lead.CreditCode).Distinct().Order();
        Assert.Equal(consortium, subject.Parties.Select(p => p.CreditCode).Order());
        Assert.Equal(HttpStatusCode.Conflict, (await flow.Admin.PostAsJsonAsync("/api/v1/reviews/subjects", request)).StatusCode);
    }

    private async Task<(ApplicationFlow Flow, Guid ApplicationId, SubjectDto Subject)> UnderReviewAsync()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();
        (await flow.ActAsync(flow.Admin, id, "begin-formal-check")).EnsureSuccessStatusCode();
        (await flow.ActAsync(flow.Admin, id, "pass-formal-check")).EnsureSuccessStatusCode();
        var subjectId = await factory.WithDbAsync(db => db.ReviewSubjects.Where(s => s.ReferenceId == id).Select(s => s.Id).SingleAsync());
        var subject = (await flow.Admin.GetFromJsonAsync<SubjectDto>($"/api/v1/reviews/subjects/{subjectId}", Json.Options))!;
        return (flow, id, subject);
    }

    private static async Task<bool> InConflictAsync(HttpClient admin, Guid subjectId, Guid expertId) =>
        (await admin.GetFromJsonAsync<List<ConflictDto>>($"/api/v1/reviews/subjects/{subjectId}/conflicts", Json.Options))!
        .Any(c => c.ExpertId == expertId && c.InConflict);
}

public sealed class SqliteExpertConfidentialityTests(SqliteAppFactory factory) : ExpertConfidentialityTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresExpertConfidentialityTests(PostgresAppFactory factory) : ExpertConfidentialityTests<PostgresAppFactory>(factory);
