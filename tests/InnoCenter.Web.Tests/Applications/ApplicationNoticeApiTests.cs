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

/// <summary>The public notice of an approved application over HTTP: objections resolved or upheld, closing grants the numbers.</summary>
public abstract class ApplicationNoticeApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [ProviderFact]
    public async Task Approval_opens_a_notice_objections_are_resolved_and_closing_grants_the_numbers()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(id, ApplicationStatus.Deliberation);
        (await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = new DateOnly(2026, 11, 20), DecisionNumber = "审议〔2026〕10号" })).EnsureSuccessStatusCode();
        var detail = await flow.ReadAsync(id);
        var anonymous = factory.AnonymousClient();

        var notices = await anonymous.GetFromJsonAsync<List<PublicNoticeDto>>("/api/v1/notices", Json.Options);
        var bot = await anonymous.PostAsJsonAsync($"/api/v1/notices/{id}/objections", new ObjectionRequest { Name = "x", Contact = "x", Content = "x", Website = "http://spam" });
        var filed = await anonymous.PostAsJsonAsync($"/api/v1/notices/{id}/objections", new ObjectionRequest { Name = "王某", Contact = "13800000000", Content = "成员单位资质存疑" });
        var objectionId = (await filed.Content.ReadFromJsonAsync<TransitionResult>(Json.Options))!.Id;
        await flow.CloseNoticesAsync(detail.NoticeEndsOn!.Value.AddDays(1));
        var whilePending = (await flow.ReadAsync(id)).Summary.Status;
        var noReason = await flow.Admin.PostAsJsonAsync($"/api/v1/applications/objections/{objectionId}/resolve", new ObjectionResolution(false, null));
        var dismissed = await flow.Admin.PostAsJsonAsync($"/api/v1/applications/objections/{objectionId}/resolve", new ObjectionResolution(false, "经核实资质齐全"));
        await flow.CloseNoticesAsync(detail.NoticeEndsOn!.Value);
        var onLastDay = (await flow.ReadAsync(id)).Summary.Status;
        await flow.CloseNoticesAsync(detail.NoticeEndsOn!.Value.AddDays(1));
        var approved = await flow.ReadAsync(id);
        await flow.CloseNoticesAsync(detail.NoticeEndsOn!.Value.AddDays(2));
        var again = await flow.ReadAsync(id);

        Assert.Contains(notices!, n => n.ApplicationId == id && n.Open);
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Objections.CountAsync(o => o.ApplicationId == id)));
        Assert.Equal("PublicNotice", whilePending);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("PublicNotice", onLastDay);
        Assert.Equal("Approved", approved.Summary.Status);
        Assert.Equal(approved.ApprovalNumber, again.ApprovalNumber);
        Assert.Single(again.Timeline, t => t.Action == "CloseNotice");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Centers.CountAsync(c => c.ApplicationId == id)));
        Assert.Matches(@"^津工信科〔\d{4}〕\d+号$", approved.ApprovalNumber);
        Assert.Matches(@"^TJMIC-\d{4}-\d{3}$", approved.PlaqueNumber);

        var document = await flow.Applicant.GetAsync($"/api/v1/applications/{id}/documents/approval");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await document.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(approved.ApprovalNumber!, text);
        Assert.Contains(approved.Summary.CenterName, text);
        Assert.Contains("天津市工业和信息化局", text);
    }

    [ProviderFact]
    public async Task An_upheld_objection_sends_the_application_back_to_deliberation()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(id, ApplicationStatus.Deliberation);
        (await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = new DateOnly(2026, 11, 20), DecisionNumber = "审议〔2026〕11号" })).EnsureSuccessStatusCode();
        var filed = await factory.AnonymousClient().PostAsJsonAsync($"/api/v1/notices/{id}/objections", new ObjectionRequest { Name = "李某", Contact = "li@example.com", Content = "牵头单位有失信记录" });
        var objectionId = (await filed.Content.ReadFromJsonAsync<TransitionResult>(Json.Options))!.Id;

        var upheld = await flow.Admin.PostAsJsonAsync($"/api/v1/applications/objections/{objectionId}/resolve", new ObjectionResolution(true, "经核实属实"));
        var twice = await flow.Admin.PostAsJsonAsync($"/api/v1/applications/objections/{objectionId}/resolve", new ObjectionResolution(false, "改判"));

        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var detail = await flow.ReadAsync(id);
        Assert.Equal("Deliberation", detail.Summary.Status);
        Assert.Null(detail.NoticeEndsOn);
    }

    [ProviderFact]
    public async Task Upholding_an_objection_to_a_withdrawn_application_is_refused_in_the_callers_language_and_the_objection_stays_pending()
    {
        var flow = await ApplicationFlow.StartAsync(factory);
        var id = await flow.SubmittedAsync();
        await flow.ForceStatusAsync(id, ApplicationStatus.Deliberation);
        (await flow.ActAsync(flow.Admin, id, "approve", new TransitionRequest { MeetingDate = new DateOnly(2026, 11, 20), DecisionNumber = "审议〔2026〕12号" })).EnsureSuccessStatusCode();
        var filed = await factory.AnonymousClient().PostAsJsonAsync($"/api/v1/notices/{id}/objections", new ObjectionRequest { Name = "赵某", Contact = "zhao@example.com", Content = "成员单位重复申报" });
        var objectionId = (await filed.Content.ReadFromJsonAsync<TransitionResult>(Json.Options))!.Id;
        (await flow.ActAsync(flow.Applicant, id, "withdraw", new TransitionRequest { Reason = "调整方向" })).EnsureSuccessStatusCode();
        var english = await factory.ClientFor(Roles.Admin, culture: "en-US");

        var upheld = await english.PostAsJsonAsync($"/api/v1/applications/objections/{objectionId}/resolve", new ObjectionResolution(true, "Confirmed"));

        Assert.Equal(HttpStatusCode.Conflict, upheld.StatusCode);
        var detail = (await upheld.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Equal("“Uphold an objection” is not possible while the application is “Withdrawn”. Nothing can be done with it now.", detail);
        Assert.Equal(ObjectionStatus.Pending, await factory.WithDbAsync(db => db.Objections.Where(o => o.Id == objectionId).Select(o => o.Status).SingleAsync()));
    }
}

public sealed class SqliteApplicationNoticeApiTests(SqliteAppFactory factory) : ApplicationNoticeApiTests<SqliteAppFactory>(factory);

[PostgresSuite]
public sealed class PostgresApplicationNoticeApiTests(PostgresAppFactory factory) : ApplicationNoticeApiTests<PostgresAppFactory>(factory);
