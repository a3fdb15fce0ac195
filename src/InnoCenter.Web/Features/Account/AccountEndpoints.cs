using System.Security.Claims;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/account").RequireAuthorization().WithTags("Account");
        group.MapGet("/me", Me).WithName("GetCurrentUser").WithSummary("The signed-in user: name, roles, organisation and preferred language");
        group.MapGet("/tokens", ListTokens).WithName("ListTokens").WithSummary("The caller's personal access tokens (never their secrets)");
        group.MapPost("/tokens", CreateToken).WithName("CreateToken").WithSummary("Issue a personal access token for API clients; its secret is shown once");
        group.MapDelete("/tokens/{id:guid}", RevokeToken).WithName("RevokeToken").WithSummary("Revoke one of the caller's personal access tokens");
    }

    private static Ok<MeDto> Me(ClaimsPrincipal principal, CurrentUser user) =>
        TypedResults.Ok(new MeDto(
            user.Id ?? Guid.Empty,
            user.Name ?? string.Empty,
            principal.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? string.Empty,
            user.OrganizationId,
            Roles.All.Where(principal.IsInRole).ToList()));

    private static async Task<Ok<IReadOnlyList<TokenDto>>> ListTokens(TokenHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(ct));

    private static async Task<Results<Created<TokenCreated>, ProblemHttpResult>> CreateToken(
        [FromBody] TokenRequest request, TokenHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.CreateAsync(request, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/account/tokens/{result.Value.Token.Id}", result.Value)
            : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<TokenDto>, ProblemHttpResult>> RevokeToken(
        Guid id, TokenHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.RevokeAsync(id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }
}
