using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// The larger-text mode (适老化): a cookie the layout reads to enlarge every page's base font size. Set by a form post
/// rather than a script, so it works without JavaScript and under the CSP.
/// </summary>
public static class TextSize
{
    public const string CookieName = "innocenter.textsize";

    public static bool IsLarge(HttpContext http) => http.Request.Cookies.TryGetValue(CookieName, out var v) && v == "large";

    public static void MapTextSize(this IEndpointRouteBuilder app) =>
        app.MapPost("/portal/text-size", Set).ExcludeFromDescription().AllowAnonymous();

    private static RedirectHttpResult Set([FromForm] bool large, [FromForm] string? returnUrl, HttpContext http)
    {
        if (large)
        {
            http.Response.Cookies.Append(CookieName, "large", new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true,
            });
        }
        else
        {
            http.Response.Cookies.Delete(CookieName);
        }

        return TypedResults.LocalRedirect(SafeReturn(returnUrl));
    }

    /// <summary>Only a local path: an open redirect would let a link on another site bounce through ours.</summary>
    public static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
}

/// <summary>
/// The identifiers a Chinese government site shows in its footer: 网站标识码, ICP 备案号 and 公安备案号, from settings
/// (<c>Portal:SiteCode</c>, <c>Portal:IcpRecord</c>, <c>Portal:PublicSecurityRecord</c>); an unset one is not shown.
/// </summary>
public sealed record SiteRecords(string? SiteCode, string? IcpRecord, string? PublicSecurityRecord)
{
    public bool HasAny => SiteCode is not null || IcpRecord is not null || PublicSecurityRecord is not null;

    public static SiteRecords From(IConfiguration config) => new(
        Value(config["Portal:SiteCode"]), Value(config["Portal:IcpRecord"]), Value(config["Portal:PublicSecurityRecord"]));

    private static string? Value(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
