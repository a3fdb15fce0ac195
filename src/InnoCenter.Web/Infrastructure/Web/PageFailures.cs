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

    /// <summary>"members[0].creditCode" → "Members[0].CreditCode", the way the page names its inputs.</summary>
    private static string Pascal(string field) =>
        string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));
}
