using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Assessment;

public static class AssessmentEndpoints
{
    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assessment").RequireAuthorization().WithTags("Assessment");
        group.MapGet("/cycles", ListCycles).WithName("ListAssessmentCycles").WithSummary("Annual assessment cycles (年度考核), newest first");
        group.MapPost("/cycles", OpenCycle).WithName("OpenAssessmentCycle").WithSummary("Open an assessment cycle for a year on a frozen policy-pack version").RequireAuthorization(Roles.Admin);
        group.MapGet("/cycles/{id:guid}", GetCycle).WithName("GetAssessmentCycle").WithSummary("One assessment cycle with its deadline, pack version and state").RequireAuthorization(Roles.Admin);
        group.MapGet("/cycles/{id:guid}/reports", CycleReports).WithName("ListCycleReports").WithSummary("The annual reports of a cycle with their state, paged").RequireAuthorization(Roles.Admin);
        group.MapPost("/cycles/{id:guid}/deadline", MoveDeadline).WithName("MoveAssessmentDeadline").WithSummary("Move an open cycle's filing deadline (延期报送) with a reason; centers that have not submitted are told").RequireAuthorization(Roles.Admin);
        group.MapPost("/cycles/{id:guid}/score", Score).WithName("ScoreAssessmentCycle").WithSummary("Score every report of a cycle by the pack's indicators and weights").RequireAuthorization(Roles.Admin);
        group.MapPost("/cycles/{id:guid}/publish", Publish).WithName("PublishAssessmentCycle").WithSummary("Publish a cycle's grades and apply their consequences (e.g. revocation after two failing years)").RequireAuthorization(Roles.Admin);
        group.MapGet("/cycles/{id:guid}/decisions", Decisions).WithName("ListAssessmentDecisions").WithSummary("The consequences a cycle's grades decided for each center").RequireAuthorization(Roles.Admin);
        group.MapGet("/cycles/{id:guid}/overview", Overview).WithName("GetAssessmentOverview").WithSummary("A cycle's results: each center's score and grade, paged").RequireAuthorization(Roles.Admin);
        group.MapGet("/cycles/{id:guid}/overview/export", Export).WithName("ExportAssessmentOverview").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Xlsx).WithSummary("Export a cycle's results as an Excel workbook").RequireAuthorization(Roles.Admin);

        group.MapGet("/reports/{id:guid}", GetReport).WithName("GetAnnualReport").WithSummary("One center's annual report: indicator values pre-filled from the ledger, corrections, evidence");
        group.MapPost("/reports/{id:guid}/values/{code}", SetValue).WithName("SetAnnualReportValue").WithSummary("Set or correct one indicator value of a report, with evidence where the pack asks");
        group.MapPost("/reports/{id:guid}/document", UploadDocument).WithName("UploadOperationReport").WithSummary("Upload the center's operation report (年度运行报告) for the year");
        group.MapPost("/reports/{id:guid}/refresh", Refresh).WithName("RefreshAnnualReport").WithSummary("Refill a report's ledger-based values from the current ledger");
        group.MapPost("/reports/{id:guid}/submit", Submit).WithName("SubmitAnnualReport").WithSummary("Submit an annual report for acceptance");
        group.MapPost("/reports/{id:guid}/accept", Accept).WithName("AcceptAnnualReport").WithSummary("Accept a submitted annual report");
        group.MapPost("/reports/{id:guid}/return", Return).WithName("ReturnAnnualReport").WithSummary("Return an annual report for revision with a reason");
        group.MapGet("/reports/{id:guid}/scorecard", Scorecard).WithName("GetScorecard").WithSummary("A report's scorecard: indicator scores, weights, total and grade");
        group.MapGet("/reports/{id:guid}/scorecard.docx", ScorecardDocx).WithName("GetScorecardDocument").Produces(StatusCodes.Status200OK, contentType: OpenApiConventions.Docx).WithSummary("A report's scorecard as an official .docx");

        var weights = app.MapGroup("/api/v1/policy/assessment").RequireAuthorization(Roles.Admin).WithTags("Policy");
        weights.MapGet("/", GetWeights).WithName("GetAssessmentWeights").WithSummary("The assessment weights, thresholds and grade minimums in force");
        weights.MapPut("/", SaveWeights).WithName("SaveAssessmentWeights").WithSummary("Change the assessment weights, thresholds and grade minimums: a new pack version in force from today");

        var notices = app.MapGroup("/api/v1/notices/assessment").AllowAnonymous().WithTags("Public notices");
        notices.MapGet("/", Notices).WithName("ListAssessmentNotices").WithSummary("Published assessment results notices (考核结果公告), open to anyone");
        notices.MapGet("/{cycleId:guid}", Notice).WithName("GetAssessmentNotice").WithSummary("One cycle's results notice");
    }

    private static async Task<Ok<IReadOnlyList<CycleRow>>> ListCycles(CycleHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(ct));

    private static async Task<Results<Created<CycleDto>, ProblemHttpResult>> OpenCycle(
        [FromBody] OpenCycleRequest request, CycleHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.OpenAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/assessment/cycles/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<CycleDto>, ProblemHttpResult>> GetCycle(Guid id, CycleHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.GetAsync(id, ct), text);

    private static async Task<Results<Ok<CycleDto>, ProblemHttpResult>> MoveDeadline(
        Guid id, [FromBody] MoveDeadlineRequest request, CycleDeadlineHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.MoveAsync(id, request, ct), text);

    private static async Task<Results<Ok<PagedResult<ReportRow>>, ProblemHttpResult>> CycleReports(
        Guid id, [AsParameters] ReportFilter filter, CycleHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.ReportsAsync(id, filter, ct), text);

    /// <summary>Scores every report of the cycle at once (set-based); may run again until the results are published.</summary>
    private static async Task<Results<Ok<ScoreRunDto>, ProblemHttpResult>> Score(Guid id, ResultHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.ScoreAsync(id, ct), text);

    /// <summary>Publishes the results: each center's consequence is decided, recorded and applied; the center's staff are told.</summary>
    private static async Task<Results<Ok<PublishDto>, ProblemHttpResult>> Publish(
        Guid id, [FromBody] ReportDecisionRequest? request, CyclePublisher publisher, Text text, CancellationToken ct) =>
        Ok(await publisher.PublishAsync(id, request?.Version, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<DecisionDto>>, ProblemHttpResult>> Decisions(Guid id, ResultHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.DecisionsAsync(id, ct), text);

    private static async Task<Results<Ok<ScorecardDto>, ProblemHttpResult>> Scorecard(Guid id, ScorecardQueries queries, Text text, CancellationToken ct) =>
        Ok(await queries.GetAsync(id, ct), text);

    private static async Task<Results<Ok<OverviewDto>, ProblemHttpResult>> Overview(
        Guid id, int? page, int? pageSize, AssessmentDocuments documents, Text text, CancellationToken ct) =>
        Ok(await documents.OverviewAsync(id, page, pageSize, ct), text);

    /// <summary>Every indicator of every center as a row, with the numerator and the denominator of each ratio.</summary>
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Export(
        Guid id, AssessmentDocuments documents, Text text, TimeProvider clock, CancellationToken ct)
    {
        if (!await documents.CycleExistsAsync(id, ct))
        {
            return InnoCenter.Domain.Common.Failure.NotFound("assessment.cycle_not_found").ToProblem(text);
        }

        return await ExcelExport.ToXlsxAsync(
            documents.ExportLinesAsync(id, ct), documents.ToExportRow,
            $"assessment-{id:N}-{clock.GetUtcNow().ToBeijing("yyyyMMdd-HHmm")}.xlsx", text["assessment.overview.title"], ct, documents.ExportColumns());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ScorecardDocx(Guid id, AssessmentDocuments documents, Text text, CancellationToken ct)
    {
        var doc = await documents.ScorecardDocxAsync(id, ct);
        return doc.IsSuccess ? TypedResults.File(doc.Value.Content, Docx, doc.Value.FileName) : doc.Failure!.ToProblem(text);
    }

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static Ok<WeightsDto> GetWeights(WeightsHandlers handlers) => TypedResults.Ok(handlers.Current());

    /// <summary>Saves changed weights, points, thresholds or grade minimums as a new version of the pack in force.</summary>
    private static async Task<Results<Ok<WeightsDto>, ProblemHttpResult>> SaveWeights(
        [FromBody] WeightsRequest request, WeightsHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.SaveAsync(request, ct), text);

    private static async Task<Ok<IReadOnlyList<AssessmentNoticeRow>>> Notices(ScorecardQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.NoticeListAsync(ct));

    private static async Task<Results<Ok<AssessmentNoticeDto>, ProblemHttpResult>> Notice(Guid cycleId, ScorecardQueries queries, Text text, CancellationToken ct) =>
        (await queries.NoticesAsync(cycleId, ct)).FirstOrDefault() is { } notice
            ? TypedResults.Ok(notice)
            : InnoCenter.Domain.Common.Failure.NotFound("notices.not_found").ToProblem(text);

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> GetReport(Guid id, ReportHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.GetAsync(id, ct), text);

    /// <summary>Multipart form: value (as typed), reason (for a figure that differs from the ledger), version, evidence (file).</summary>
    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> SetValue(
        Guid id, string code, [FromForm] string? value, [FromForm] string? reason, [FromForm] int? version, IFormFile? evidence,
        ReportHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.SetValueAsync(id, code, new ValueRequest { Value = value, Reason = reason, Version = version }, evidence, ct), text);

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> UploadDocument(
        Guid id, IFormFile? file, [FromForm] int? version, ReportHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.UploadOperationReportAsync(id, file, version, ct), text);

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Refresh(
        Guid id, [FromBody] ReportDecisionRequest? request, ReportHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.RefreshAsync(id, request?.Version, ct), text);

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Submit(
        Guid id, [FromBody] ReportDecisionRequest? request, ReportHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.SubmitAsync(id, request?.Version, ct), text);

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Accept(
        Guid id, [FromBody] ReportDecisionRequest? request, ReportHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.AcceptAsync(id, request ?? new ReportDecisionRequest(), ct), text);

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Return(
        Guid id, [FromBody] ReportDecisionRequest? request, ReportHandlers handlers, Text text, CancellationToken ct) =>
        Ok(await handlers.ReturnAsync(id, request ?? new ReportDecisionRequest(), ct), text);

    private static Results<Ok<T>, ProblemHttpResult> Ok<T>(InnoCenter.Domain.Common.Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
}
