using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Policy;

public static class PolicyEndpoints
{
    public static void MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/policy").RequireAuthorization(Roles.Admin).WithTags("Policy");
        group.MapGet("/", InForce).WithName("GetPolicyInForce").WithSummary("The policy pack version in force, with its JSON");
        group.MapGet("/versions", List).WithName("ListPolicyVersions").WithSummary("Every stored version of the policy packs, newest first, with its state");
        group.MapGet("/versions/{id:guid}", Get).WithName("GetPolicyVersion").WithSummary("One stored version of a policy pack, with its JSON");
        group.MapGet("/versions/{fromId:guid}/diff/{toId:guid}", Diff).WithName("DiffPolicyVersions").WithSummary("The lines that differ between two stored versions");
        group.MapPost("/versions", Propose).WithName("ProposePolicyVersion").WithSummary("Propose a new version: one section of the pack in force, or a whole pack");
        group.MapPost("/versions/{id:guid}/apply", Apply).WithName("ApplyPolicyVersion").WithSummary("Apply a stored version from a day (today or later)");
    }

    private static async Task<Results<Ok<PolicyVersionDto>, ProblemHttpResult>> InForce(PolicyHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.InForceAsync(ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<IReadOnlyList<PolicyVersionRow>>, ProblemHttpResult>> List(
        [FromQuery] string? code, PolicyHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.ListAsync(code, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<PolicyVersionDto>, ProblemHttpResult>> Get(Guid id, PolicyHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.GetAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<PolicyDiffDto>, ProblemHttpResult>> Diff(
        Guid fromId, Guid toId, PolicyHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.DiffAsync(fromId, toId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<PolicyVersionRow>, ProblemHttpResult>> Propose(
        [FromBody] ProposePolicyRequest request, PolicyHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.ProposeAsync(request, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/policy/versions/{result.Value.Id}", result.Value)
            : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<PolicyVersionRow>, ProblemHttpResult>> Apply(
        Guid id, [FromBody] ApplyPolicyRequest request, PolicyHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.ApplyAsync(id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }
}
