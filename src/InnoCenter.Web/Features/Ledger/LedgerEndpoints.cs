using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Web.Features.Ledger.Kinds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Ledger;

public static class LedgerEndpoints
{
    /// <summary>
    /// Only a center's own staff keep its ledger (Admins read it, members read what concerns them). Declared on every
    /// write endpoint so the role is checked by the authorisation middleware, before the body is read or validated:
    /// another role gets 403 for an empty body as for a valid one. Which centers a keeper may write is the handler's.
    /// </summary>
    private static readonly AuthorizationPolicy Keepers =
        new AuthorizationPolicyBuilder().RequireRole(Roles.CenterUser).Build();

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/ledger").RequireAuthorization();
        MapKind<ProjectLedger, RdProject, ProjectRequest>(api, ProjectLedger.Key, "Projects", "R&D projects (研发项目)");
        MapKind<IpLedger, IpRecord, IpRequest>(api, IpLedger.Key, "Ip", "intellectual property (知识产权)");
        MapKind<DealLedger, TransferDeal, DealRequest>(api, DealLedger.Key, "Deals", "technology-transfer deals (成果转化)");
        MapKind<StandardLedger, StandardRecord, StandardRequest>(api, StandardLedger.Key, "Standards", "standards (标准制定)");
        MapKind<IncubatedLedger, IncubatedEnterprise, IncubatedRequest>(api, IncubatedLedger.Key, "Incubated", "incubated enterprises (孵化企业)");
        MapKind<TalentLedger, TalentRecord, TalentRequest>(api, TalentLedger.Key, "Talent", "talent (人才引进与培养)");
        MapKind<StaffLedger, StaffYear, StaffRequest>(api, StaffLedger.Key, "Staff", "staff figures per year (人员)");
        MapKind<TrainingLedger, TrainingRecord, TrainingRequest>(api, TrainingLedger.Key, "Training", "training (培训)");
        MapKind<IntlLedger, IntlCooperation, IntlRequest>(api, IntlLedger.Key, "Intl", "international cooperation (国际合作)");
        MapKind<SmeLedger, SmeService, SmeRequest>(api, SmeLedger.Key, "Sme", "services to SMEs (中小企业服务)");

        var money = api.MapGroup("/").WithTags("Ledger: revenue sharing");
        money.MapGet($"/{DealLedger.Key}/{{id:guid}}/receipts", ListReceipts).WithName("ListDealReceipts").WithSummary("Receipts of a technology-transfer deal with their split among owners");
        money.MapPost($"/{DealLedger.Key}/{{id:guid}}/receipts", AddReceipt).RequireAuthorization(Keepers).WithName("AddDealReceipt").WithSummary("Record a receipt of a deal; it is split among the owners to the fen");
        money.MapDelete("/receipts/{id:guid}", RemoveReceipt).RequireAuthorization(Keepers).WithName("RemoveDealReceipt").WithSummary("Remove a receipt and its split, with the deal's version as read (?version=; 409 if the deal changed since)");
        money.MapGet("/statements", Statement).WithName("GetRevenueStatement").WithSummary("A member's revenue statement from the deals' receipts for a period");
        money.MapGet("/statements/export", ExportStatement).WithName("ExportRevenueStatement").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("Export a revenue statement as an Excel workbook");

