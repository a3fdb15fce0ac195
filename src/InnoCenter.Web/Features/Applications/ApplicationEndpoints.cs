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
        group.MapGet("/", Pipeline).WithName("ListApplications");
        group.MapGet("/export", Export).WithName("ExportApplications").RequireAuthorization(Roles.Admin);
        group.MapGet("/{id:guid}", Get).WithName("GetApplication");
        group.MapPost("/", Create).WithName("CreateApplication");
        group.MapPut("/{id:guid}", Update).WithName("UpdateApplication");
        group.MapPost("/{id:guid}/materials/{material}", Upload).WithName("UploadMaterial");
        group.MapPost("/{id:guid}/{action}", Transition).WithName("TransitionApplication");
        group.MapGet("/{id:guid}/documents/approval", ApprovalDocument).WithName("ApprovalDocument");
        group.MapPost("/objections/{objectionId:guid}/resolve", ResolveObjection).WithName("ResolveObjection").RequireAuthorization(Roles.Admin);

        var notices = app.MapGroup("/api/v1/notices").AllowAnonymous().WithTags("Public notices");
        notices.MapGet("/", PublicNotices).WithName("ListPublicNotices");
        notices.MapGet("/{id:guid}/document", NoticeDocument).WithName("PublicNoticeDocument");
        notices.MapPost("/{id:guid}/objections", FileObjection).WithName("FileObjection").RequireRateLimiting(AuthSetup.PublicFormRateLimit);
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

    /// <summary>One endpoint per lifecycle action: submit, withdraw, begin-formal-check, pass-formal-check, return, complete-expert-review, complete-site-inspection, approve, reject.</summary>
    private static async Task<Results<Ok<TransitionResult>, ProblemHttpResult>> Transition(
        Guid id, string action, [FromBody] TransitionRequest? request, ApplicationHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.PerformAsync(id, action, request ?? new TransitionRequest(), ct);
        return result.IsSuccess ? TypedResults.Ok(new TransitionResult(id, result.Value.ToString())) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<TransitionResult>, ProblemHttpResult>> ResolveObjection(
        Guid objectionId, [FromBody] ObjectionResolution resolution, NoticeHandlers notices, Text text, CancellationToken ct)
    {
        var result = await notices.ResolveObjectionAsync(objectionId, resolution, ct);
        return result.IsSuccess ? TypedResults.Ok(new TransitionResult(objectionId, result.Value.ToString())) : result.Failure!.ToProblem(text);
    }

    private static Task<FileStreamHttpResult> Export([AsParameters] ApplicationFilter filter, ApplicationQueries queries, Text text, TimeProvider clock, CancellationToken ct) =>
        ExcelExport.ToXlsxAsync(queries.StreamAsync(filter, ct), queries.ToExportRow,
            $"applications-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text["applications.pipeline_title"], ct, queries.ExportColumns());

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ApprovalDocument(Guid id, ApplicationDocuments documents, Text text, CancellationToken ct)
    {
        var doc = await documents.ApprovalAsync(id, ct);
        return doc.IsSuccess ? TypedResults.File(doc.Value.Content, Docx, doc.Value.FileName) : doc.Failure!.ToProblem(text);
    }

    /// <summary>A page of the public notices, newest first (<c>page</c>, <c>pageSize</c> up to 200; 20 by default).</summary>
    private static async Task<Ok<IReadOnlyList<PublicNoticeDto>>> PublicNotices(int? page, int? pageSize, ApplicationQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.PublicNoticePageAsync(page, pageSize, ct)).Items);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> NoticeDocument(Guid id, ApplicationDocuments documents, Text text, CancellationToken ct)
    {
        var doc = await documents.NoticeAsync(id, ct);
        return doc.IsSuccess ? TypedResults.File(doc.Value.Content, Docx, doc.Value.FileName) : doc.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<TransitionResult>, ProblemHttpResult>> FileObjection(
        Guid id, [FromBody] ObjectionRequest request, NoticeHandlers notices, Text text, CancellationToken ct)
    {
        var result = await notices.FileObjectionAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/notices/{id}", new TransitionResult(result.Value, "Pending")) : result.Failure!.ToProblem(text);
    }

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
