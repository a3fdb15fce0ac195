using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Funds;

public static class FundsEndpoints
{
    /// <summary>The module is for Admins and the centers' own staff; any other role is refused before a body is read.</summary>
    private static readonly AuthorizationPolicy Users = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.CenterUser).Build();

    private static readonly AuthorizationPolicy Keepers = new AuthorizationPolicyBuilder().RequireRole(Roles.CenterUser).Build();

    public static void MapFundsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/funds").RequireAuthorization(Users).WithTags("Funds")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/grants", List).WithName("ListGrants").WithSummary("Grants the user may see, filtered and paged");
        g.MapGet("/grants/export", Export).WithName("ExportGrants").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("The filtered grants as an Excel sheet");
        g.MapPost("/grants", Create).RequireAuthorization(Roles.Admin).WithName("CreateGrant").WithSummary("Draft a grant (支持项目) for a center")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        g.MapGet("/grants/{id:guid}", Get).WithName("GetGrant").WithSummary("A grant with its lines, tranches, receipts, figures, warnings and history")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/grants/{id:guid}/approve", Approve).RequireAuthorization(Roles.Admin).WithName("ApproveGrant").WithSummary("Approve a draft; never by the Admin who drafted it")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/start", Start).RequireAuthorization(Roles.Admin).WithName("StartGrant").WithSummary("Put an approved grant into execution")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/accept", Accept).RequireAuthorization(Roles.Admin).WithName("AcceptGrant").WithSummary("Record acceptance (验收) with a reason")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/terminate", Terminate).RequireAuthorization(Roles.Admin).WithName("TerminateGrant").WithSummary("Terminate a grant with a reason")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/adjustments", Adjust).RequireAuthorization(Roles.Admin).WithName("RequestGrantAdjustment").WithSummary("Ask to move money between two lines (调剂)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/extensions", Extend).RequireAuthorization(Roles.Admin).WithName("RequestGrantExtension").WithSummary("Ask to extend the period (延期)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/changes/{changeId:guid}/decision", Decide).RequireAuthorization(Roles.Admin).WithName("DecideGrantChange")
            .WithSummary("Approve or reject a requested change; never by the Admin who asked for it")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/tranches", PlanTranche).RequireAuthorization(Roles.Admin).WithName("PlanTranche").WithSummary("Plan a tranche (拨付批次)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/tranches/{trancheId:guid}/release", Release).RequireAuthorization(Roles.Admin).WithName("ReleaseTranche")
            .WithSummary("Release a tranche: a second Admin, and 409 with every hold while any applies")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/receipts", Receipt).WithName("RecordFundReceipt").WithSummary("Record matching or self-raised money that arrived (multipart: source, amount, receivedOn, note, evidence)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/grants/{id:guid}/acceptance-evidence", Acceptance).WithName("UploadAcceptanceEvidence").WithSummary("File the acceptance evidence (multipart: file)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/grants/{id:guid}/clawbacks", Clawback).RequireAuthorization(Roles.Admin).WithName("RecordClawback").WithSummary("Record a clawback (收回) with a reason")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/grants/{id:guid}/clawbacks/{clawbackId:guid}/settle", Settle).RequireAuthorization(Roles.Admin).WithName("SettleClawback").WithSummary("Record a clawback as returned")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/expenditures", Expenditures).WithName("ListExpenditures").WithSummary("Expenditures the user may see, filtered and paged")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/grants/{id:guid}/expenditures", Spend).RequireAuthorization(Keepers).WithName("RecordExpenditure")
            .WithSummary("Record an expenditure with its vouchers (multipart: category, spentOn, payee, amount, purpose, vouchers)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/expenditures/{expenditureId:guid}/reverse", Reverse).RequireAuthorization(Keepers).WithName("ReverseExpenditure")
            .WithSummary("Correct an expenditure by a reversing entry with a reason")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/grants/{id:guid}/publish", Publish).RequireAuthorization(Roles.Admin).WithName("PublishGrant")
            .WithSummary("Publish the allocation (资金安排公开) and, once accepted, its result")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGroup("/api/v1/public/funds").AllowAnonymous().WithTags("Public")
            .MapGet("/grants", Published).WithName("ListPublishedGrants").WithSummary("Published fund allocations and acceptance results, for the portal");
        g.MapGet("/warnings", Warnings).RequireAuthorization(Roles.Admin).WithName("ListFundWarnings")
            .WithSummary("The warning board: warnings the daily sweep keeps over all grants, open (or resolved), by kind, paged");
        g.MapPost("/warnings/{warningId:guid}/follow-up", FollowUp).RequireAuthorization(Roles.Admin).WithName("NoteFundWarningFollowUp")
            .WithSummary("Note what was done about a warning (跟进)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/expenditures/export", ExportExpenditures).WithName("ExportExpenditures").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx)
            .WithSummary("The filtered expenditures as an Excel sheet");
        g.MapGet("/warnings/export", ExportWarnings).RequireAuthorization(Roles.Admin).WithName("ExportFundWarnings")
            .Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("The warning board as an Excel sheet");
        g.MapGet("/grants/{id:guid}/tranches/{trancheId:guid}/notice.docx", TrancheNotice).WithName("GetTrancheNotice")
            .Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Docx).WithSummary("The disbursement notice (资金拨付通知) of a released tranche, as an official .docx")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapGet("/grants/{id:guid}/usage-report.docx", UsageReport).WithName("GetFundUsageReport")
            .Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Docx).WithSummary("A grant's fund usage report (资金使用情况报告) for a year, as an official .docx")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        g.MapGet("/dashboard", Dashboard).RequireAuthorization(Roles.Admin).WithName("GetFundsDashboard")
            .WithSummary("Money received by source and spent by category per year, execution rate and open warnings");
        app.MapFundsAcceptanceEndpoints();
        app.MapExpenditureImportEndpoints();
    }

    private static async Task<Results<Ok<PagedResult<GrantRow>>, ProblemHttpResult>> List([AsParameters] GrantFilter filter, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ListAsync(filter, ct), text);

    private static async Task<Results<Created<GrantCreated>, ProblemHttpResult>> Create([FromBody] GrantDraft? draft, GrantHandlers h, Text text, CancellationToken ct)
    {
        var result = await h.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/funds/grants/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Get(Guid id, GrantHandlers h, Text text, CancellationToken ct) => Answer(await h.GetAsync(id, ct), text);

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Approve(Guid id, [FromBody] GrantStepRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ApproveAsync(id, r, ct), text);

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Publish(Guid id, [FromBody] GrantStepRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.PublishAsync(id, r, ct), text);

    private static async Task<Ok<PagedResult<PublicGrant>>> Published(int? page, int? pageSize, GrantHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.PublishedAsync(page, pageSize, ct));

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Start(Guid id, [FromBody] GrantStepRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.StartAsync(id, r, ct), text);

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Accept(Guid id, [FromBody] GrantStepRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.AcceptAsync(id, r, ct), text);

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Terminate(Guid id, [FromBody] GrantStepRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.TerminateAsync(id, r, ct), text);

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Adjust(Guid id, [FromBody] AdjustmentRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RequestAdjustmentAsync(id, r, ct), text);

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Extend(Guid id, [FromBody] ExtensionRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RequestExtensionAsync(id, r, ct), text);

    private static async Task<Results<Ok<GrantDto>, ProblemHttpResult>> Decide(Guid id, Guid changeId, [FromBody] ChangeDecisionRequest? r, GrantHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DecideChangeAsync(id, changeId, r, ct), text);

    private static async Task<Results<Ok<TrancheDto>, ProblemHttpResult>> PlanTranche(Guid id, [FromBody] TrancheRequest? r, TrancheHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.PlanTrancheAsync(id, r, ct), text);

    private static async Task<Results<Ok<TrancheDto>, ProblemHttpResult>> Release(Guid id, Guid trancheId, [FromBody] TrancheReleaseRequest? r, TrancheHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ReleaseTrancheAsync(id, trancheId, r, ct), text);

    private static async Task<Results<Ok<ReceiptDto>, ProblemHttpResult>> Receipt(
        Guid id, [FromForm] string? source, [FromForm] string? amount, [FromForm] DateOnly? receivedOn, [FromForm] string? note, IFormFile? evidence,
        TrancheHandlers h, Text text, CancellationToken ct)
    {
        if (!TryAmount(amount, out var value))
        {
            return Failure.Validation(new Error("funds.amount_invalid", "amount")).ToProblem(text);
        }

        return Answer(await h.RecordReceiptAsync(id, source, value, receivedOn, note, evidence, ct), text);
    }

    private static async Task<Results<Ok<AttachmentDto>, ProblemHttpResult>> Acceptance(Guid id, IFormFile? file, TrancheHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.UploadAcceptanceAsync(id, file, ct), text);

    private static async Task<Results<Ok<ClawbackDto>, ProblemHttpResult>> Clawback(Guid id, [FromBody] ClawbackRequest? r, TrancheHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RecordClawbackAsync(id, r, ct), text);

    private static async Task<Results<Ok<ClawbackDto>, ProblemHttpResult>> Settle(Guid id, Guid clawbackId, [FromBody] GrantStepRequest? r, TrancheHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.SettleClawbackAsync(id, clawbackId, r?.Version, ct), text);

    private static async Task<Results<Ok<PagedResult<ExpenditureDto>>, ProblemHttpResult>> Expenditures([AsParameters] ExpenditureFilter f, ExpenditureHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ListExpendituresAsync(f, ct), text);

    private static async Task<Results<Ok<ExpenditureDto>, ProblemHttpResult>> Spend(
        Guid id, [FromForm] string? category, [FromForm] DateOnly? spentOn, [FromForm] string? payee, [FromForm] string? amount, [FromForm] string? purpose,
        IFormFileCollection vouchers, ExpenditureHandlers h, Text text, CancellationToken ct)
    {
        if (!TryAmount(amount, out var value))
        {
            return Failure.Validation(new Error("funds.amount_invalid", "amount")).ToProblem(text);
        }

        var files = vouchers.GetFiles("vouchers");
        return Answer(await h.RecordExpenditureAsync(id, new ExpenditureDraft(category, spentOn, payee, value, purpose), files, ct), text);
    }

    private static async Task<Results<Ok<ExpenditureDto>, ProblemHttpResult>> Reverse(Guid id, Guid expenditureId, [FromBody] ReversalRequest? r, ExpenditureHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ReverseExpenditureAsync(id, expenditureId, r, ct), text);

    private static async Task<Results<Ok<PagedResult<WarningRowDto>>, ProblemHttpResult>> Warnings(
        string? kind, bool? resolved, int? page, int? pageSize, FundWarningBoard board, Text text, CancellationToken ct) =>
        Answer(await board.ListAsync(kind, resolved ?? false, page, pageSize, ct), text);

    private static async Task<Results<Ok<bool>, ProblemHttpResult>> FollowUp(Guid warningId, [FromBody] FollowUpRequest? r, FundWarningBoard board, Text text, CancellationToken ct) =>
        Answer(await board.FollowUpAsync(warningId, r, ct), text);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Export([AsParameters] GrantFilter filter, FundsExport export, Text text, TimeProvider clock, CancellationToken ct)
    {
        var result = await export.GrantsAsync(filter, ct);
        return result.IsSuccess ? result.Value : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportExpenditures([AsParameters] ExpenditureFilter f, FundsSheetExport export, Text text, CancellationToken ct)
    {
        var result = await export.ExpendituresAsync(f, ct);
        return result.IsSuccess ? result.Value : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportWarnings(string? kind, bool? resolved, FundsSheetExport export, Text text, CancellationToken ct)
    {
        var result = await export.WarningsAsync(kind, resolved ?? false, ct);
        return result.IsSuccess ? result.Value : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TrancheNotice(Guid id, Guid trancheId, FundsDocuments documents, Text text, CancellationToken ct)
    {
        var doc = await documents.TrancheNoticeAsync(id, trancheId, ct);
        return doc.IsSuccess ? TypedResults.File(doc.Value.Content, OpenApiConventions.Docx, doc.Value.FileName) : doc.Failure!.ToProblem(text);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> UsageReport(Guid id, int? year, FundsDocuments documents, Text text, CancellationToken ct)
    {
        var doc = await documents.UsageReportAsync(id, year, ct);
        return doc.IsSuccess ? TypedResults.File(doc.Value.Content, OpenApiConventions.Docx, doc.Value.FileName) : doc.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<FundsDashboardDto>, ProblemHttpResult>> Dashboard(FundsDashboard dashboard, Text text, CancellationToken ct) =>
        Answer(await dashboard.GetAsync(ct), text);

    /// <summary>An amount as typed in a form: invariant digits with at most a decimal point; null when blank.</summary>
    public static bool TryAmount(string? raw, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        if (decimal.TryParse(raw.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }

        return false;
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
}
