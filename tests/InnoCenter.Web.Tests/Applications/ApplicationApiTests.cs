using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using InnoCenter.Domain.Applications;
using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Features.Notices;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Features.Reviews;
using InnoCenter.Web.Tests.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Tests.Applications;

public abstract class ApplicationApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    /// <summary>The whole path with nothing forced: formal check, a drawn panel that scores and opines, a site inspection, a decision, the notice, the center.</summary>
    [ProviderFact]
    public async Task One_application_goes_from_draft_to_approved_through_the_real_review_and_founds_its_center()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        await factory.PoolAsync(flow.Admin, keyAreas: ["high-end-equipment"]);
        var id = await flow.SubmittedAsync();
        (await flow.ActAsync(flow.Admin, id, "begin-formal-check")).EnsureSuccessStatusCode();
        (await flow.ActAsync(flow.Admin, id, "pass-formal-check")).EnsureSuccessStatusCode();
        var status = await flow.Admin.GetFromJsonAsync<ReviewStatus>($"/api/v1/reviews/status?kind=Application&referenceId={id}", Json.Options);
        var subjectId = status!.SubjectId!.Value;
        var panel = await flow.Admin.DrawAsync(subjectId);
        var leader = panel.Members[0];
        (await flow.Admin.PutAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/panel/leader", new LeaderRequest(leader.Id))).EnsureSuccessStatusCode();
        foreach (var m in panel.Members)
        {
            var expert = ReviewTestData.ClientOf(m.ExpertId);
            (await expert.PostAsync($"/api/v1/reviews/assignments/{m.Id}/accept", null)).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/v1/applications/{id}")).StatusCode);
            (await expert.PostAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/scores", ReviewTestData.Scores(0.85m))).EnsureSuccessStatusCode();
        }

        var tooEarly = await flow.ActAsync(flow.Admin, id, "complete-expert-review");
        var leaderClient = ReviewTestData.ClientOf(leader.ExpertId);
        (await leaderClient.PutAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/opinion", new OpinionRequest("专家组同意通过评审。", "Approve"))).EnsureSuccessStatusCode();
        (await flow.ActAsync(flow.Admin, id, "complete-expert-review")).EnsureSuccessStatusCode();
        var inspection = await leaderClient.PutAsJsonAsync($"/api/v1/reviews/subjects/{subjectId}/inspection", new InspectionRequest
        {
            Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            Place = "天津市滨海新区",
            Participants = [new ParticipantRequest("Expert", leader.ExpertId, null, null), new ParticipantRequest("Staff", null, "赵立", "市工业和信息化局")],
            Findings = new[] { "legal-entity", "premises", "equipment", "staff", "capital", "collaboration", "materials" }
                .Select(c => new FindingRequest(c, "Met", null)).ToList(),
            Conclusion = "Pass",
        });
        Assert.True(inspection.IsSuccessStatusCode, await inspection.Content.ReadAsStringAsync());
        (await flow.ActAsync(flow.Admin, id, "complete-site-inspection")).EnsureSuccessStatusCode();
        (await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = new DateOnly(2026, 11, 25), DecisionNumber = "审议〔2026〕20号" })).EnsureSuccessStatusCode();
        var noticeEnds = (await flow.ReadAsync(id)).NoticeEndsOn!.Value;
        await flow.CloseNoticesAsync(noticeEnds.AddDays(1));

        var approved = await flow.ReadAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal("Approved", approved.Summary.Status);
        Assert.Equal(
            ["Submit", "BeginFormalCheck", "PassFormalCheck", "CompleteExpertReview", "CompleteSiteInspection", "Approve", "CloseNotice"],
            approved.Timeline.Select(t => t.Action));
        var center = await factory.WithDbAsync(db => db.Centers.SingleAsync(c => c.ApplicationId == id));
        Assert.Equal(approved.PlaqueNumber, center.PlaqueNumber);
        Assert.Equal(3, await factory.WithDbAsync(db => db.CenterMemberships.CountAsync(m => m.CenterId == center.Id)));
    }

    [ProviderFact]
    public async Task An_applicant_drafts_with_a_new_member_registered_on_the_spot_and_sees_the_eligibility()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var request = flow.CompleteRequest();

        var id = await flow.CreateDraftAsync(request);
        var detail = await flow.ReadAsync(id, flow.Applicant);

        Assert.Equal("Draft", detail.Summary.Status);
        Assert.Equal(3, detail.Members.Count);
        Assert.True(detail.Summary.CrossRegion);
        Assert.Contains(detail.Members, m => m.Name == request.Members[1].Name && m.Region == "Beijing");
        Assert.True(await factory.WithDbAsync(db => db.Organizations.AnyAsync(o => o.CreditCode == request.Members[1].CreditCode)));
        Assert.Contains(detail.Eligibility, e => e.Code == "materials" && e.Outcome == "Fail");
        Assert.True(detail.EligibilityBlocks);
        Assert.Contains("submit", detail.AllowedActions);
    }

    [ProviderFact]
    public async Task Submitting_without_the_required_materials_is_refused_with_the_failing_rule()
    {
        var flow = await ApplicationFlow.StartAsync(factory, "en-US");
        var id = await flow.CreateDraftAsync();

        var response = await flow.ActAsync(flow.Applicant, id, "submit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("6 required material(s) missing.", problem.GetProperty("detail").GetString());
        Assert.Equal("Draft", (await flow.ReadAsync(id)).Summary.Status);
    }

    [ProviderFact]
    public async Task Shares_that_do_not_total_100_block_submission()
    {
        var flow = await ApplicationFlow.StartAsync(factory, "en-US");
        var id = await flow.CreateDraftAsync(flow.CompleteRequest() with { LeadEquitySharePercent = 50 });
        await flow.UploadRequiredMaterialsAsync(id);

        var response = await flow.ActAsync(flow.Applicant, id, "submit");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("they total 90 %", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [ProviderFact]
    public async Task The_formal_check_returns_with_a_reason_and_the_resubmission_keeps_the_history()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();

        Assert.Equal(HttpStatusCode.OK, (await flow.ActAsync(flow.Admin, id, "begin-formal-check")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await flow.ActAsync(flow.Admin, id, "return", new TransitionRequest())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await flow.ActAsync(flow.Admin, id, "return", new TransitionRequest { Reason = "出资协议未盖章" })).StatusCode);
        (await flow.Applicant.PutAsJsonAsync($"/api/v1/applications/{id}", flow.CompleteRequest("改正后的名称"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await flow.ActAsync(flow.Applicant, id, "submit")).StatusCode);

        var detail = await flow.ReadAsync(id);
        Assert.Equal("Submitted", detail.Summary.Status);
        Assert.Equal("改正后的名称", detail.Summary.CenterName);
        Assert.Contains(detail.Timeline, t => t.Action == "ReturnForRevision" && t.Reason == "出资协议未盖章");
        Assert.Equal(4, detail.Timeline.Count);
        var link = $"/Applications/Details/{id}";
        var returned = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Link == link && n.TitleZh.Contains("退回修改")));
        Assert.Equal(1, returned);
    }

    [ProviderFact]
    public async Task An_illegal_transition_is_a_409_naming_the_state_and_the_allowed_actions()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();

        var response = await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = new DateOnly(2026, 3, 1), DecisionNumber = "X-1" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("已提交", detail);
        Assert.Contains("开始形式审查", detail);
        Assert.Contains("退回修改", detail);
    }

    [ProviderFact]
    public async Task A_refused_step_names_the_possible_ones_in_the_callers_language_and_says_when_there_are_none()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var submitted = await flow.SubmittedAsync();
        var withdrawn = await flow.SubmittedAsync();
        await flow.ActAsync(flow.Applicant, withdrawn, "withdraw", new TransitionRequest { Reason = "调整方向" });
        var english = await factory.ClientFor(Roles.Admin, culture: "en-US");

        var some = await flow.ActAsync(english, submitted, "approve", new TransitionRequest { MeetingDate = new DateOnly(2026, 3, 1), DecisionNumber = "X-2" });
        var none = await flow.ActAsync(english, withdrawn, "begin-formal-check");

        var someDetail = (await some.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        var noneDetail = (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("Begin the formal check, Return for revision", someDetail);
        Assert.DoesNotContain("、", someDetail);
        Assert.Contains("Withdrawn", noneDetail);
        Assert.Contains("Nothing can be done", noneDetail);
        Assert.DoesNotContain("-.", noneDetail);
    }

    [ProviderFact]
    public async Task The_expert_review_cannot_end_without_the_panel_opinion()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();
        await flow.ActAsync(flow.Admin, id, "begin-formal-check");
        (await flow.ActAsync(flow.Admin, id, "pass-formal-check")).EnsureSuccessStatusCode();

        var response = await flow.ActAsync(flow.Admin, id, "complete-expert-review");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("ExpertReview", (await flow.ReadAsync(id)).Summary.Status);
    }

    [ProviderFact]
    public async Task Deliberation_cannot_start_without_the_site_inspection_record()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(id, ApplicationStatus.SiteInspection);

        var response = await flow.ActAsync(flow.Admin, id, "complete-site-inspection");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("现场考察记录", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [ProviderFact]
    public async Task Two_admins_approving_at_once_one_succeeds_and_the_other_gets_a_409()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var second = await factory.ClientFor(Roles.Admin);
        var id = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(id, ApplicationStatus.Deliberation);
        var version = (await flow.ReadAsync(id)).Summary.Version;
        var decision = new TransitionRequest { MeetingDate = new DateOnly(2026, 11, 20), DecisionNumber = "审议〔2026〕9号", Version = version };

        var responses = await Task.WhenAll(flow.ActAsync(flow.Admin, id, "approve", decision), flow.ActAsync(second, id, "approve", decision));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<ApplicationEvent>().CountAsync(e => e.ApplicationId == id && e.Action == ApplicationAction.Approve)));
    }

    [ProviderFact]
    public async Task Uploads_are_checked_by_their_bytes_and_size_and_a_reupload_keeps_the_old_version()
    {
        var flow = await ApplicationFlow.StartAsync(factory, "en-US");
        var id = await flow.CreateDraftAsync();
        var url = $"/api/v1/applications/{id}/materials/articles";

        var fake = await flow.Applicant.PostAsync(url, ApplicationFlow.File(Encoding.UTF8.GetBytes("just text, named like a pdf"), "articles.pdf"));
        var empty = await flow.Applicant.PostAsync(url, ApplicationFlow.File([], "articles.pdf"));
        var big = new byte[AppFactory.MaxUploadBytes + 10];
        ApplicationFlow.Pdf.CopyTo(big, 0);
        var oversized = await flow.Applicant.PostAsync(url, ApplicationFlow.File(big, "big.pdf"));
        var unknownSlot = await flow.Applicant.PostAsync($"/api/v1/applications/{id}/materials/not-a-material", ApplicationFlow.File(ApplicationFlow.Pdf, "a.pdf"));
        var first = await flow.Applicant.PostAsync(url, ApplicationFlow.File(ApplicationFlow.Pdf, "articles-v1.pdf"));
        var second = await flow.Applicant.PostAsync(url, ApplicationFlow.File([.. ApplicationFlow.Pdf, (byte)'\n'], "articles-v2.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("PDF, DOCX, XLSX, JPG and PNG", (await fake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownSlot.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var material = (await flow.ReadAsync(id)).Materials.Single(m => m.Code == "articles");
        Assert.Equal([2, 1], material.Versions.Select(v => v.Version));
        Assert.Single(material.Versions, v => v.IsCurrent);
        Assert.Equal(2, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.OwnerId == id)));
        Assert.DoesNotContain(Directory.EnumerateFiles(factory.FilesRoot, "*", SearchOption.AllDirectories), f => f.EndsWith(".part"));
    }

    [ProviderFact]
    public async Task Another_applicant_can_neither_see_nor_act_on_the_application_and_anonymous_sees_only_published_notices()
    {
        var flowA = await ApplicationFlow.StartAsync(factory);
        var flowB = await ApplicationFlow.StartAsync(factory);
        var id = await flowA.SubmittedAsync();
        var expert = await factory.ClientFor(Roles.Expert);

        Assert.Equal(HttpStatusCode.NotFound, (await flowB.Applicant.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await flowB.ActAsync(flowB.Applicant, id, "withdraw")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await flowB.Applicant.PutAsJsonAsync($"/api/v1/applications/{id}", flowB.CompleteRequest())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await flowA.ActAsync(flowA.Applicant, id, "begin-formal-check")).StatusCode);
        Assert.DoesNotContain((await flowB.Applicant.GetFromJsonAsync<PipelineDto>("/api/v1/applications?pageSize=200", Json.Options))!.Applications.Items, a => a.Id == id);
        Assert.DoesNotContain((await factory.AnonymousClient().GetFromJsonAsync<List<PublicNoticeDto>>("/api/v1/notices", Json.Options))!, n => n.ApplicationId == id);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.AnonymousClient().GetAsync($"/api/v1/notices/{id}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync($"/api/v1/applications/{id}")).StatusCode);
    }

    [ProviderFact]
    public async Task The_pipeline_counts_by_stage_filters_and_exports()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var marker = "看板" + Guid.NewGuid().ToString("N")[..6];
        var id = await flow.CreateDraftAsync(flow.CompleteRequest(marker + "甲"));
        await flow.UploadRequiredMaterialsAsync(id);
        await flow.ActAsync(flow.Applicant, id, "submit");

        var pipeline = await flow.Admin.GetFromJsonAsync<PipelineDto>($"/api/v1/applications?search={marker}", Json.Options);
        var export = await flow.Admin.GetAsync($"/api/v1/applications/export?search={marker}");

        Assert.Equal(marker + "甲", Assert.Single(pipeline!.Applications.Items).CenterName);
        var own = await flow.Applicant.GetFromJsonAsync<PipelineDto>("/api/v1/applications", Json.Options);
        Assert.Equal(1, own!.Columns.Single(c => c.Status == "Submitted").Count);
        Assert.Equal(0, own.Columns.Single(c => c.Status == "Draft").Count);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await flow.Applicant.GetAsync("/api/v1/applications/export")).StatusCode);
    }

    [ProviderFact]
    public async Task The_pipeline_finds_an_application_by_its_leads_name_or_credit_code_and_follows_a_rename_of_the_lead()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();
        var lead = await flow.Admin.GetFromJsonAsync<OrganizationDto>($"/api/v1/organizations/{flow.Lead.Id}", Json.Options);
        var newName = "更名后的牵头企业" + Guid.NewGuid().ToString("N")[..6];

        var byName = await SearchAsync(flow, flow.Lead.Name);
        var byCode = await SearchAsync(flow, flow.Lead.CreditCode.ToLowerInvariant());
        var renamed = await flow.Admin.PutAsJsonAsync($"/api/v1/organizations/{lead!.Id}", new OrganizationRequest
        {
            CreditCode = lead.CreditCode, Name = newName, Type = lead.Type, Region = lead.Region, DistrictCode = lead.DistrictCode, Version = lead.Version,
        });
        var byOldName = await SearchAsync(flow, flow.Lead.Name);
        var byNewName = await SearchAsync(flow, newName);

        Assert.Contains(byName, a => a.Id == id);
        Assert.Contains(byCode, a => a.Id == id);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.DoesNotContain(byOldName, a => a.Id == id);
        Assert.Equal(newName, Assert.Single(byNewName, a => a.Id == id).LeadName);
    }

    private static async Task<IReadOnlyList<ApplicationSummaryDto>> SearchAsync(ApplicationFlow flow, string search) =>
        (await flow.Admin.GetFromJsonAsync<PipelineDto>($"/api/v1/applications?pageSize=200&search={Uri.EscapeDataString(search)}", Json.Options))!.Applications.Items;

    [ProviderFact]
    public async Task The_applicant_withdraws_and_nothing_more_can_happen()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();

        var withdrawn = await flow.ActAsync(flow.Applicant, id, "withdraw", new TransitionRequest { Reason = "调整方向" });
        var after = await flow.ActAsync(flow.Admin, id, "begin-formal-check");

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }
}

public sealed class SqliteApplicationApiTests(SqliteAppFactory factory) : ApplicationApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresApplicationApiTests(PostgresAppFactory factory) : ApplicationApiTests<PostgresAppFactory>(factory);
