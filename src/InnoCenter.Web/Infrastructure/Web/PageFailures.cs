using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InnoCenter.Web.Infrastructure.Web;

public static class PageFailures
{
    /// <summary>Puts each error of a failure next to its field (<c>Input.Name</c> for <c>name</c>), or at the top of the form.</summary>
    public static void AddFailure(this ModelStateDictionary state, Failure failure, Text text, string prefix = "Input")
    {
        foreach (var error in failure.Errors)
        {
            var key = error.Field is null ? string.Empty : prefix.Length == 0 ? Pascal(error.Field) : $"{prefix}.{Pascal(error.Field)}";
            state.AddModelError(key, text.Of(error));
        }
    }

    /// <summary>
    /// Like <c>AddFailure</c>, for nested fields too: <c>pastAffiliations[0].creditCode</c> goes next to
    /// <c>Input.PastAffiliations[0].CreditCode</c> and <c>points[plan]</c> next to <c>Input.Points[plan]</c>.
    /// </summary>
    public static void AddFailureDeep(this ModelStateDictionary state, Failure failure, Text text, string prefix = "Input", Func<string, string>? remap = null)
    {
        foreach (var error in failure.Errors)
        {
            var field = error.Field is null ? null : remap?.Invoke(error.Field) ?? error.Field;
            var key = field is null ? string.Empty : prefix + "." + string.Join('.', field.Split('.').Select(Segment));
            state.AddModelError(key, text.Of(error));
        }
    }

    private static string Segment(string segment) => segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..];

    /// <summary>"members[0].creditCode" → "Members[0].CreditCode", the way the page names its inputs.</summary>
    private static string Pascal(string field) =>
        string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
}
