using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Experts;

public sealed class DetailsModel(ExpertHandlers handlers, ExpertInvitationHandlers invitations, ExpertProfileHandlers profiles, Text text) : PageModel
{
    public ExpertDto? Expert { get; private set; }

    /// <summary>The page of the assignments, from the query only: Razor Pages keeps its own route value "page", which would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<ExpertAssignmentDto> AssignmentPage { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<ExpertAssignmentDto> Assignments => AssignmentPage.Items;

    public InvitationDto? Invitation { get; private set; }

    public IReadOnlyList<StandingConflictDto> Conflicts { get; private set; } = [];

    public AffiliationChangeDto? PendingChange { get; private set; }

    [BindProperty]
    public DeclareInput Declare { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await invitations.ResendAsync(id, ct) is { } r && r.IsSuccess && r.Value.Invited.Count == 0
            ? Failure.Conflict(r.Value.Skipped[0].Reason)
            : r.IsSuccess ? null : r.Failure, ct);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await invitations.RevokeAsync(id, ct)).Failure, ct);

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, (await profiles.DeclareAsync(new StandingConflictRequest(Declare.CreditCode, Declare.OrganizationName, Declare.Reason, id), ct)).Failure, ct, "Declare");

    private async Task<IActionResult> AfterAsync(Guid id, Failure? failure, CancellationToken ct, string prefix = "")
    {
        if (failure is null)
        {
            TempData["Flash"] = text["common.saved"];
            return Redirect($"/Experts/Details/{id}");
        }

        ModelState.AddFailure(failure, text, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await handlers.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Expert = found.Value;
        AssignmentPage = await handlers.AssignmentsAsync(id, PageNumber, null, ct);
        Invitation = (await invitations.GetAsync(id, ct)).Value;
        Conflicts = (await profiles.ConflictsAsync(id, ct)).Value;
        PendingChange = (await profiles.ChangesForAsync(id, ct)).FirstOrDefault(c => c.Status == "Pending");
        return true;
    }

    public sealed class DeclareInput
    {
        public string? CreditCode { get; set; }

        public string? OrganizationName { get; set; }

        public string? Reason { get; set; }
    }
}
