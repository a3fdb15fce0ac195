using InnoCenter.Web.Data;
using System.Text.Json;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Infrastructure.Problems;

/// <summary>
/// The one place unexpected failures are mapped. An API caller gets ProblemDetails without internals; a page gets the
/// friendly error page. A malformed JSON body or a lost update are expected enough to get their own message.
/// </summary>
public sealed class AppExceptionHandler(IProblemDetailsService problemDetails, ILogger<AppExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var text = http.RequestServices.GetRequiredService<Text>();
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, text["problem.Validation"], text["request.invalid_json", json.Path ?? "$"]),
            BadHttpRequestException bad => (bad.StatusCode, text["problem.Validation"], text["request.invalid"]),
            DbUpdateConcurrencyException => (409, text["problem.Conflict"], text[VersionedSave.ConcurrencyCode]),
            _ => (500, text["problem.Unexpected"], text["problem.Unexpected.detail"]),
        };
        // By now the middleware has pointed the request at the error page; the original path says who asked, and the
        // log must name the request that failed, not "/Error".
        var path = http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path.Value ?? string.Empty;
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, path);
        }

        if (!path.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        http.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
