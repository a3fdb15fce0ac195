using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Features.Imports;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").RequireAuthorization().WithTags("Imports");
        group.MapGet("/{id:guid}", Get).WithName("GetImportJob")
            .WithSummary("Where a background import stands: its progress, then its outcome and every refused row (its starter or an Admin)");
    }

    private static async Task<Results<Ok<ImportJobDto>, ProblemHttpResult>> Get(Guid id, ImportJobs jobs, Text text, CancellationToken ct)
    {
        var result = await jobs.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }
}
