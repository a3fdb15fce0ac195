using InnoCenter.Web.Features.Applications;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Notices;

/// <summary>
/// The public notices (公示): read and objected to by anyone; an objection is resolved by an Admin under the
/// application's route, where the Admin meets it.
/// </summary>
public static class NoticeEndpoints
{
    public static void MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/applications/objections/{objectionId:guid}/resolve", ResolveObjection).WithTags("Applications")
            .WithName("ResolveObjection").WithSummary("Resolve an objection to a public notice: upheld (back to deliberation) or dismissed with a reason").RequireAuthorization(Roles.Admin);

        var notices = app.MapGroup("/api/v1/notices").AllowAnonymous().WithTags("Public notices");
        notices.MapGet("/", PublicNotices).WithName("ListPublicNotices").WithSummary("Public notices (公示) of applications proposed for recognition, open to anyone");
        notices.MapGet("/{id:guid}/document", NoticeDocument).WithName("PublicNoticeDocument").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Docx).WithSummary("A public notice as an official .docx");
        notices.MapPost("/{id:guid}/objections", FileObjection).WithName("FileObjection").WithSummary("File an objection to a public notice during its window (anonymous, rate-limited)").RequireRateLimiting(AuthSetup.PublicFormRateLimit);
    }

    private static async Task<Results<Ok<TransitionResult>, ProblemHttpResult>> ResolveObjection(
        Guid objectionId, [FromBody] ObjectionResolution resolution, NoticeHandlers notices, Text text, CancellationToken ct)
    {
        var result = await notices.ResolveObjectionAsync(objectionId, resolution, ct);
        return result.IsSuccess ? TypedResults.Ok(new TransitionResult(objectionId, result.Value.ToString())) : result.Failure!.ToProblem(text);
    }

    /// <summary>A page of the public notices, newest first (<c>page</c>, <c>pageSize</c> up to 200; 20 by default).</summary>
    private static async Task<Ok<IReadOnlyList<PublicNoticeDto>>> PublicNotices(int? page, int? pageSize, NoticeQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(page, pageSize, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> NoticeDocument(Guid id, NoticeDocuments documents, Text text, CancellationToken ct)
    {
        var doc = await documents.NoticeAsync(id, ct);
        return doc.IsSuccess ? TypedResults.File(doc.Value.Content, OpenApiConventions.Docx, doc.Value.FileName) : doc.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<TransitionResult>, ProblemHttpResult>> FileObjection(
        Guid id, [FromBody] ObjectionRequest request, NoticeHandlers notices, Text text, CancellationToken ct)
    {
        var result = await notices.FileObjectionAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/notices/{id}", new TransitionResult(result.Value, "Pending")) : result.Failure!.ToProblem(text);
    }
}
