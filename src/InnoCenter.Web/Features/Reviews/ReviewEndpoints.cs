using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Reviews;

public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reviews").RequireAuthorization().WithTags("Reviews");
        group.MapGet("/subjects", ListSubjects).WithName("ListReviewSubjects").WithSummary("Subjects under expert review (applications, annual reports), paged").RequireAuthorization(Roles.Admin);
        group.MapPost("/subjects", RegisterSubject).WithName("RegisterReviewSubject").WithSummary("Register a subject for expert review; an application's parties come from its consortium").RequireAuthorization(Roles.Admin);
        group.MapGet("/status", Status).WithName("ReviewStatus").WithSummary("Review progress per subject: seats drawn, accepted and scored").RequireAuthorization(Roles.Admin);
        group.MapGet("/subjects/{id:guid}", GetSubject).WithName("GetReviewSubject").WithSummary("One review subject with its parties and stage");
        group.MapGet("/subjects/{id:guid}/conflicts", Conflicts).WithName("ReviewConflicts").WithSummary("Conflicts of interest (利益冲突) between the pool and a subject's parties").RequireAuthorization(Roles.Admin);
        group.MapPost("/subjects/{id:guid}/conflicts/declarations", Declare).WithName("DeclareConflict").WithSummary("Declare an expert's conflict with a subject; a declared expert is never drawn");
        group.MapPost("/subjects/{id:guid}/conflicts/dismissals", Dismiss).WithName("DismissConflict").WithSummary("Dismiss a detected conflict with a reason (a declared conflict cannot be dismissed)").RequireAuthorization(Roles.Admin);
        group.MapGet("/subjects/{id:guid}/panel", Panel).WithName("GetPanel").WithSummary("The drawn panel of a subject with its seats and leader").RequireAuthorization(Roles.Admin);
        group.MapPost("/subjects/{id:guid}/panel/draw", Draw).WithName("DrawPanel").WithSummary("Draw a panel by quota with a recorded seed, excluding experts in conflict or over their load").RequireAuthorization(Roles.Admin);
        group.MapPost("/subjects/{id:guid}/panel/draws/{drawId:guid}/verify", Verify).WithName("VerifyDraw").WithSummary("Re-run a recorded draw from its seed and confirm it gives the same panel").RequireAuthorization(Roles.Admin);
        group.MapPost("/subjects/{id:guid}/panel/members", Assign).WithName("AssignExpert").WithSummary("Assign an expert to a seat by hand, with a reason (conflict rules still apply)").RequireAuthorization(Roles.Admin);
        group.MapPost("/subjects/{id:guid}/panel/members/{memberId:guid}/replace", Replace).WithName("ReplaceMember").WithSummary("Replace a seat's expert by a new draw, with a reason").RequireAuthorization(Roles.Admin);
        group.MapPut("/subjects/{id:guid}/panel/leader", Leader).WithName("SetPanelLeader").WithSummary("Choose the panel's leader (组长)").RequireAuthorization(Roles.Admin);
        group.MapGet("/my", My).WithName("MyAssignments").WithSummary("The caller's panel seats as an expert, with what is due, newest first, paged");
        group.MapPost("/assignments/{memberId:guid}/accept", Accept).WithName("AcceptAssignment").WithSummary("Accept a panel seat (the materials open after acceptance)");
        group.MapPost("/assignments/{memberId:guid}/decline", Decline).WithName("DeclineAssignment").WithSummary("Decline a panel seat with a reason");
        group.MapGet("/subjects/{id:guid}/scores", Scores).WithName("GetScores").WithSummary("The scoring form and the scores given so far for a subject");
        group.MapPost("/subjects/{id:guid}/scores", Submit).WithName("SubmitScores").WithSummary("Submit the caller's scores for a subject by the pack's scoring form");
        group.MapPut("/subjects/{id:guid}/opinion", Opinion).WithName("WritePanelOpinion").WithSummary("Write the panel's joint opinion (专家组意见)");
        group.MapGet("/subjects/{id:guid}/inspection", Inspection).WithName("GetSiteInspection").WithSummary("The site-inspection record (现场考察) of a subject");
        group.MapPut("/subjects/{id:guid}/inspection", SaveInspection).WithName("SaveSiteInspection").WithSummary("Save the site-inspection checklist and findings");
        // A bearer-token client cannot carry an antiforgery token; the auth cookie is SameSite=Lax, so no other site can post it.
        group.MapPost("/subjects/{id:guid}/inspection/files", Attach).WithName("AttachInspectionFile").WithSummary("Attach a photo or file to the site-inspection record, checked before it is kept");
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);

    private static async Task<Ok<PagedResult<SubjectRow>>> ListSubjects([AsParameters] SubjectFilter filter, ReviewSubjectHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ListAsync(filter, ct));

    private static async Task<Results<Ok<SubjectDto>, ProblemHttpResult>> RegisterSubject(
        [FromBody] SubjectRequest request, ReviewSubjectHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RegisterAsync(request, ct), text);

    private static async Task<Results<Ok<ReviewStatus>, ProblemHttpResult>> Status(string? kind, Guid? referenceId, ReviewSubjectHandlers h, Text text, CancellationToken ct)
    {
        if (!Enum.TryParse<ReviewSubjectKind>(kind, true, out var k) || referenceId is not { } id)
        {
            return Failure.Validation(new Error("reviews.kind_unknown", "kind", kind ?? string.Empty)).ToProblem(text);
        }

        return TypedResults.Ok(await h.GetStatusAsync(k, id, ct));
    }

    private static async Task<Results<Ok<SubjectDto>, ProblemHttpResult>> GetSubject(Guid id, ReviewSubjectHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.GetAsync(id, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<ConflictDto>>, ProblemHttpResult>> Conflicts(Guid id, ReviewSubjectHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ConflictsAsync(id, ct), text);

    private static async Task<Results<Ok<bool>, ProblemHttpResult>> Declare(
        Guid id, [FromBody] DeclarationRequest request, ReviewSubjectHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DeclareAsync(id, request, ct), text);

    private static async Task<Results<Ok<bool>, ProblemHttpResult>> Dismiss(
        Guid id, [FromBody] DismissalRequest request, ReviewSubjectHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DismissAsync(id, request, ct), text);

    private static async Task<Results<Ok<PanelDto>, ProblemHttpResult>> Panel(Guid id, PanelHandlers h, Text text, CancellationToken ct) =>
        await h.PanelAsync(id, ct) is { } panel ? TypedResults.Ok(panel) : Failure.NotFound("reviews.panel_missing").ToProblem(text);

    private static async Task<Results<Ok<PanelDto>, ProblemHttpResult>> Draw(
        Guid id, [FromBody] DrawRequest? request, PanelHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DrawAsync(id, request ?? new DrawRequest(null), ct), text);

    private static async Task<Results<Ok<VerificationDto>, ProblemHttpResult>> Verify(Guid id, Guid drawId, PanelHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.VerifyAsync(id, drawId, ct), text);

    private static async Task<Results<Ok<PanelDto>, ProblemHttpResult>> Assign(
        Guid id, [FromBody] AssignWithReason request, PanelSeatHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.AssignAsync(id, new AssignRequest(request.ExpertId, request.ReplacesMemberId), new ReasonRequest(request.Reason), ct), text);

    private static async Task<Results<Ok<PanelDto>, ProblemHttpResult>> Replace(
        Guid id, Guid memberId, [FromBody] ReasonRequest? request, PanelHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ReplaceAsync(id, memberId, request ?? new ReasonRequest(null), ct), text);

    private static async Task<Results<Ok<PanelDto>, ProblemHttpResult>> Leader(
        Guid id, [FromBody] LeaderRequest request, PanelSeatHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.SetLeaderAsync(id, request, ct), text);

    /// <summary>A page of the caller's seats, newest first (<c>page</c>, <c>pageSize</c> up to 200; 20 by default).</summary>
    private static async Task<Ok<PagedResult<AssignmentDto>>> My(int? page, int? pageSize, PanelInvitationHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.MyAssignmentsAsync(page, pageSize, ct));

    private static async Task<Results<Ok<AssignmentDto>, ProblemHttpResult>> Accept(Guid memberId, PanelInvitationHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.AcceptAsync(memberId, ct), text);

    private static async Task<Results<Ok<AssignmentDto>, ProblemHttpResult>> Decline(
        Guid memberId, [FromBody] ReasonRequest request, PanelInvitationHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DeclineAsync(memberId, request, ct), text);

    private static async Task<Results<Ok<ScoresDto>, ProblemHttpResult>> Scores(Guid id, ScoringHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ScoresAsync(id, ct), text);

    private static async Task<Results<Ok<ScoresDto>, ProblemHttpResult>> Submit(
        Guid id, [FromBody] ScoreRequest request, ScoringHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.SubmitAsync(id, request, ct), text);

    private static async Task<Results<Ok<ScoresDto>, ProblemHttpResult>> Opinion(
        Guid id, [FromBody] OpinionRequest request, ScoringHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.WriteOpinionAsync(id, request, ct), text);

    private static async Task<Results<Ok<InspectionDto?>, ProblemHttpResult>> Inspection(Guid id, SiteInspectionHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.GetAsync(id, ct), text);

    private static async Task<Results<Ok<InspectionDto?>, ProblemHttpResult>> SaveInspection(
        Guid id, [FromBody] InspectionRequest request, SiteInspectionHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.SaveAsync(id, request, ct), text);

    private static async Task<Results<Ok<InspectionDto?>, ProblemHttpResult>> Attach(
        Guid id, [FromForm] string? kind, IFormFile? file, SiteInspectionHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.AttachAsync(id, kind, file, ct), text);
}

/// <summary>Assignment by hand; a reason is needed when it removes an active member.</summary>
public sealed record AssignWithReason(Guid? ExpertId, Guid? ReplacesMemberId, string? Reason);
