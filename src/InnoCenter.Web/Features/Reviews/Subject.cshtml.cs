using InnoCenter.Domain.Common;
using InnoCenter.Domain.Reviews;
using InnoCenter.Web.Features.Experts;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Reviews;

/// <summary>
/// One subject's review. An Admin sees and runs the panel (draw, verify, replace, assign, leader), the conflicts, the
/// score matrix and the site inspection; an expert on the panel answers the invitation, scores, reads the others'
/// scores anonymously once their own is in, and — as leader — writes the panel opinion.
/// </summary>
public sealed class SubjectModel(
    ReviewSubjectHandlers subjects, PanelHandlers panels, PanelSeatHandlers seats, PanelInvitationHandlers invitations, ScoringHandlers scoring, SiteInspectionHandlers inspections,
    ExpertHandlers experts, CurrentUser user, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ExpertSearch { get; set; }

    [BindProperty]
    public ScoreInput Input { get; set; } = new();

    [BindProperty]
    public OpinionInput Opinion { get; set; } = new();

    public bool IsAdmin => user.IsAdmin;

    public SubjectDto? Subject { get; private set; }

    public PanelDto? Panel { get; private set; }

    public IReadOnlyList<ConflictDto> Conflicts { get; private set; } = [];

    public ScoresDto? Scores { get; private set; }

    public AssignmentDto? Mine { get; private set; }

    public IReadOnlyList<CriterionDto> Criteria { get; private set; } = [];

    public InspectionDto? Inspection { get; private set; }

    public bool CanWriteInspection { get; private set; }

    public IReadOnlyList<ExpertDto> SearchResults { get; private set; } = [];

    public VerificationDto? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDrawAsync(int? size, CancellationToken ct) =>
        await After(await panels.DrawAsync(Id, new DrawRequest(size), ct), ct);

    public async Task<IActionResult> OnPostVerifyAsync(Guid drawId, CancellationToken ct)
    {
        var result = await panels.VerifyAsync(Id, drawId, ct);
        if (!result.IsSuccess)
        {
            return await After(result, ct);
        }

        Verification = result.Value;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReplaceAsync(Guid memberId, string? reason, CancellationToken ct) =>
        await After(await panels.ReplaceAsync(Id, memberId, new ReasonRequest(reason), ct), ct);

    public async Task<IActionResult> OnPostAssignAsync(Guid expertId, Guid? replacesMemberId, string? reason, CancellationToken ct) =>
        await After(await seats.AssignAsync(Id, new AssignRequest(expertId, replacesMemberId), new ReasonRequest(reason), ct), ct);

    public async Task<IActionResult> OnPostLeaderAsync(Guid memberId, CancellationToken ct) =>
        await After(await seats.SetLeaderAsync(Id, new LeaderRequest(memberId), ct), ct);

    public async Task<IActionResult> OnPostDismissAsync(Guid expertId, string? creditCode, string? reason, CancellationToken ct) =>
        await After(await subjects.DismissAsync(Id, new DismissalRequest(expertId, creditCode, reason), ct), ct);

    public async Task<IActionResult> OnPostDeclareAsync(Guid? expertId, string? reason, CancellationToken ct)
    {
        var result = await subjects.DeclareAsync(Id, new DeclarationRequest(user.IsAdmin ? expertId : null, reason), ct);
        if (result.IsSuccess && !user.IsAdmin)
        {
            // A declared conflict closes the subject to the expert at once.
            TempData["Flash"] = text["reviews.conflict.declared"];
            return Redirect(ReviewLinks.My);
        }

        return await After(result, ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid memberId, CancellationToken ct) =>
        await After(await invitations.AcceptAsync(memberId, ct), ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid memberId, string? reason, CancellationToken ct)
    {
        var result = await invitations.DeclineAsync(memberId, new ReasonRequest(reason), ct);
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["common.saved"];
            return Redirect(ReviewLinks.My);
        }

        return await After(result, ct);
    }

    public async Task<IActionResult> OnPostScoreAsync(CancellationToken ct)
    {
        var result = await scoring.SubmitAsync(Id, new ScoreRequest { Points = Input.Points, Comment = Input.Comment, Recommendation = Input.Recommendation }, ct);
        return await After(result, ct, "Input");
    }

    public async Task<IActionResult> OnPostOpinionAsync(CancellationToken ct) =>
        await After(await scoring.WriteOpinionAsync(Id, new OpinionRequest(Opinion.Text, Opinion.Recommendation), ct), ct, "Opinion");

    private async Task<IActionResult> After<T>(Result<T> result, CancellationToken ct, string? prefix = null)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = text["common.saved"];
            return Redirect(ReviewLinks.Subject(Id));
        }

        if (prefix is null)
        {
            foreach (var e in result.Failure!.Errors)
            {
                ModelState.AddModelError(string.Empty, text.Of(e));
            }
        }
        else
        {
            ModelState.AddFailureDeep(result.Failure!, text, prefix);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var subject = await subjects.GetAsync(Id, ct);
        if (!subject.IsSuccess)
        {
            return false;
        }

        Subject = subject.Value;
        if (user.IsAdmin)
        {
            Panel = await panels.PanelAsync(Id, ct);
            Conflicts = (await subjects.ConflictsAsync(Id, ct)).Value;
            Scores = Panel is null ? null : (await scoring.ScoresAsync(Id, ct)).Value;
            if (!string.IsNullOrWhiteSpace(ExpertSearch))
            {
                SearchResults = (await experts.ListAsync(new ExpertFilter { Search = ExpertSearch, Active = true, PageSize = 20 }, ct)).Items;
            }
        }
        else
        {
            Mine = await invitations.MyOpenSeatOnAsync(Id, ct);
            Criteria = await scoring.CriteriaAsync(Id, ct);
            if (Mine is { Submitted: true } && await scoring.ScoresAsync(Id, ct) is { IsSuccess: true } scores)
            {
                Scores = scores.Value;
                if (Opinion.Text is null && Scores.Opinion is not null)
                {
                    Opinion = new OpinionInput { Text = Scores.Opinion, Recommendation = Scores.OpinionRecommendation };
                }
            }
        }

        Inspection = (await inspections.GetAsync(Id, ct)) is { IsSuccess: true } i ? i.Value : null;
        CanWriteInspection = await inspections.CanWriteAsync(Id, ct);
        return true;
    }

    public sealed class ScoreInput
    {
        public Dictionary<string, decimal?> Points { get; set; } = [];

        public string? Comment { get; set; }

        public string? Recommendation { get; set; }
    }

    public sealed class OpinionInput
    {
        public string? Text { get; set; }

        public string? Recommendation { get; set; }
    }

    public static IReadOnlyList<string> Recommendations => Enum.GetNames<Recommendation>();
}
