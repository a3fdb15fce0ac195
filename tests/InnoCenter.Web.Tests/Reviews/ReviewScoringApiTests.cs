using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static InnoCenter.Web.Tests.Reviews.ReviewTestData;

namespace InnoCenter.Web.Tests.Reviews;

/// <summary>Scoring, the panel opinion and the site inspection over HTTP, once per database provider.</summary>
public abstract class ReviewScoringApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory, new()
{
    [ProviderFact]
    public async Task An_experts_assignments_come_a_page_at_a_time_and_the_second_page_shows_the_rest()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        var expert = await factory.CreateExpertAsync(admin, Expert(["law"]));
        var me = ClientOf(expert.Id);
        var marker = "分页" + Guid.NewGuid().ToString("N")[..6];
        var seats = Paging.DefaultPageSize + 2;
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await factory.WithDbAsync(async db =>
        {
            // Seats straight in the tables: 22 draws through the API would test the draw, not the list.
            for (var i = 0; i < seats; i++)
            {
                var subject = ReviewSubject.Create(ReviewSubjectKind.Application, Guid.CreateVersion7(), $"{marker}-{i:00}", null, 2031, [], at);
                var panel = ReviewPanel.Create(subject.Id, 1, [], new ScoringForm(), new AggregationRules(), null, at);
                panel.AddMember(expert.Id, PanelMemberSource.Drawn, null, null, at.AddMinutes(i));
                db.ReviewSubjects.Add(subject);
                db.ReviewPanels.Add(panel);
            }

            return await db.SaveChangesAsync();
        });

        var first = (await me.GetFromJsonAsync<PagedResult<AssignmentDto>>("/api/v1/reviews/my", Json.Options))!;
        var second = (await me.GetFromJsonAsync<PagedResult<AssignmentDto>>("/api/v1/reviews/my?page=2", Json.Options))!;
        var firstPage = await me.GetStringAsync("/Reviews/My");
        var secondPage = await me.GetStringAsync("/Reviews/My?page=2");

        Assert.Equal(seats, first.Total);
        Assert.Equal(Paging.DefaultPageSize, first.Items.Count);
        // Newest first: the two seats offered first are the rest, on the second page, and on it only.
        Assert.Equal([$"{marker}-01", $"{marker}-00"], second.Items.Select(a => a.SubjectTitle));
        Assert.Equal(Enumerable.Range(0, seats).Select(i => $"{marker}-{i:00}").Order(), first.Items.Concat(second.Items).Select(a => a.SubjectTitle).Order());
        Assert.Contains($"{marker}-{seats - 1:00}", firstPage);
        Assert.DoesNotContain($"{marker}-00", firstPage);
        Assert.Contains($"{marker}-00", secondPage);
        Assert.Contains($"{marker}-01", secondPage);
        Assert.DoesNotContain($"{marker}-{seats - 1:00}", secondPage);

