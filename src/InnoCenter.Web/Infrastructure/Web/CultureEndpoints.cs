using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>The language switch: remembers the choice in a cookie and goes back where the user was.</summary>
public static class CultureEndpoints
{
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", SetCulture).ExcludeFromDescription().AllowAnonymous();

    private static RedirectHttpResult SetCulture(string culture, string? returnUrl, HttpContext http)
    {
        var chosen = LocalizationSetup.Cultures.Contains(culture) ? culture : LocalizationSetup.Chinese;
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//")
                     && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
        return TypedResults.LocalRedirect(target);
    }
}
