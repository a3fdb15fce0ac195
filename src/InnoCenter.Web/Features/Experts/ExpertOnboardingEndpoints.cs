using InnoCenter.Domain.Common;
using InnoCenter.Web.Features.Workbench;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Problems;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnoCenter.Web.Features.Experts;

/// <summary>Expert onboarding and the expert's own profile: invitations (Admin), accepting one (anonymous), profile and conflicts (Expert).</summary>
public static class ExpertOnboardingEndpoints
{
    private static readonly AuthorizeAttribute ExpertOnly = new() { Roles = Roles.Expert };

    public static IServiceCollection AddExpertOnboarding(this IServiceCollection services)
    {
        services.AddOptions<ExpertInvitationOptions>()
            .BindConfiguration(ExpertInvitationOptions.Section)
            .Validate(o => o.ValidDays is > 0 and <= 90, "Experts:Invitations:ValidDays must be 1–90.")
            .Validate(o => o.MaxPerRun is > 0 and <= 1000, "Experts:Invitations:MaxPerRun must be 1–1000.")
            .ValidateOnStart();
        services.AddScoped<ExpertInvitationHandlers>();
        services.AddScoped<ExpertProfileHandlers>();
        services.AddWorkbenchSource<ExpertWorkbenchSource>();
        return services;
    }

    public static void MapExpertOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/experts").RequireAuthorization(Roles.Admin).WithTags("Experts");
        admin.MapPost("/invitations", Invite).WithName("InviteExperts").WithSummary("Invite pool experts to make their sign-in");
        admin.MapGet("/{id:guid}/invitation", Invitation).WithName("GetExpertInvitation").WithSummary("An expert's invitation state");
        admin.MapPost("/{id:guid}/invitation/resend", Resend).WithName("ResendExpertInvitation").WithSummary("Send a new link; the old one stops working");
        admin.MapPost("/{id:guid}/invitation/revoke", Revoke).WithName("RevokeExpertInvitation").WithSummary("Revoke an unused invitation");
        admin.MapGet("/{id:guid}/conflicts", Conflicts).WithName("ExpertStandingConflicts").WithSummary("Conflicts the expert declared with organisations");
        admin.MapGet("/affiliation-changes", Changes).WithName("ListAffiliationChanges").WithSummary("Employer changes asked for by experts");
        admin.MapPost("/affiliation-changes/{id:guid}/confirm", Confirm).WithName("ConfirmAffiliationChange").WithSummary("Confirm an employer change");
        admin.MapPost("/affiliation-changes/{id:guid}/refuse", Refuse).WithName("RefuseAffiliationChange").WithSummary("Refuse an employer change, with a reason");

        var me = app.MapGroup("/api/v1/experts/me").RequireAuthorization().WithTags("Experts");
        me.MapGet("/profile", Mine).WithName("GetOwnExpertProfile").WithSummary("The signed-in expert's profile").RequireAuthorization(ExpertOnly);
        me.MapPut("/profile", UpdateMine).WithName("UpdateOwnExpertProfile").WithSummary("Domains, key areas, expertise, phone, availability").RequireAuthorization(ExpertOnly);
        me.MapPost("/affiliation-changes", RequestChange).WithName("RequestAffiliationChange").WithSummary("Ask for new employers; an Admin confirms").RequireAuthorization(ExpertOnly);
        // The Admin may name the expert in the body; an expert declares their own.
        me.MapPost("/conflicts", Declare).WithName("DeclareStandingConflict").WithSummary("Declare a conflict with an organisation").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Expert + "," + Roles.Admin });

        app.MapPost("/api/v1/expert-invitations/accept", Accept).AllowAnonymous().RequireRateLimiting(AuthSetup.PublicFormRateLimit)
            .WithTags("Experts").WithName("AcceptExpertInvitation").WithSummary("Use an invitation link: set the password and make the sign-in");
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result, Text text) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Failure!.ToProblem(text);

    private static async Task<Results<Ok<InviteReport>, ProblemHttpResult>> Invite([FromBody] InviteRequest request, ExpertInvitationHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.InviteAsync(request, ct), text);

    private static async Task<Results<Ok<InvitationDto>, ProblemHttpResult>> Invitation(Guid id, ExpertInvitationHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.GetAsync(id, ct), text);

    private static async Task<Results<Ok<InviteReport>, ProblemHttpResult>> Resend(Guid id, ExpertInvitationHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ResendAsync(id, ct), text);

    private static async Task<Results<Ok<InvitationDto>, ProblemHttpResult>> Revoke(Guid id, ExpertInvitationHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RevokeAsync(id, ct), text);

    private static async Task<Results<Ok<IReadOnlyList<StandingConflictDto>>, ProblemHttpResult>> Conflicts(Guid id, ExpertProfileHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ConflictsAsync(id, ct), text);

    private static async Task<Ok<PagedResult<AffiliationChangeDto>>> Changes(
        string? status, int? page, int? pageSize, ExpertProfileHandlers h, CancellationToken ct) =>
        TypedResults.Ok(await h.ChangesAsync(status, page, pageSize, ct));

    private static async Task<Results<Ok<AffiliationChangeDto>, ProblemHttpResult>> Confirm(Guid id, [FromBody] ChangeDecisionRequest? request, ExpertProfileHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.ConfirmAsync(id, request ?? new ChangeDecisionRequest(null, null), ct), text);

    private static async Task<Results<Ok<AffiliationChangeDto>, ProblemHttpResult>> Refuse(Guid id, [FromBody] ChangeDecisionRequest? request, ExpertProfileHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RefuseAsync(id, request ?? new ChangeDecisionRequest(null, null), ct), text);

    private static async Task<Results<Ok<OwnProfileDto>, ProblemHttpResult>> Mine(ExpertProfileHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.MineAsync(ct), text);

    private static async Task<Results<Ok<OwnProfileDto>, ProblemHttpResult>> UpdateMine([FromBody] OwnProfileRequest request, ExpertProfileHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.UpdateMineAsync(request, ct), text);

    private static async Task<Results<Ok<AffiliationChangeDto>, ProblemHttpResult>> RequestChange([FromBody] AffiliationChangeRequest request, ExpertProfileHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.RequestChangeAsync(request, ct), text);

    private static async Task<Results<Ok<StandingConflictDto>, ProblemHttpResult>> Declare([FromBody] StandingConflictRequest request, ExpertProfileHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.DeclareAsync(request, ct), text);

    private static async Task<Results<Ok<Guid>, ProblemHttpResult>> Accept([FromBody] AcceptInvitationRequest request, ExpertInvitationHandlers h, Text text, CancellationToken ct) =>
        Answer(await h.AcceptAsync(request, ct), text);
}
