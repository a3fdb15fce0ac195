using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Plans;

/// <summary>The construction plan API under <c>/api/v1/plans</c>: plan and revisions, plan against actuals, free actuals, warnings.</summary>
public static class PlanEndpoints
{
    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/plans").RequireAuthorization().WithTags("Plans")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/behind", Behind).WithName("ListCentersBehindPlan").WithSummary("Centers behind their construction plan in a year (进度滞后预警), for the officer");
        group.MapGet("/revisions/pending", Pending).WithName("ListPendingPlanRevisions").WithSummary("Plan revisions waiting for the officer's decision");
        group.MapPost("/revisions/{id:guid}/approve", Approve).WithName("ApprovePlanRevision").WithSummary("Approve a proposed plan revision");
        group.MapPost("/revisions/{id:guid}/reject", Reject).WithName("RejectPlanRevision").WithSummary("Reject a proposed plan revision with a reason");
        group.MapGet("/centers/{centerId:guid}", Get).WithName("GetCenterPlan").WithSummary("A center's construction plan and its revision history");
        group.MapPost("/centers/{centerId:guid}/revisions", Propose).WithName("ProposePlanRevision").WithSummary("Propose a revision of the center's plan with a reason");
        group.MapGet("/centers/{centerId:guid}/progress", Progress).WithName("GetPlanProgress").WithSummary("Plan against actuals for a center and year: target, actual, completion rate, behind schedule");
        group.MapGet("/centers/{centerId:guid}/progress/export", Export).WithName("ExportPlanProgress")
            .Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("Plan against actuals for a center and year as Excel");
        group.MapPut("/centers/{centerId:guid}/actuals", ReportActual).WithName("ReportPlanActual").WithSummary("Report a free indicator's actual for a year with evidence");
        group.MapPost("/centers/{centerId:guid}/actuals", ReportActualWithFile).WithName("ReportPlanActualWithFile")
            .WithSummary("Report a free indicator's actual with an uploaded evidence file (multipart: year, indicator, value, evidence, version, evidenceFile)");
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanWarningDto>>, ProblemHttpResult>> Behind(int? year, PlanQueries q, Text text, CancellationToken ct) =>
        Answer(await q.BehindAsync(year, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<PendingRevisionDto>>, ProblemHttpResult>> Pending(PlanQueries q, Text text, CancellationToken ct) =>
        Answer(await q.PendingAsync(ct), text);

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> Approve(Guid id, [FromBody] RevisionDecisionRequest request, PlanRevisionHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ApproveAsync(id, request, ct), text);

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> Reject(Guid id, [FromBody] RevisionDecisionRequest request, PlanRevisionHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RejectAsync(id, request, ct), text);

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> Get(Guid centerId, PlanQueries q, Text text, CancellationToken ct) =>
        Answer(await q.GetPlanAsync(centerId, ct), text);

    private static async Task<Results<Created<PlanDto>, ProblemHttpResult>> Propose(Guid centerId, [FromBody] ProposeRevisionRequest request, PlanRevisionHandlers h, Text text, CancellationToken ct)
    {
        var r = await h.ProposeAsync(centerId, request, ct);
        return r.IsSuccess ? TypedResults.Created($"/api/v1/plans/centers/{centerId}", r.Value) : r.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<PlanProgressDto>, ProblemHttpResult>> Progress(Guid centerId, int? year, PlanQueries q, Text text, CancellationToken ct) =>
        Answer(await q.ProgressAsync(centerId, year, ct), text);

    private static async Task<Results<Ok<PlanProgressDto>, ProblemHttpResult>> ReportActual(Guid centerId, [FromBody] ReportActualRequest request, PlanActualHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ReportAsync(centerId, request, ct), text);

    private static async Task<Results<Ok<PlanProgressDto>, ProblemHttpResult>> ReportActualWithFile(
        Guid centerId, [FromForm] int? year, [FromForm] string? indicator, [FromForm] decimal? value, [FromForm] string? evidence, [FromForm] int? version,
        IFormFile? evidenceFile, PlanActualHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ReportAsync(centerId, new ReportActualRequest(year, indicator, value, evidence, version), evidenceFile, fileRequired: true, ct), text);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Export(Guid centerId, int? year, PlanQueries q, Text text, CancellationToken ct)
    {
        var r = await q.ProgressAsync(centerId, year, ct);
        if (!r.IsSuccess)
        {
            return r.Failure!.ToProblem(text);
        }

        var p = r.Value;
        return await ExcelExport.ToXlsxAsync(
            p.Lines.ToAsyncEnumerable(), l => PlanExport.Row(l, text), $"plan-{p.Year}-{centerId:N}.xlsx", text["plans.export.sheet", p.Year], ct, PlanExport.Columns(text));
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
}
