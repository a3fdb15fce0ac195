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
            var key = error.Field is null ? string.Empty : $"{prefix}.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
            state.AddModelError(key, text.Of(error));
        }
    }
}
