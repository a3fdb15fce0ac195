namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>Headers every response carries: no inline script, no framing, no MIME sniffing, nothing from outside.</summary>
public static class SecurityHeaders
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference page is a third-party single-page app that boots from an inline script.
    private const string ScalarCsp =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        // Read before the pipeline runs: a re-executed status page (/Error) must not change the page's own policy.
        var takesPhotos = ctx.Request.Path.StartsWithSegments("/Reviews/Inspection", StringComparison.OrdinalIgnoreCase);
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/scalar") ? ScalarCsp : Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // The site-inspection page takes photos on the spot with their place; every other page may use neither.
            h["Permissions-Policy"] = takesPhotos
                ? "camera=(self), microphone=(), geolocation=(self)"
                : "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
