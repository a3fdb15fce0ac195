using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Account;

public sealed record RecoveryAnswer(string Message);

public sealed record EmailChanged(string Email);

public static class AccountRecoveryEndpoints
{
    public static void MapAccountRecoveryEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/account").WithTags("Account").AllowAnonymous().RequireRateLimiting(AuthSetup.PublicFormRateLimit);
        open.MapPost("/password/forgot", Forgot).WithName("ForgotPassword")
            .WithSummary("Mails a password-reset link if an active account has this address; the answer is the same either way")
            .ProducesValidationProblem();
        open.MapPost("/password/reset", Reset).WithName("ResetPassword")
            .WithSummary("Sets a new password with the single-use token from the reset mail")
            .ProducesValidationProblem();
        open.MapPost("/email/confirm", ConfirmEmail).WithName("ConfirmEmailChange")
            .WithSummary("Changes the account's address with the token mailed to the new address")
            .ProducesValidationProblem();

        var mine = app.MapGroup("/api/v1/account").WithTags("Account").RequireAuthorization();
        mine.MapGet("/preferences", Preferences).WithName("GetPreferences")
            .WithSummary("The signed-in user's address and mail language");
        mine.MapPut("/preferences", SetPreferences).WithName("SetPreferences")
            .WithSummary("Sets the language (zh-CN or en-US) of the signed-in user's mails")
            .ProducesValidationProblem();
        mine.MapPost("/email", ChangeEmail).WithName("RequestEmailChange")
            .WithSummary("Mails a confirmation link to the new address; the address changes when the link is used")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Accepted<RecoveryAnswer>, ProblemHttpResult>> Forgot(
        [FromBody] ForgotPasswordRequest request, AccountRecovery recovery, Text text, CancellationToken ct)
    {
        var result = await recovery.RequestResetAsync(request, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, new RecoveryAnswer(text["account.reset.sent"])) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Reset(
        [FromBody] ResetPasswordRequest request, AccountRecovery recovery, Text text, CancellationToken ct)
    {
        var result = await recovery.ResetAsync(request, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<EmailChanged>, ProblemHttpResult>> ConfirmEmail(
        [FromBody] EmailChangeConfirmation request, AccountRecovery recovery, Text text, CancellationToken ct)
    {
        var result = await recovery.ConfirmEmailChangeAsync(request, ct);
        return result.IsSuccess ? TypedResults.Ok(new EmailChanged(result.Value)) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<PreferencesDto>, ProblemHttpResult>> Preferences(
        CurrentUser user, AccountRecovery recovery, Text text, CancellationToken ct)
    {
        var result = await recovery.PreferencesAsync(user.Id ?? Guid.Empty, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Ok<PreferencesDto>, ProblemHttpResult>> SetPreferences(
        [FromBody] PreferencesRequest request, CurrentUser user, AccountRecovery recovery, Text text, CancellationToken ct)
    {
        var result = await recovery.SetPreferencesAsync(user.Id ?? Guid.Empty, request, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);
    }

    private static async Task<Results<Accepted<RecoveryAnswer>, ProblemHttpResult>> ChangeEmail(
        [FromBody] EmailChangeRequest request, CurrentUser user, AccountRecovery recovery, Text text, CancellationToken ct)
    {
        var result = await recovery.RequestEmailChangeAsync(user.Id ?? Guid.Empty, request, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, new RecoveryAnswer(text["account.email.sent"])) : result.Failure!.ToProblem(text);
    }
}
