using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>Typical cases over the API: the public reads published ones; a center's staff write; an Admin reviews.</summary>
public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/portal").WithTags("Portal").AllowAnonymous();
        open.MapGet("/cases", PublicList).WithName("ListPublicCases").WithSummary("Published typical cases, newest first, by task");
        open.MapGet("/cases/{id:guid}", PublicGet).WithName("GetPublicCase").WithSummary("A published typical case in its published version")
            .ProducesProblem(StatusCodes.Status404NotFound);
        open.MapGet("/files/{id:guid}", PublicFile).WithName("GetPortalFile").WithSummary("An image or attachment shown by a published case or document")
            .Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Binary).ProducesProblem(StatusCodes.Status404NotFound);

        var staff = app.MapGroup("/api/v1/portal/manage/cases").WithTags("Portal").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("/", List).WithName("ListCases").WithSummary("Cases of the user's centers (an Admin: all), with their latest version's review state");
        staff.MapGet("/{id:guid}", Get).WithName("GetCase").WithSummary("A case with every version");
        staff.MapPost("/", Create).WithName("CreateCase").WithSummary("A center's staff draft a case")
            .ProducesValidationProblem();
        staff.MapPut("/{id:guid}", Edit).WithName("EditCase").WithSummary("Edit the draft; after publication this starts a new version")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/images", UploadImage).WithName("UploadCaseImage").WithSummary("An image for the body (JPEG or PNG)")
            .ProducesValidationProblem();
        staff.MapPost("/{id:guid}/submit", Submit).WithName("SubmitCase").WithSummary("Submit the draft for review")
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/return", Return).WithName("ReturnCase").WithSummary("An Admin returns the submitted version with remarks")
            .RequireAuthorization(Roles.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/publish", Publish).WithName("PublishCase").WithSummary("An Admin publishes the submitted version")
            .RequireAuthorization(Roles.Admin).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/feature", Feature).WithName("FeatureCase").WithSummary("An Admin features a published case on the home page, or stops")
            .RequireAuthorization(Roles.Admin).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/withdraw", Withdraw).WithName("WithdrawCase").WithSummary("An Admin takes a published case off the site with a reason")
            .RequireAuthorization(Roles.Admin).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedResult<PublicCaseRow>>> PublicList([AsParameters] PublicCaseFilter filter, PublicCaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(filter, ct));

    private static async Task<Results<Ok<PublicCaseDto>, ProblemHttpResult>> PublicGet(Guid id, PublicCaseQueries queries, Text text, CancellationToken ct)
    {
        var result = await queries.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    /// <summary>
    /// The public file endpoint: only files the portal shows — an image in a published case's published version, an
    /// attachment of a published document. Anything else, including a draft's image, is not found.
    /// </summary>
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> PublicFile(
        Guid id, Data.AppDbContext db, PublicCaseQueries cases, PublicDocumentQueries documents, Attachments attachments, Text text, CancellationToken ct)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        var shown = file is not null && file.OwnerType switch
        {
            PortalOwnerTypes.Case => await cases.IsPublicImageAsync(file, ct),
            PortalOwnerTypes.Document => await documents.IsPublicFileAsync(file, ct),
            _ => false,
        };
        if (!shown)
        {
            return Domain.Common.Failure.NotFound("file.not_found").ToProblem(text);
        }

        var opened = await attachments.OpenAsync(id, ct);
        if (!opened.IsSuccess)
        {
            return opened.Failure!.ToProblem(text);
        }

        var (stored, content) = opened.Value;
        return stored.Kind is "jpg" or "png"
            ? TypedResults.File(content, stored.ContentType, lastModified: stored.UploadedAt)
            : TypedResults.File(content, stored.ContentType, stored.OriginalName, lastModified: stored.UploadedAt);
    }

    private static async Task<Results<Ok<PagedResult<CaseRow>>, ProblemHttpResult>> List([AsParameters] CaseFilter filter, CaseHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.ListAsync(filter, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Get(Guid id, CaseHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.GetAsync(id, ct), text);

    private static async Task<Results<Created<CaseDto>, ProblemHttpResult>> Create([FromBody] CaseRequest request, CaseHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.CreateAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/portal/manage/cases/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Edit(Guid id, [FromBody] CaseRequest request, CaseHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.EditAsync(id, request, ct), text);

    private static async Task<Results<Ok<ImageUploaded>, ProblemHttpResult>> UploadImage(Guid id, IFormFile? file, CaseHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.UploadImageAsync(id, file, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Submit(Guid id, [FromBody] CaseActionRequest request, CaseHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.SubmitAsync(id, request.Version, ct), text);

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Return(Guid id, [FromBody] CaseReturnRequest request, CaseHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.ReturnAsync(id, request, ct), text);

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Publish(Guid id, [FromBody] CaseActionRequest request, CaseHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.PublishAsync(id, request.Version, ct), text);

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Feature(Guid id, [FromBody] CaseFeatureRequest request, CaseHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.FeatureAsync(id, request, ct), text);

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Withdraw(Guid id, [FromBody] CaseWithdrawRequest request, CaseHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.WithdrawAsync(id, request, ct), text);

    private static Results<Ok<CaseDto>, ProblemHttpResult> Answer(Domain.Common.Result<CaseDto> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
}
