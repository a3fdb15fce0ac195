using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InnoCenter.Web.Features.Reviews;

public static class PageHelpers
{
    /// <summary>
    /// Like <c>AddFailure</c>, for nested fields too: <c>pastAffiliations[0].creditCode</c> goes next to
    /// <c>Input.PastAffiliations[0].CreditCode</c> and <c>points[plan]</c> next to <c>Input.Points[plan]</c>.
    /// </summary>
    public static void AddFailureDeep(this ModelStateDictionary state, Failure failure, Text text, string prefix = "Input", Func<string, string>? remap = null)
    {
        foreach (var error in failure.Errors)
        {
            var field = error.Field is null ? null : remap?.Invoke(error.Field) ?? error.Field;
            var key = field is null ? string.Empty : prefix + "." + string.Join('.', field.Split('.').Select(Pascal));
            state.AddModelError(key, text.Of(error));
        }
    }

    private static string Pascal(string segment) => segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..];
}
