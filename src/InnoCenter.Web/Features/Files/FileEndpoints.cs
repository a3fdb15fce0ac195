using InnoCenter.Web.Infrastructure.Web;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Features.Files;

public static class FileEndpoints
{
    public static void MapFileEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/files/{id:guid}", Download).RequireAuthorization().WithTags("Files").WithName("DownloadFile").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Binary).WithSummary("Download a stored file (material, evidence, voucher, photo) the caller may read");

    /// <summary>Downloads one file version; the module that owns it decides who may read it.</summary>
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, Attachments attachments, Text text, CancellationToken ct)
    {
        var opened = await attachments.OpenAsync(id, ct);
        if (!opened.IsSuccess)
        {
            return opened.Failure!.ToProblem(text);
        }

        var (file, content) = opened.Value;
        return TypedResults.File(content, file.ContentType, file.OriginalName, lastModified: file.UploadedAt);
    }
}