        var rollup = api.MapGroup("/rollup").WithTags("Ledger: yearly roll-up");
        rollup.MapGet("/", CenterRollup).WithName("GetLedgerRollup").WithSummary("A center's yearly ledger figures (the keys the assessment reads)");
        rollup.MapGet("/{year:int}", YearRollup).WithName("GetLedgerRollupForYear").WithSummary("All centers' ledger figures for one year, a page of centers by name").RequireAuthorization(Roles.Admin);
    }

    /// <summary>
    /// Maps one kind's endpoints. The handlers take only concrete parameter types and resolve the kind and read the body
    /// themselves, because the route-handler analyzer fails on generic parameter types (dotnet/aspnetcore#56831).
    /// </summary>
    private static void MapKind<TKind, TEntity, TRequest>(RouteGroupBuilder api, string slug, string name, string noun)
        where TKind : LedgerKind<TEntity, TRequest>
        where TEntity : LedgerRecord
        where TRequest : LedgerRequest
    {
        static TKind Kind(HttpContext http) => http.RequestServices.GetRequiredService<TKind>();

        var g = api.MapGroup("/" + slug).WithTags("Ledger: " + slug);
        g.MapGet("/", async Task<Ok<PagedResult<LedgerItem>>> ([AsParameters] LedgerFilter filter, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await Kind(http).ListAsync(filter, ct))).WithName($"ListLedger{name}").WithSummary($"List the ledger's {noun}: records the caller may see, filtered and paged");

        g.MapGet("/export", ([AsParameters] LedgerFilter filter, HttpContext http, Text text, TimeProvider clock, CancellationToken ct) =>
        {
            var kind = Kind(http);
            return ExcelExport.ToXlsxAsync(kind.StreamAsync(filter, ct), kind.ToExportRow,
                $"ledger-{slug}-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text[kind.TitleKey], ct, kind.ExportColumns());
        }).WithName($"ExportLedger{name}").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary($"Export the filtered {noun} as an Excel workbook");

        g.MapGet("/template", (HttpContext http, Text text, CancellationToken ct) =>
        {
            var kind = Kind(http);
            return ExcelExport.ToXlsxAsync(AsyncEnumerable.Empty<IDictionary<string, object?>>(), r => r, $"ledger-{slug}-template.xlsx",
                text[kind.TitleKey], ct, kind.TemplateColumns(), template: true);
        }).WithName($"TemplateLedger{name}").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary($"The Excel import template for {noun}, with dropdowns for coded columns");

        g.MapGet("/{id:guid}", async Task<Results<Ok<LedgerItem>, ProblemHttpResult>> (Guid id, HttpContext http, Text text, CancellationToken ct) =>
            Answer(await Kind(http).GetAsync(id, ct), text)).WithName($"GetLedger{name}").WithSummary($"One record of {noun}");

        g.MapPost("/", async Task<Results<Created<LedgerItem>, ProblemHttpResult>> (HttpContext http, Text text, CancellationToken ct) =>
        {
            var body = await ReadAsync<TRequest>(http, text, ct);
            if (!body.IsSuccess)
            {
                return body.Failure!.ToProblem(text);
            }

            var result = await Kind(http).CreateAsync(body.Value, ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/ledger/{slug}/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
        }).Accepts<TRequest>("application/json").RequireAuthorization(Keepers).WithName($"CreateLedger{name}").WithSummary($"Record {noun} for a center");

        g.MapPut("/{id:guid}", async Task<Results<Ok<LedgerItem>, ProblemHttpResult>> (Guid id, HttpContext http, Text text, CancellationToken ct) =>
        {
            var body = await ReadAsync<TRequest>(http, text, ct);
            return body.IsSuccess ? Answer(await Kind(http).UpdateAsync(id, body.Value, ct), text) : body.Failure!.ToProblem(text);
        }).Accepts<TRequest>("application/json").RequireAuthorization(Keepers).WithName($"UpdateLedger{name}").WithSummary($"Change a record of {noun} (with its version)");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, [FromQuery] int? version, HttpContext http, Text text, CancellationToken ct) =>
        {
            var result = await Kind(http).DeleteAsync(id, version, ct);
            return result.IsSuccess ? TypedResults.NoContent() : result.Failure!.ToProblem(text);
        }).RequireAuthorization(Keepers).WithName($"DeleteLedger{name}").WithSummary($"Delete a record of {noun} as read at ?version= (409 if it changed since)");

        g.MapPost("/import", async Task<Results<Ok<ImportReport>, BadRequest<ImportReport>, ProblemHttpResult>> (
                Guid centerId, IFormFile? file, HttpContext http, Text text, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                {
                    return Failure.Validation(new Error("file.empty", "file")).ToProblem(text);
                }

                await using var stream = file.OpenReadStream();
                var result = await Kind(http).ImportAsync(centerId, stream, ct);
                if (!result.IsSuccess)
                {
                    return result.Failure!.ToProblem(text);
                }

                return result.Value.Succeeded ? TypedResults.Ok(result.Value) : TypedResults.BadRequest(result.Value);
            })
            .RequireAuthorization(Keepers).WithName($"ImportLedger{name}").WithSummary($"Import {noun} from an Excel workbook, all or nothing, with every refused row and column");

        g.MapPost("/import/background", async Task<Results<Accepted<ImportJobDto>, ProblemHttpResult>> (
                Guid centerId, IFormFile? file, HttpContext http, ImportJobs jobs, Text text, CancellationToken ct) =>
            {
                var started = await jobs.StartAsync(LedgerImportTarget.KindOf(Kind(http)), centerId, file, ct);
                return started.IsSuccess
                    ? TypedResults.Accepted($"/api/v1/imports/{started.Value.Id}", started.Value)
                    : started.Failure!.ToProblem(text);
            })
            .RequireAuthorization(Keepers).WithName($"StartLedger{name}Import")
            .WithSummary("Start an import in the background (202, then follow /api/v1/imports/{id}): for files of thousands of rows");

        g.MapGet("/{id:guid}/evidence", async Task<Results<Ok<IReadOnlyList<AttachmentDto>>, ProblemHttpResult>> (
            Guid id, HttpContext http, LedgerEvidence evidence, Text text, CancellationToken ct) =>
            Answer(await evidence.ListAsync(Kind(http), id, ct), text)).WithName($"ListLedger{name}Evidence").WithSummary($"The evidence files of a record of {noun}");

        g.MapPost("/{id:guid}/evidence", async Task<Results<Ok<AttachmentDto>, ProblemHttpResult>> (
                Guid id, IFormFile? file, HttpContext http, LedgerEvidence evidence, Text text, CancellationToken ct) =>
                Answer(await evidence.UploadAsync(Kind(http), id, file, ct), text))
            .RequireAuthorization(Keepers).WithName($"UploadLedger{name}Evidence").WithSummary($"Attach an evidence file to a record of {noun}, checked before it is kept");
    }

    /// <summary>Reads a JSON body; a malformed one is a 400 that names where it went wrong, as everywhere in the API.</summary>
    private static async Task<Result<T>> ReadAsync<T>(HttpContext http, Text text, CancellationToken ct)
    {
        try
        {
            var body = await http.Request.ReadFromJsonAsync<T>(JsonOptions(http), ct);
            return body is null ? Failure.Validation(new Error("request.invalid")) : body;
        }
        catch (System.Text.Json.JsonException json)
        {
            return Failure.Validation(new Error("request.invalid_json", null, json.Path ?? "$"));
        }
        catch (InvalidOperationException)
        {
            // Not JSON at all (wrong content type).
            return Failure.Validation(new Error("request.invalid"));
        }
    }

    private static System.Text.Json.JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private static async Task<Results<Ok<IReadOnlyList<ReceiptDto>>, ProblemHttpResult>> ListReceipts(
        Guid id, ReceiptHandlers receipts, Text text, CancellationToken ct) =>
        Answer(await receipts.ListAsync(id, ct), text);

    private static async Task<Results<Created<ReceiptDto>, ProblemHttpResult>> AddReceipt(
        Guid id, [FromBody] ReceiptRequest request, ReceiptHandlers receipts, Text text, CancellationToken ct)
    {
        var result = await receipts.AddAsync(id, request, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/ledger/{DealLedger.Key}/{id}/receipts", result.Value)
            : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveReceipt(Guid id, [FromQuery] int? version, ReceiptHandlers receipts, Text text, CancellationToken ct)
    {
        var result = await receipts.RemoveAsync(id, version, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<StatementDto>, ProblemHttpResult>> Statement(
        [AsParameters] StatementFilter filter, ReceiptHandlers receipts, Text text, CancellationToken ct) =>
        Answer(await receipts.StatementAsync(filter, ct), text);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportStatement(
        [AsParameters] StatementFilter filter, ReceiptHandlers receipts, Text text, TimeProvider clock, CancellationToken ct)
    {
        var result = await receipts.StatementAsync(filter, ct);
        if (!result.IsSuccess)
        {
            return result.Failure!.ToProblem(text);
        }

        return await ExcelExport.ToXlsxAsync(
            result.Value.Lines.ToAsyncEnumerable(), receipts.ToExportRow,
            $"revenue-statement-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text["ledger.statement.title"], ct, receipts.ExportColumns());
    }

    /// <summary>One center's yearly summary, for an Admin or the center's own users (the handler checks).</summary>
    private static async Task<Results<Ok<IReadOnlyDictionary<string, decimal>>, ProblemHttpResult>> CenterRollup(
        Guid centerId, int year, LedgerRollupHandlers rollups, Text text, CancellationToken ct) =>
        Answer(await rollups.CenterYearAsync(centerId, year, ct), text);

    /// <summary>All centers' yearly summaries, a page of centers by name at a time (1,000 centers × 28 figures is too much for one answer).</summary>
    private static async Task<Results<Ok<PagedResult<CenterYearRollup>>, ProblemHttpResult>> YearRollup(
        int year, int? page, int? pageSize, LedgerRollupHandlers rollups, Text text, CancellationToken ct) =>
        Answer(await rollups.AllCentersAsync(year, page, pageSize, ct), text);

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
}