        // The Admin's view of the same expert pages the same way.
        var pooled = (await admin.GetFromJsonAsync<PagedResult<ExpertAssignmentDto>>($"/api/v1/experts/{expert.Id}/assignments?page=2", Json.Options))!;
        var adminPage = await admin.GetStringAsync($"/Experts/Details/{expert.Id}?page=2");
        Assert.Equal(seats, pooled.Total);
        Assert.Equal([$"{marker}-01", $"{marker}-00"], pooled.Items.Select(a => a.SubjectTitle));
        Assert.Contains($"{marker}-00", adminPage);
        Assert.DoesNotContain($"{marker}-{seats - 1:00}", adminPage);
    }

    [ProviderFact]
    public async Task An_expert_reads_only_subjects_they_sit_on_and_others_scores_only_after_submitting()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        // Joins the pool after the draw, so the random draw can never have seated them.
        var outsider = await factory.CreateExpertAsync(admin, Expert(["law"]));
        var me = ClientOf(panel.Members[0].ExpertId);
        var memberId = panel.Members[0].Id;
        var outsiderClient = ClientOf(outsider.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.GetAsync(S(subject.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.GetAsync(S(subject.Id, "/scores"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.PostAsync($"/api/v1/reviews/assignments/{memberId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync(S(subject.Id, "/panel"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync(S(subject.Id))).StatusCode);
        var mine = (await me.GetFromJsonAsync<PagedResult<AssignmentDto>>("/api/v1/reviews/my", Json.Options))!.Items;
        Assert.Equal(memberId, Assert.Single(mine, a => a.SubjectId == subject.Id).MemberId);
        Assert.DoesNotContain((await outsiderClient.GetFromJsonAsync<PagedResult<AssignmentDto>>("/api/v1/reviews/my", Json.Options))!.Items, a => a.SubjectId == subject.Id);

        Assert.Equal(HttpStatusCode.Conflict, (await me.PostAsJsonAsync(S(subject.Id, "/scores"), Scores(0.8m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsync($"/api/v1/reviews/assignments/{memberId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync(S(subject.Id, "/scores"))).StatusCode);

        var tooHigh = Scores(0.8m);
        tooHigh.Points!["plan"] = 15.5m;
        var refused = await me.PostAsJsonAsync(S(subject.Id, "/scores"), tooHigh);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("分值须在 0 到 15 之间。", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("points[plan]")[0].GetString());
        Assert.False(await factory.WithDbAsync(db => db.ScoreSheets.AnyAsync(s => s.PanelMemberId == memberId)));

        var submitted = await me.PostAsJsonAsync(S(subject.Id, "/scores"), Scores(0.8m));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var duplicate = await me.PostAsJsonAsync(S(subject.Id, "/scores"), Scores(0.5m));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ScoreSheets.CountAsync(s => s.PanelMemberId == memberId)));

        var anonymous = await me.GetFromJsonAsync<ScoresDto>(S(subject.Id, "/scores"), Json.Options);
        var row = Assert.Single(anonymous!.Rows);
        Assert.Null(row.ExpertId);
        Assert.Equal("评分 1", row.Label);
        Assert.Null(row.Outlier);
        Assert.DoesNotContain(panel.Members[0].ExpertName, await me.GetStringAsync(S(subject.Id, "/scores")));
        var matrix = await admin.GetFromJsonAsync<ScoresDto>(S(subject.Id, "/scores"), Json.Options);
        Assert.Equal(panel.Members[0].ExpertId, Assert.Single(matrix!.Rows).ExpertId);
        Assert.Equal(panel.Members[0].ExpertName, matrix.Rows[0].Label);
    }

    [ProviderFact]
    public async Task Five_scores_aggregate_by_trimmed_mean_flag_outliers_and_the_leader_writes_the_opinion()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        var leader = panel.Members[2];
        await admin.PutAsJsonAsync(S(subject.Id, "/panel/leader"), new LeaderRequest(leader.Id));
        decimal[] shares = [0.9m, 0.8m, 0.7m, 0.6m, 0.2m];
        for (var i = 0; i < 5; i++)
        {
            var client = ClientOf(panel.Members[i].ExpertId);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/reviews/assignments/{panel.Members[i].Id}/accept", null)).StatusCode);
            if (i == 4)
            {
                var early = await ClientOf(leader.ExpertId).PutAsJsonAsync(S(subject.Id, "/opinion"), new OpinionRequest("意见", "Approve"));
                Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
                Assert.Contains("4/5", await early.Content.ReadAsStringAsync());
            }

            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(S(subject.Id, "/scores"), Scores(shares[i], i == 4 ? "Reject" : "Approve"))).StatusCode);
        }

        var matrix = await admin.GetFromJsonAsync<ScoresDto>(S(subject.Id, "/scores"), Json.Options);
        Assert.True(matrix!.Aggregate.Trimmed);
        Assert.Equal(70m, matrix.Aggregate.Total);
        Assert.Equal(70m, matrix.Aggregate.MedianTotal);
        Assert.Equal(10.5m, matrix.Aggregate.Criteria["plan"]);
        Assert.Equal(new[] { 20m, 90m }, matrix.Rows.Where(r => r.Outlier == true).Select(r => r.Total).Order());

        var notLeader = await ClientOf(panel.Members[0].ExpertId).PutAsJsonAsync(S(subject.Id, "/opinion"), new OpinionRequest("意见", "Approve"));
        var opinion = await ClientOf(leader.ExpertId).PutAsJsonAsync(S(subject.Id, "/opinion"), new OpinionRequest("专家组同意该中心通过评审。", "ApproveWithConditions"));
        Assert.Equal(HttpStatusCode.Forbidden, notLeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opinion.StatusCode);

        var status = await admin.GetFromJsonAsync<ReviewStatus>($"/api/v1/reviews/status?kind=Application&referenceId={subject.ReferenceId}", Json.Options);
        Assert.Equal(new ReviewStatus(subject.Id, true, 5, 5, true, 70m, "ApproveWithConditions", false, null), status);
    }

    [ProviderFact]
    public async Task The_leader_records_the_site_inspection_with_a_photo_and_only_the_panel_reads_it()
    {
        var admin = await factory.ClientFor(Roles.Admin);
        await factory.PoolAsync(admin);
        var subject = await factory.SubjectAsync(admin);
        var panel = await admin.DrawAsync(subject.Id);
        // Joins the pool after the draw, so the random draw can never have seated them.
        var outsider = await factory.CreateExpertAsync(admin, Expert(["law"]));
        var leader = panel.Members[0];
        var other = panel.Members[1];
        await admin.PutAsJsonAsync(S(subject.Id, "/panel/leader"), new LeaderRequest(leader.Id));
        foreach (var m in new[] { leader, other })
        {
            await ClientOf(m.ExpertId).PostAsync($"/api/v1/reviews/assignments/{m.Id}/accept", null);
        }

        var checklist = new[] { "legal-entity", "premises", "equipment", "staff", "capital", "collaboration", "materials" };
        var request = new InspectionRequest
        {
            Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3),
            Place = "天津市滨海新区某产业园",
            Participants = [new ParticipantRequest("Expert", leader.ExpertId, null, null), new ParticipantRequest("Staff", null, "赵立", "市工业和信息化局")],
            Findings = checklist.Select(c => new FindingRequest(c, c == "capital" ? "PartlyMet" : "Met", null)).ToList(),
            Conclusion = "PassWithConditions",
            ConclusionNote = "出资须在三个月内全部到位",
        };

        var missing = await admin.PutAsJsonAsync(S(subject.Id, "/inspection"), request with { Findings = request.Findings!.Skip(1).ToList() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("法人登记与治理结构运行", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientOf(other.ExpertId).PutAsJsonAsync(S(subject.Id, "/inspection"), request)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ClientOf(leader.ExpertId).PutAsJsonAsync(S(subject.Id, "/inspection"), request with { ConclusionNote = null })).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.SiteInspections.AnyAsync(i => i.SubjectId == subject.Id)));

        var saved = await ClientOf(leader.ExpertId).PutAsJsonAsync(S(subject.Id, "/inspection"), request);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var record = (await saved.Content.ReadFromJsonAsync<InspectionDto>(Json.Options))!;
        Assert.Equal(7, record.Findings.Count);
        Assert.Equal(2, record.Participants.Count);

        var photo = new MultipartFormDataContent
        {
            { new StringContent("photo"), "kind" },
            { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]), "file", "现场.png" },
        };
        var uploaded = await ClientOf(leader.ExpertId).PostAsync(S(subject.Id, "/inspection/files"), photo);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var file = Assert.Single((await uploaded.Content.ReadFromJsonAsync<InspectionDto>(Json.Options))!.Files);

        Assert.Equal(HttpStatusCode.OK, (await ClientOf(other.ExpertId).GetAsync($"/api/v1/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClientOf(outsider.Id).GetAsync($"/api/v1/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClientOf(outsider.Id).GetAsync(S(subject.Id, "/inspection"))).StatusCode);

        var edited = await admin.PutAsJsonAsync(S(subject.Id, "/inspection"), request with { Conclusion = "Pass", ConclusionNote = null, Version = record.Version });
        var stale = await admin.PutAsJsonAsync(S(subject.Id, "/inspection"), request with { Version = record.Version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var status = await admin.GetFromJsonAsync<ReviewStatus>($"/api/v1/reviews/status?kind=Application&referenceId={subject.ReferenceId}", Json.Options);
        Assert.True(status!.SiteInspectionRecorded);
        Assert.Equal("Pass", status.SiteInspectionConclusion);
    }
}

public sealed class SqliteReviewScoringApiTests(SqliteAppFactory factory) : ReviewScoringApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresReviewScoringApiTests(PostgresAppFactory factory) : ReviewScoringApiTests<PostgresAppFactory>(factory);
