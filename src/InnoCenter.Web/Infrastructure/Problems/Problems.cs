using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Infrastructure.Problems;

/// <summary>Turns an expected <see cref="Failure"/> into ProblemDetails in the user's language.</summary>
public static class Problems
{
    public static ProblemHttpResult ToProblem(this Failure failure, Text text)
    {
        var status = failure.Kind switch
        {
            FailureKind.Validation => StatusCodes.Status400BadRequest,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.IllegalTransition => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var extensions = new Dictionary<string, object?>
        {
            ["codes"] = failure.Errors.Select(e => e.Code).ToArray(),
        };
        var fieldErrors = failure.Errors.Where(e => e.Field is not null).ToList();
        if (fieldErrors.Count > 0)
        {
            extensions["errors"] = fieldErrors
                .GroupBy(e => e.Field!)
                .ToDictionary(g => g.Key, g => g.Select(text.Of).ToArray());
        }

        return TypedResults.Problem(
            title: text[$"problem.{failure.Kind}"],
            detail: string.Join(" ", failure.Errors.Select(text.Of)),
            statusCode: status,
            extensions: extensions);
    }
}
