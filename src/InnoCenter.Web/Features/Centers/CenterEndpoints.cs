using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Centers;

public static class CenterEndpoints
{
    public static void MapCenterEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/public/centers").AllowAnonymous().WithTags("Centers (public)");
        open.MapGet("/", PublicList).WithName("ListPublicCenters").WithSummary("Recognised centers (已认定创新中心) open to the public, with key figures");
        open.MapGet("/{id:guid}", PublicGet).WithName("GetPublicCenter").WithSummary("One recognised center's public profile");

        var group = app.MapGroup("/api/v1/centers").RequireAuthorization().WithTags("Centers");
        group.MapGet("/", List).WithName("ListCenters").WithSummary("Centers the caller may see, with status and key area, paged");
        group.MapGet("/{id:guid}", Get).WithName("GetCenter").WithSummary("One center's profile: legal entity, status, plaque and approval");
        group.MapPut("/{id:guid}/legal-entity", UpdateLegalEntity).WithName("UpdateCenterLegalEntity").WithSummary("Record a center's legal entity (法人实体) details");
        group.MapPost("/{id:guid}/status", ChangeStatus).WithName("ChangeCenterStatus").WithSummary("Change a center's status by a recorded decision with a reason").RequireAuthorization(Roles.Admin);
        group.MapGet("/{id:guid}/status-history", StatusHistory).WithName("GetCenterStatusHistory").WithSummary("A center's status changes over time with their reasons");
        group.MapGet("/{id:guid}/members", Members).WithName("ListCenterMembers").WithSummary("A center's member organisations over time");
        group.MapGet("/{id:guid}/members/composition", Composition).WithName("GetCenterComposition").WithSummary("A center's membership composition on a day (types, equity shares, 京津冀 view)");
        group.MapPost("/{id:guid}/members/changes", ChangeMembership).WithName("ChangeCenterMembership").WithSummary("Record members joining or leaving from a day (shares must total 100 % every day)");
        group.MapGet("/{id:guid}/governance", Governance).WithName("GetCenterGovernance").WithSummary("A center's governance bodies and seats (理事会, 专家委员会)");
        group.MapPost("/{id:guid}/governance/seats", AddSeat).WithName("AddGovernanceSeat").WithSummary("Add a governance seat from a day");
        group.MapPost("/{id:guid}/governance/seats/{seatId:guid}/end", EndSeat).WithName("EndGovernanceSeat").WithSummary("End a governance seat on a day");
    }

    private static async Task<Ok<PagedResult<CenterSummaryDto>>> PublicList(
        [AsParameters] CenterFilter filter, CenterHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.PublicListAsync(filter, ct));

    private static async Task<Results<Ok<PublicCenterDto>, ProblemHttpResult>> PublicGet(
        Guid id, CenterHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.GetPublicAsync(id, ct), text);

    private static async Task<Ok<PagedResult<CenterSummaryDto>>> List(
        [AsParameters] CenterFilter filter, CenterHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(filter, ct));

    private static async Task<Results<Ok<CenterDto>, ProblemHttpResult>> Get(Guid id, CenterHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.GetAsync(id, ct), text);

    private static async Task<Results<Ok<CenterDto>, ProblemHttpResult>> UpdateLegalEntity(
        Guid id, [FromBody] LegalEntityRequest request, CenterHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.UpdateLegalEntityAsync(id, request, ct), text);

    private static async Task<Results<Ok<CenterDto>, ProblemHttpResult>> ChangeStatus(
        Guid id, [FromBody] StatusChangeRequest request, CenterStatusHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.ChangeStatusAsync(id, request, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<StatusChangeDto>>, ProblemHttpResult>> StatusHistory(
        Guid id, CenterStatusHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.StatusHistoryAsync(id, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<CenterMemberDto>>, ProblemHttpResult>> Members(
        Guid id, MembershipHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.MembersAsync(id, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<CompositionPointDto>>, ProblemHttpResult>> Composition(
        Guid id, MembershipHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.CompositionAsync(id, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<CenterMemberDto>>, ProblemHttpResult>> ChangeMembership(
        Guid id, [FromBody] MembershipChangeRequest request, MembershipHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.ChangeMembershipAsync(id, request, ct), text);

    private static async Task<Results<Ok<GovernanceDto>, ProblemHttpResult>> Governance(
        Guid id, GovernanceHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.GovernanceAsync(id, ct), text);

    private static async Task<Results<Ok<GovernanceDto>, ProblemHttpResult>> AddSeat(
        Guid id, [FromBody] SeatRequest request, GovernanceHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.AddSeatAsync(id, request, ct), text);

    private static async Task<Results<Ok<GovernanceDto>, ProblemHttpResult>> EndSeat(
        Guid id, Guid seatId, [FromBody] EndSeatRequest request, GovernanceHandlers handlers, Text text, CancellationToken ct) =>
        Answer(await handlers.EndSeatAsync(id, seatId, request, ct), text);

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(InnoCenter.Domain.Common.Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
}
