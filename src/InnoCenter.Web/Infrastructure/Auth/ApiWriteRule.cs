using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace InnoCenter.Web.Infrastructure.Auth;

/// <summary>
/// One rule for every state-changing API call (POST, PUT, PATCH, DELETE under <c>/api</c>): it carries a bearer token
/// (a personal access token, which a browser never sends by itself), or the sign-in cookie together with a valid
/// antiforgery token (header <c>RequestVerificationToken</c> or form field <c>__RequestVerificationToken</c>). A cookie
/// alone is refused with 403, so only the platform's own pages can write with it — SameSite is not the only guard.
/// Reads and downloads keep working with the cookie. Endpoints need no care of their own: the rule runs after the
/// framework's antiforgery middleware and decides for every API endpoint, form-bound or not.
/// </summary>
public static class ApiWriteRule
{
    public const string AuthCookieName = "innocenter.auth";

    public static IApplicationBuilder UseApiWriteRule(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (!Applies(ctx.Request))
        {
            await next();
            return;
        }

        if (IsBearer(ctx.Request))
        {
            // A token cannot be forged by another site; form-bound endpoints read this instead of the framework's verdict.
            ctx.Features.Set<IAntiforgeryValidationFeature>(Verdict.Valid);
            await next();
            return;
        }

        if (ctx.Request.Cookies.ContainsKey(AuthCookieName))
        {
            // For a form-bound endpoint the framework has already judged the token (and reading the form again
            // would throw); for the others the rule asks itself.
            var valid = ctx.Features.Get<IAntiforgeryValidationFeature>() is { } judged
                ? judged.IsValid
                : await ctx.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(ctx);
            if (!valid)
            {
                var text = ctx.RequestServices.GetRequiredService<Text>();
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = text["status.403"],
                        Detail = text["security.api.antiforgery"],
                    },
                });
                return;
            }

            ctx.Features.Set<IAntiforgeryValidationFeature>(Verdict.Valid);
        }

        await next();
    });

    private static bool Applies(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
            || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method));

    /// <summary>Does the request authenticate by a personal access token (the policy scheme forwards on the same test)?</summary>
    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private sealed class Verdict : IAntiforgeryValidationFeature
    {
        public static readonly Verdict Valid = new();

        public bool IsValid => true;

        public Exception? Error => null;
    }
}
