using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Users;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").RequireAuthorization(Duties.Accounts).WithTags("Users");
        group.MapGet("/", List).WithName("ListUsers").WithSummary("List user accounts with their roles and state, paged");
        group.MapPost("/", Create).WithName("CreateUser").WithSummary("Create a user account with roles and organisation");
        group.MapPost("/{id:guid}/activate", Activate).WithName("ActivateUser").WithSummary("Activate a user account (e.g. a verified self-registration)");
        group.MapPost("/{id:guid}/deactivate", Deactivate).WithName("DeactivateUser").WithSummary("Deactivate a user account; its sessions and tokens stop working");

        app.MapPost("/api/v1/registrations", Register).WithName("Register").WithSummary("Register an organisation's account (自助注册), verified by an Admin before it can sign in").WithTags("Users")
            .AllowAnonymous().RequireRateLimiting(AuthSetup.PublicFormRateLimit);
    }

    private static async Task<Ok<PagedResult<UserDto>>> List([AsParameters] UserFilter filter, UserHandlers handlers, CancellationToken ct) =>
        TypedResults.Ok(await handlers.ListAsync(filter, ct));

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> Create(
        [FromBody] UserCreateRequest request, UserHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.CreateByAdminAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/users/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Activate(
        Guid id, [FromBody] UserActivation activation, UserHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.ActivateAsync(id, activation, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Deactivate(
        Guid id, UserHandlers handlers, CurrentUser user, Text text, CancellationToken ct)
    {
        var result = await handlers.DeactivateAsync(id, user.Id ?? Guid.Empty, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> Register(
        [FromBody] RegistrationRequest request, UserHandlers handlers, Text text, CancellationToken ct)
    {
        var result = await handlers.RegisterAsync(request, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/users/{result.Value.Id}", result.Value) : result.Failure!.ToProblem(text);
    }
}
