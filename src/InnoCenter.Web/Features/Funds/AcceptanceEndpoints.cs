using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Funds;

/// <summary>验收 through the API: the self-evaluation (绩效自评) and the verdict (验收结论).</summary>
public static class AcceptanceEndpoints
{
    private static readonly AuthorizationPolicy Users = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.CenterUser).Build();

    private static readonly AuthorizationPolicy Keepers = new AuthorizationPolicyBuilder().RequireRole(Roles.CenterUser).Build();

    public static void MapFundsAcceptanceEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/funds/grants/{id:guid}/evaluation").RequireAuthorization(Users).WithTags("Funds")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("", Get).WithName("GetGrantEvaluation").WithSummary("A grant's performance self-evaluation (绩效自评) and acceptance verdicts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        g.MapPost("/request", Request).RequireAuthorization(Roles.Admin).WithName("RequestGrantEvaluation")
            .WithSummary("Ask the center for its performance self-evaluation")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/targets/{targetId:guid}", Report).RequireAuthorization(Keepers).WithName("ReportGrantTarget")
            .WithSummary("Report a performance target's actual value with evidence (multipart: actualValue, comment, evidence, version)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/submit", Submit).RequireAuthorization(Keepers).WithName("SubmitGrantEvaluation")
            .WithSummary("Submit the self-evaluation: every target reported with evidence")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        g.MapPost("/verdict", Verdict).RequireAuthorization(Roles.Admin).WithName("RecordGrantVerdict")
            .WithSummary("Record the acceptance verdict per target and for the grant, which accepts it")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Get(Guid id, AcceptanceHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.GetAsync(id, ct), text);

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Request(Guid id, [FromBody] GrantStepRequest? r, AcceptanceHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RequestAsync(id, r?.Version, ct), text);

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Report(
        Guid id, Guid targetId, [FromForm] string? actualValue, [FromForm] string? comment, [FromForm] int? version, IFormFileCollection evidence,
        AcceptanceHandlers h, Text text, CancellationToken ct)
    {
        if (!FundsEndpoints.TryAmount(actualValue, out var value))
        {
            return Failure.Validation(new Error("funds.amount_invalid", "actualValue")).ToProblem(text);
        }

        return Answer(await h.ReportTargetAsync(id, targetId, value, comment, evidence.GetFiles("evidence"), version, ct), text);
    }

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Submit(Guid id, [FromBody] GrantStepRequest? r, AcceptanceHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.SubmitAsync(id, r?.Version, ct), text);

    private static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Verdict(Guid id, [FromBody] VerdictRequest? r, AcceptanceHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DecideAsync(id, r, ct), text);

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
}
