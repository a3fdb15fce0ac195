using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Features.Funds;

/// <summary>支出批量导入 and 补传凭证 through the API: the template, the all-or-nothing import, vouchers afterwards.</summary>
public static class ExpenditureImportEndpoints
{
    private static readonly AuthorizationPolicy Users = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.CenterUser).Build();

    private static readonly AuthorizationPolicy Keepers = new AuthorizationPolicyBuilder().RequireRole(Roles.CenterUser).Build();

    public static void MapExpenditureImportEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/funds/grants/{id:guid}/expenditures").RequireAuthorization(Users).WithTags("Funds")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/template", Template).WithName("GetExpenditureImportTemplate")
            .Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx)
            .WithSummary("The Excel template for importing a grant's expenditures, headers in the user's language, the grant's categories as a dropdown")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/import", Import).RequireAuthorization(Keepers).WithName("ImportExpenditures")
            .WithSummary("Import expenditures from an Excel workbook (multipart: file), all or nothing, with every refused row and column; vouchers are attached afterwards")
            .Produces<ImportReport>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/{expenditureId:guid}/vouchers", Vouchers).RequireAuthorization(Keepers).WithName("AttachExpenditureVouchers")
            .WithSummary("Attach vouchers (PDF or image) to a recorded expenditure (multipart: vouchers); files already filed stay")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Template(Guid id, ExpenditureImport import, Text text, CancellationToken ct)
    {
        var template = await import.TemplateAsync(id, ct);
        if (!template.IsSuccess)
        {
            return template.Failure!.ToProblem(text);
        }

        return await ExcelExport.ToXlsxAsync(AsyncEnumerable.Empty<IDictionary<string, object?>>(), r => r, "expenditures-template.xlsx",
            text["funds.expenditures"], ct, template.Value.Columns, template: true);
    }

    private static async Task<Results<Ok<ImportReport>, BadRequest<ImportReport>, ProblemHttpResult>> Import(
        Guid id, IFormFile? file, ExpenditureImport import, Text text, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Failure.Validation(new Error("file.empty", "file")).ToProblem(text);
        }

        await using var stream = file.OpenReadStream();
        var result = await import.ImportAsync(id, stream, ct);
        if (!result.IsSuccess)
        {
            return result.Failure!.ToProblem(text);
        }

        return result.Value.Succeeded ? TypedResults.Ok(result.Value) : TypedResults.BadRequest(result.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<VoucherDto>>, ProblemHttpResult>> Vouchers(
        Guid id, Guid expenditureId, IFormFileCollection vouchers, ExpenditureHandlers h, Text text, CancellationToken ct)
    {
        var result = await h.AttachVouchersAsync(id, expenditureId, vouchers.GetFiles("vouchers"), ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }
}
