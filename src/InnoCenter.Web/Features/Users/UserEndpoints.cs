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
        group.MapGet("/", List).WithName("ListUsers");
        group.MapPost("/", Create).WithName("CreateUser");
        group.MapPost("/{id:guid}/activate", Activate).WithName("ActivateUser");
        group.MapPost("/{id:guid}/deactivate", Deactivate).WithName("DeactivateUser");

        app.MapPost("/api/v1/registrations", Register).WithName("Register").WithTags("Users")
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
