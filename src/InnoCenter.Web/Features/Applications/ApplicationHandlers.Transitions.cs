using InnoCenter.Web.Data;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>The lifecycle moves of an application: submit and withdraw by the applicant, the formal check, the reviews and the decision by the programme officer.</summary>
public sealed partial class ApplicationHandlers
{
    public async Task<Result<ApplicationStatus>> SubmitAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var app = await LoadOwnAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        var a = app.Value;
        var verdicts = await eligibility.EvaluateAsync(a, ct);
        if (EligibilityEvaluator.Blocks(verdicts))
        {
            return Failure.Validation(verdicts.Where(e => e.Outcome == EligibilityOutcome.Fail)
                .Select(e => new Error(e.MessageCode, "eligibility." + e.Rule.Code, e.Args)));
        }

        return await MoveAsync(a, request, x => x.Submit(Applicant(), clock.GetUtcNow()), AdminIds, "applications.notify.submitted", ct);
    }

    public async Task<Result<ApplicationStatus>> WithdrawAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var app = await LoadOwnAsync(id, ct);
        return app.IsSuccess
            ? await MoveAsync(app.Value, request, x => x.Withdraw(Applicant(), clock.GetUtcNow(), request.Reason), AdminIds, "applications.notify.withdrawn", ct)
            : app.Failure!;
    }

    public async Task<Result<ApplicationStatus>> BeginFormalCheckAsync(Guid id, TransitionRequest request, CancellationToken ct) =>
        await AdminMoveAsync(id, request, x => x.BeginFormalCheck(Officer(), clock.GetUtcNow()), "applications.notify.formal_check", ct);

    public async Task<Result<ApplicationStatus>> ReturnForRevisionAsync(Guid id, TransitionRequest request, CancellationToken ct) =>
        await AdminMoveAsync(id, request, x => x.ReturnForRevision(Officer(), clock.GetUtcNow(), request.Reason ?? string.Empty), "applications.notify.returned", ct);

    /// <summary>Passing the formal check opens the expert review: the review subject is created with the consortium's codes.</summary>
    public async Task<Result<ApplicationStatus>> PassFormalCheckAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var app = await LoadForAdminAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        var codes = await PartyCodesAsync(app.Value, ct);
        await review.EnsureSubjectAsync(app.Value, codes, ct);
        return await MoveAsync(app.Value, request, x => x.PassFormalCheck(Officer(), clock.GetUtcNow(), request.Reason), ApplicantIds(app.Value), "applications.notify.expert_review", ct);
    }

    public async Task<Result<ApplicationStatus>> CompleteExpertReviewAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var app = await LoadForAdminAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        if (app.Value.Status == ApplicationStatus.ExpertReview && !(await review.StateAsync(id, ct)).PanelOpinionWritten)
        {
            return Failure.IllegalTransition("applications.needs_panel_opinion");
        }

        return await MoveAsync(app.Value, request, x => x.CompleteExpertReview(Officer(), clock.GetUtcNow(), request.Reason), ApplicantIds(app.Value), "applications.notify.site_inspection", ct);
    }

    public async Task<Result<ApplicationStatus>> CompleteSiteInspectionAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var app = await LoadForAdminAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        if (app.Value.Status == ApplicationStatus.SiteInspection && !(await review.StateAsync(id, ct)).SiteInspectionRecorded)
        {
            return Failure.IllegalTransition("applications.needs_site_inspection");
        }

        return await MoveAsync(app.Value, request, x => x.CompleteSiteInspection(Officer(), clock.GetUtcNow(), request.Reason), ApplicantIds(app.Value), "applications.notify.deliberation", ct);
    }

    /// <summary>Approval opens the public notice for the policy's number of working days, from the next working day.</summary>
    public async Task<Result<ApplicationStatus>> ApproveAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var decision = DecisionOf(request, reasonRequired: false);
        if (!decision.IsSuccess)
        {
            return decision.Failure!;
        }

        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        // The notice days and the holiday calendar are those of the pack the application began under.
        var begun = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.PolicyCode, a.PolicyVersion }).FirstOrDefaultAsync(ct);
        if (begun is null)
        {
            return Failure.NotFound();
        }

        var rules = (await versions.ForCaseAsync(begun.PolicyCode, begun.PolicyVersion, ct)).Applications;
        var today = clock.TodayInBeijing();
        var window = rules.NoticeWindow(today);
        if (!window.IsSuccess)
        {
            return window.Failure!;
        }

        var (start, end) = (window.Value.Start, window.Value.End);
        return await AdminMoveAsync(id, request, x => x.Approve(Officer(), clock.GetUtcNow(), decision.Value, start, end), "applications.notify.notice", ct);
    }

    public async Task<Result<ApplicationStatus>> RejectAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var decision = DecisionOf(request, reasonRequired: true);
        return decision.IsSuccess
            ? await AdminMoveAsync(id, request, x => x.Reject(Officer(), clock.GetUtcNow(), decision.Value), "applications.notify.rejected", ct)
            : decision.Failure!;
    }

    /// <summary>Performs a lifecycle action named as the API and the pages name it (submit, return, approve…).</summary>
    public async Task<Result<ApplicationStatus>> PerformAsync(Guid id, string action, TransitionRequest request, CancellationToken ct) => action switch
    {
        "submit" => await SubmitAsync(id, request, ct),
        "withdraw" => await WithdrawAsync(id, request, ct),
        "begin-formal-check" => await BeginFormalCheckAsync(id, request, ct),
        "pass-formal-check" => await PassFormalCheckAsync(id, request, ct),
        "return" => await ReturnForRevisionAsync(id, request, ct),
        "complete-expert-review" => await CompleteExpertReviewAsync(id, request, ct),
        "complete-site-inspection" => await CompleteSiteInspectionAsync(id, request, ct),
        "approve" => await ApproveAsync(id, request, ct),
        "reject" => await RejectAsync(id, request, ct),
        _ => Failure.NotFound("applications.action_unknown"),
    };

    private async Task<Result<ApplicationStatus>> AdminMoveAsync(
        Guid id, TransitionRequest request, Func<Application, Result<ApplicationStatus>> move, string notifyKey, CancellationToken ct)
    {
        var app = await LoadForAdminAsync(id, ct);
        return app.IsSuccess ? await MoveAsync(app.Value, request, move, ApplicantIds(app.Value), notifyKey, ct) : app.Failure!;
    }

    private async Task<Result<ApplicationStatus>> MoveAsync(
        Application a, TransitionRequest request, Func<Application, Result<ApplicationStatus>> move,
        Func<CancellationToken, Task<List<Guid>>> recipients, string notifyKey, CancellationToken ct)
    {
        if (request.Version is { } v && v != a.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var moved = move(a);
        if (!moved.IsSuccess)
        {
            return ApplicationLabels.Refusal(text, moved.Failure!);
        }

        await notifier.NotifyAsync(await recipients(ct), notifyKey, $"/Applications/Details/{a.Id}", ct, a.CenterName);
        var saved = await SaveAsync(a, ct);
        return saved.IsSuccess ? moved.Value : saved.Failure!;
    }

    private async Task<List<string>> PartyCodesAsync(Application a, CancellationToken ct)
    {
        var ids = a.Members.Select(m => m.OrganizationId).Append(a.LeadOrganizationId).Distinct().ToList();
        return await db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => o.CreditCode).ToListAsync(ct);
    }

    private Result<Decision> DecisionOf(TransitionRequest r, bool reasonRequired)
    {
        var errors = new List<Error>();
        Checks.MaxLength(r.Reason, FieldLengths.Reason, "reason", errors);
        if (r.MeetingDate is null)
        {
            errors.Add(new Error("validation.required", "meetingDate"));
        }

        Checks.Required(r.DecisionNumber, FieldLengths.Code, "decisionNumber", errors);

        if (reasonRequired && string.IsNullOrWhiteSpace(r.Reason))
        {
            errors.Add(new Error("application.reason_required", "reason"));
        }

        return errors.Count > 0 ? Failure.Validation(errors) : new Decision(r.MeetingDate!.Value, r.DecisionNumber!, r.Reason);
    }

    private Actor Applicant() => new(ApplicationActor.Applicant, user.Id, user.Name);

    private Actor Officer() => new(ApplicationActor.Admin, user.Id, user.Name);

    private Task<List<Guid>> AdminIds(CancellationToken ct) => Recipients.AdminsAsync(db, ct);

    private Func<CancellationToken, Task<List<Guid>>> ApplicantIds(Application a) => ct => Recipients.StaffOfAsync(db, a.LeadOrganizationId, ct);
}
