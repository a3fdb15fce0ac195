using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Features.Workbench;

public static class WorkbenchEndpoints
{
    public static void MapWorkbenchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/workbench").RequireAuthorization().WithTags("Workbench");
        group.MapGet("/", Get).WithName("GetWorkbench")
            .WithSummary("What waits for the signed-in user, by module: counts, overdue counts and where to act.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Ok<WorkbenchDto>> Get(WorkbenchHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.GetAsync(ct));
}
