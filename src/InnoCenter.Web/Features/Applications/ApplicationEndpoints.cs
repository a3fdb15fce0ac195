using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Applications;

public sealed record TransitionResult(Guid Id, string Status);

public static class ApplicationEndpoints
{
    public static void MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications").RequireAuthorization().WithTags("Applications");
        group.MapGet("/", Pipeline).WithName("ListApplications").WithSummary("The recognition pipeline (认定申报): applications the caller may see, filtered by stage, paged");
        group.MapGet("/export", Export).WithName("ExportApplications").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("Export the filtered pipeline as an Excel workbook").RequireAuthorization(Roles.Admin);
        group.MapGet("/{id:guid}", Get).WithName("GetApplication").WithSummary("One application with its consortium, materials, eligibility verdicts, timeline and allowed actions");
        group.MapPost("/", Create).WithName("CreateApplication").WithSummary("Start an application for recognition as a manufacturing innovation center (draft)");
        group.MapPut("/{id:guid}", Update).WithName("UpdateApplication").WithSummary("Change a draft or returned application (consortium, goals, planned indicators)");
        group.MapPost("/{id:guid}/materials/{material}", Upload).WithName("UploadMaterial").WithSummary("Upload a required material (申报材料) of an application, checked by type and size before it is kept");
        foreach (var route in ApplicationActionRoutes.All)
        {
            group.MapPost($"/{{id:guid}}/{route.Segment}", Transition(route.Segment)).WithName(route.OperationId).WithSummary(route.Summary);
        }

        group.MapGet("/{id:guid}/documents/approval", ApprovalDocument).WithName("ApprovalDocument").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Docx).WithSummary("The approval document (认定批复) of an approved application as an official .docx");
    }

    private static async Task<Ok<PipelineDto>> Pipeline([AsParameters] ApplicationFilter filter, ApplicationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.PipelineAsync(filter, ct));

    private static async Task<Results<Ok<ApplicationDetailDto>, ProblemHttpResult>> Get(Guid id, ApplicationQueries queries, Text text, CancellationToken ct)
    {
        var result = await queries.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<TransitionResult>, ProblemHttpResult>> Create(
        [FromBody] ApplicationRequest request, ApplicationHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.CreateAsync(request, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/applications/{result.Value}", new TransitionResult(result.Value, nameof(ApplicationStatus.Draft)))
            : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<TransitionResult>, ProblemHttpResult>> Update(
        Guid id, [FromBody] ApplicationRequest request, ApplicationHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.UpdateAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(new TransitionResult(id, "Saved")) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<TransitionResult>, ProblemHttpResult>> Upload(
        Guid id, string material, IFormFile? file, ApplicationHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.UploadMaterialAsync(id, material, file, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/files/{result.Value}", new TransitionResult(result.Value, "Stored"))
            : result.Failure!.ToProblem(text);
    }

    /// <summary>The handler of one lifecycle action's route (see <see cref="ApplicationActionRoutes"/>).</summary>
    private static Func<Guid, TransitionRequest?, ApplicationHandlers, Text, CancellationToken, Task<Results<Ok<TransitionResult>, ProblemHttpResult>>> Transition(string segment) =>
        async (Guid id, [FromBody] TransitionRequest? request, ApplicationHandlers handlers, Text text, CancellationToken ct) =>
        {
            var result = await handlers.PerformAsync(id, segment, request ?? new TransitionRequest(), ct);
            return result.IsSuccess ? TypedResults.Ok(new TransitionResult(id, result.Value.ToString())) : result.Failure!.ToProblem(text);
        };

    private static Task<FileStreamHttpResult> Export([AsParameters] ApplicationFilter filter, ApplicationQueries queries, Text text, TimeProvider clock, CancellationToken ct) =>
        ExcelExport.ToXlsxAsync(queries.StreamAsync(filter, ct), queries.ToExportRow,
            $"applications-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text["applications.pipeline_title"], ct, queries.ExportColumns());

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ApprovalDocument(Guid id, ApplicationDocuments documents, Text text, CancellationToken ct)
    {
        var doc = await documents.ApprovalAsync(id, ct);
        return doc.IsSuccess ? TypedResults.File(doc.Value.Content, Docx, doc.Value.FileName) : doc.Failure!.ToProblem(text);
    }

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
