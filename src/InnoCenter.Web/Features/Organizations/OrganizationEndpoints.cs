using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Organizations;

public static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organizations").RequireAuthorization().WithTags("Organizations");
        group.MapGet("/", List).WithName("ListOrganizations").WithSummary("List organisations (单位), filtered by name, credit code, type and region, paged");
        group.MapGet("/export", Export).WithName("ExportOrganizations").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("Export the filtered organisation list as an Excel workbook");
        group.MapGet("/{id:guid}", Get).WithName("GetOrganization").WithSummary("One organisation with its credit code, type and region");
        group.MapPost("/", Create).WithName("CreateOrganization").WithSummary("Register an organisation with its unified social credit code (统一社会信用代码)").RequireAuthorization(Roles.Admin);
        group.MapPut("/{id:guid}", Update).WithName("UpdateOrganization").WithSummary("Change an organisation's details (the credit code never changes)").RequireAuthorization(Roles.Admin);
    }

    private static async Task<Ok<PagedResult<OrganizationDto>>> List(
        [AsParameters] OrganizationFilter filter, OrganizationHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(filter, ct));

    private static async Task<Results<Ok<OrganizationDto>, ProblemHttpResult>> Get(
        Guid id, OrganizationHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<OrganizationSaved>, ProblemHttpResult>> Create(
        [FromBody] OrganizationRequest request, OrganizationHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.CreateAsync(request, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/organizations/{result.Value.Organization.Id}", result.Value)
            : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<OrganizationSaved>, ProblemHttpResult>> Update(
        Guid id, [FromBody] OrganizationRequest request, OrganizationHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.UpdateAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static Task<FileStreamHttpResult> Export(
        [AsParameters] OrganizationFilter filter, OrganizationHandlers handlers, Text text, TimeProvider clock, CancellationToken ct) =>
        ExcelExport.ToXlsxAsync(
            handlers.Stream(filter),
            handlers.ToExportRow,
            $"organizations-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx",
            text["organization.list_title"],
            ct,
            handlers.ExportColumns());
}
