using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Portal;

/// <summary>Policy documents over the API: anyone reads; an Admin publishes (the platform assigns the 索引号), revises and withdraws.</summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/portal/documents").WithTags("Portal").AllowAnonymous();
        open.MapGet("/", List).WithName("ListPortalDocuments").WithSummary("Published policy documents, newest first");
        open.MapGet("/{id:guid}", Get).WithName("GetPortalDocument").WithSummary("A policy document with 索引号, 文号, publisher and date")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/portal/manage/documents", Publish).WithTags("Portal").RequireAuthorization(Roles.Admin)
            .WithName("PublishPortalDocument").WithSummary("An Admin publishes a policy document; its 索引号 is assigned")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        var manage = app.MapGroup("/api/v1/portal/manage/documents").WithTags("Portal").RequireAuthorization(Roles.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        manage.MapGet("/{id:guid}", ManageGet).WithName("GetManagedPortalDocument")
            .WithSummary("A policy document as the Admin edits it, withdrawn or not, with its Markdown and earlier revisions");
        manage.MapPut("/{id:guid}", Edit).WithName("EditPortalDocument")
            .WithSummary("An Admin revises a policy document: a new revision under the same 索引号, the earlier one kept")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        manage.MapPost("/{id:guid}/withdraw", Withdraw).WithName("WithdrawPortalDocument")
            .WithSummary("An Admin withdraws a policy document with a reason; its 索引号 is never reused")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> ManageGet(Guid id, PublicDocumentQueries queries, Text text, CancellationToken ct) =>
        Answer(await queries.GetForAdminAsync(id, ct), text);

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Edit(Guid id, [FromBody] DocumentRequest request, DocumentHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.EditAsync(id, request, ct), text);

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Withdraw(
        Guid id, [FromBody] DocumentWithdrawRequest request, DocumentHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.WithdrawAsync(id, request, ct), text);

    private static Results<Ok<DocumentDto>, ProblemHttpResult> Answer(Domain.Common.Result<DocumentDto> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);

    private static async Task<Ok<PagedResult<DocumentRow>>> List([AsParameters] DocumentFilter filter, PublicDocumentQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(filter, ct));

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Get(Guid id, PublicDocumentQueries queries, Text text, CancellationToken ct)
    {
        var result = await queries.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> Publish([FromBody] DocumentRequest request, DocumentHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.PublishAsync(request, [], ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/portal/documents/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
    }
}
