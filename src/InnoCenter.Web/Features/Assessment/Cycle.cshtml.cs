using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnoCenter.Web.Features.Assessment;

/// <summary>One cycle for the Admin: who has filed (due, overdue, submitted, returned, accepted), scoring and publishing.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class CycleModel(CycleHandlers cycles, ResultHandlers results, CyclePublisher publisher, CycleDeadlineHandlers deadlines, Text text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public CycleDto Cycle { get; private set; } = null!;

    public PagedResult<ReportRow> Reports { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<DecisionDto> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(CancellationToken ct)
    {
        var run = await results.ScoreAsync(Id, ct);
        if (run.IsSuccess)
        {
            TempData["Flash"] = text["assessment.scored", run.Value.Scored, run.Value.Complete];
            return Redirect(AssessmentLinks.Cycle(Id));
        }

        return await After(run, "common.saved", ct);
    }

    /// <summary>The deadline form's fields (延期报送).</summary>
    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public async Task<IActionResult> OnPostMoveDeadlineAsync(CancellationToken ct)
    {
        var moved = await deadlines.MoveAsync(Id, new MoveDeadlineRequest { Deadline = Move.Deadline, Reason = Move.Reason, Version = Move.Version }, ct);
        if (moved.IsSuccess)
        {
            TempData["Flash"] = text["assessment.deadline_moved", moved.Value.Deadline.ToString("yyyy-MM-dd")];
            return Redirect(AssessmentLinks.Cycle(Id));
        }

        ModelState.AddFailure(moved.Failure!, text, nameof(Move));
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public sealed class MoveInput
    {
        public DateOnly? Deadline { get; set; }

        public string? Reason { get; set; }

        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnPostPublishAsync(int? version, CancellationToken ct) =>
        await After(await publisher.PublishAsync(Id, version, ct), "assessment.published", ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var cycle = await cycles.GetAsync(Id, ct);
        if (!cycle.IsSuccess)
        {
            return false;
        }

        Cycle = cycle.Value;
        Reports = (await cycles.ReportsAsync(Id, new ReportFilter { State = State, Search = Search, Page = PageNumber }, ct)).Value;
        Decisions = Cycle.Status == "Published" ? (await results.DecisionsAsync(Id, ct)).Value : [];
        return true;
    }

    /// <summary>Shows a handler's refusal at the top of the page, or goes back to the page with a message.</summary>
    private async Task<IActionResult> After<T>(Result<T> result, string doneKey, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = text[doneKey];
            return Redirect(AssessmentLinks.Cycle(Id));
        }

        foreach (var e in result.Failure!.Errors)
        {
            ModelState.AddModelError(string.Empty, text.Of(e));
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }
}
