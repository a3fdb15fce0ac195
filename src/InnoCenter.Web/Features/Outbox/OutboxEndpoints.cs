using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Outbox;

public static class OutboxEndpoints
{
    public static void MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outbox").RequireAuthorization(Roles.Admin).WithTags("Outbox");
        group.MapGet("/", List).WithName("ListOutbox")
            .WithSummary("Lists the outbox, newest first: filter by state (Pending, Sent, Dead), recipient and Beijing dates")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/resend", Resend).WithName("ResendMail")
            .WithSummary("Queues a dead or sent mail again with a fresh count of attempts")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PagedResult<OutboxRow>>, ProblemHttpResult>> List(
        [AsParameters] OutboxFilter filter, OutboxHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.ListAsync(filter, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<OutboxRow>, ProblemHttpResult>> Resend(Guid id, OutboxHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.ResendAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }
}
