using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Experts;

public static class ExpertEndpoints
{
    public static void MapExpertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/experts").RequireAuthorization(Roles.Admin).WithTags("Experts");
        group.MapGet("/", List).WithName("ListExperts").WithSummary("The expert pool (专家库), filtered by domain, key area and availability, paged");
        group.MapGet("/export", Export).WithName("ExportExperts").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("Export the filtered expert pool as an Excel workbook");
        group.MapGet("/import/template", Template).WithName("ExpertImportTemplate").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("The Excel template for importing experts, with dropdowns for coded columns");
        // A bearer-token client cannot carry an antiforgery token; the auth cookie is SameSite=Lax, so no other site can post it.
        group.MapPost("/import", Import).WithName("ImportExperts").WithSummary("Import experts from an Excel workbook, all or nothing, with every refused row and column");
        group.MapGet("/{id:guid}", Get).WithName("GetExpert").WithSummary("One pool expert with affiliations, conflicts and invitation state");
        group.MapGet("/{id:guid}/assignments", Assignments).WithName("ExpertAssignments").WithSummary("An expert's panel seats across subjects and years, newest year first, paged");
        group.MapPost("/", Create).WithName("CreateExpert").WithSummary("Add an expert to the pool with domains, employer and past employers by credit code");
        group.MapPut("/{id:guid}", Update).WithName("UpdateExpert").WithSummary("Change a pool expert's record");
    }

    private static async Task<Ok<PagedResult<ExpertDto>>> List([AsParameters] ExpertFilter filter, ExpertHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(filter, ct));

    private static async Task<Results<Ok<ExpertDto>, ProblemHttpResult>> Get(Guid id, ExpertHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    /// <summary>A page of the expert's seats, newest year first (<c>page</c>, <c>pageSize</c> up to 200; 20 by default).</summary>
    private static async Task<Ok<PagedResult<ExpertAssignmentDto>>> Assignments(Guid id, int? page, int? pageSize, ExpertHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.AssignmentsAsync(id, page, pageSize, ct));

    private static async Task<Results<Created<ExpertDto>, ProblemHttpResult>> Create(
        [FromBody] ExpertRequest request, ExpertHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.CreateAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/experts/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<ExpertDto>, ProblemHttpResult>> Update(
        Guid id, [FromBody] ExpertRequest request, ExpertHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.UpdateAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static Task<FileStreamHttpResult> Export(
        [AsParameters] ExpertFilter filter, ExpertHandlers handlers, ExpertImport sheet, Text text, TimeProvider clock, CancellationToken ct) =>
        ExcelExport.ToXlsxAsync(
            handlers.Stream(filter),
            sheet.ToExportRow,
            $"experts-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx",
            text["experts.list_title"],
            ct,
            sheet.SheetColumns(template: false));

    private static Task<FileStreamHttpResult> Template(ExpertImport sheet, Text text, CancellationToken ct) =>
        ExcelExport.ToXlsxAsync(sheet.Template().ToAsyncEnumerable(), r => r, "experts-template.xlsx", text["experts.list_title"], ct,
            sheet.SheetColumns(template: true), template: true);

    /// <summary>All-or-nothing: 200 with the count, or 400 listing every wrong cell with its row and column, and nothing written.</summary>
    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(
        IFormFile? file, ExpertImport import, Text text, CancellationToken ct)
    {
        var result = await import.ImportAsync(file, ct);
        if (!result.IsSuccess)
        {
            return result.Failure!.ToProblem(text);
        }

        return result.Value.Succeeded ? TypedResults.Ok(result.Value) : Rejected(result.Value, text);
    }

    public static ProblemHttpResult Rejected(ImportReport report, Text text) =>
        TypedResults.Problem(
            title: text["problem.Validation"],
            detail: text["experts.import.rejected", report.Errors.Select(e => e.Row).Distinct().Count(), report.Rows],
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>
            {
                ["codes"] = new[] { "experts.import.rejected" },
                ["rows"] = report.Rows,
                ["imported"] = 0,
                ["rowErrors"] = report.Errors,
            });
}
