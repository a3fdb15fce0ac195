using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Organizations;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Applications;

/// <summary>
/// The applicant's and the programme officer's commands on an application. Each loads the aggregate, checks who is
/// asking, asks the aggregate to move (it refuses illegal moves), records the notification, and saves once.
/// </summary>
public sealed class ApplicationHandlers(
    AppDbContext db,
    CurrentUser user,
    PolicyProvider policy,
    PolicyVersions versions,
    Attachments attachments,
    Notifier notifier,
    IApplicationReview review,
    Text text,
    TimeProvider clock)
{
    public const string OwnerType = "Application";

    public async Task<Result<Guid>> CreateAsync(ApplicationRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.CenterUser) || user.OrganizationId is not { } lead)
        {
            return Failure.Forbidden("applications.only_applicants");
        }

        var validated = ApplicationValidator.Validate(request, policy.Current);
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var pack = policy.Current;
        var leadName = await db.Organizations.Where(o => o.Id == lead).Select(o => o.Name).FirstAsync(ct);
        var app = Application.Start(lead, leadName, validated.Value.Details, pack.Code, pack.Version, user.Id!.Value, clock.GetUtcNow());
        var members = await ResolveMembersAsync(lead, request, ct);
        if (!members.IsSuccess)
        {
            return members.Failure!;
        }

        app.SetMembers(members.Value);
        app.SetIndicators(validated.Value.Indicators);
        db.Applications.Add(app);
        await db.SaveChangesAsync(ct);
        return app.Id;
    }

    public async Task<Result<Guid>> UpdateAsync(Guid id, ApplicationRequest request, CancellationToken ct)
    {
        var app = await LoadOwnAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        var a = app.Value;
        if (request.Version is { } v && v != a.Version)
        {
            return Failure.Conflict("common.concurrency");
        }

        var validated = ApplicationValidator.Validate(request, await PackOfAsync(a, ct));
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var members = await ResolveMembersAsync(a.LeadOrganizationId, request, ct);
        if (!members.IsSuccess)
        {
            return members.Failure!;
        }

        var edited = a.Edit(validated.Value.Details);
        if (!edited.IsSuccess)
        {
            return edited.Failure!;
        }

        a.SetMembers(members.Value);
        a.SetIndicators(validated.Value.Indicators);
        return await SaveAsync(a, ct);
    }

    /// <summary>Attaches a material (申报材料) as the next version of its slot; the old versions stay.</summary>
    public async Task<Result<Guid>> UploadMaterialAsync(Guid id, string materialCode, IFormFile? file, CancellationToken ct)
    {
        var app = await LoadOwnAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        if (!app.Value.IsEditable)
        {
            return Failure.IllegalTransition("application.not_editable", app.Value.Status.ToString());
        }

        if ((await PackOfAsync(app.Value, ct)).RequiredMaterials.All(m => m.Code != materialCode))
        {
            return Failure.Validation(new Error("applications.material_unknown", "material", materialCode));
        }

        var staged = await attachments.StageAsync(OwnerType, id, materialCode, file, ct);
        if (!staged.IsSuccess)
        {
            return staged.Failure!;
        }

        await db.SaveChangesAsync(ct);
        return staged.Value.Id;
    }

    public async Task<Result<ApplicationStatus>> SubmitAsync(Guid id, TransitionRequest request, CancellationToken ct)
    {
        var app = await LoadOwnAsync(id, ct);
        if (!app.IsSuccess)
        {
            return app.Failure!;
        }

        var a = app.Value;
        var eligibility = await EvaluateAsync(a, ct);
        if (EligibilityEvaluator.Blocks(eligibility))
        {
            return Failure.Validation(eligibility.Where(e => e.Outcome == EligibilityOutcome.Fail)
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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), LocalizationSetup.Beijing).DateTime);
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

    /// <summary>The eligibility verdicts as the applicant and the formal reviewer see them.</summary>
    public async Task<IReadOnlyList<EligibilityResult>> EvaluateAsync(Application a, CancellationToken ct)
    {
        var orgIds = a.Members.Select(m => m.OrganizationId).Append(a.LeadOrganizationId).Distinct().ToList();
        var leadCode = await db.Organizations.Where(o => o.Id == a.LeadOrganizationId).Select(o => o.CreditCode).FirstAsync(ct);
        var present = await db.StoredFiles
            .Where(f => f.OwnerType == OwnerType && f.OwnerId == a.Id && f.IsCurrent)
            .Select(f => f.Slot).Distinct().ToListAsync(ct);
        var pack = await PackOfAsync(a, ct);
        var input = new EligibilityInput(
            leadCode,
            a.Members.Select(m => (m.Kind, m.Region, m.EquitySharePercent)).ToList(),
            present,
            pack.RequiredMaterials,
            pack.RegionScope);
        return EligibilityEvaluator.Evaluate(pack.Applications.Eligibility, input);
    }

    /// <summary>The rules an application is judged by: those of the pack version it began under, never a later one.</summary>
    private Task<PolicyPack> PackOfAsync(Application a, CancellationToken ct) => versions.ForCaseAsync(a.PolicyCode, a.PolicyVersion, ct);

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
            return Failure.Conflict("common.concurrency");
        }

        var moved = move(a);
        if (!moved.IsSuccess)
        {
            return Localized(moved.Failure!);
        }

        await notifier.NotifyAsync(await recipients(ct), notifyKey, $"/Applications/Details/{a.Id}", ct, a.CenterName);
        var saved = await SaveAsync(a, ct);
        return saved.IsSuccess ? moved.Value : saved.Failure!;
    }

    private async Task<Result<Guid>> SaveAsync(Application a, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return a.Id;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else moved or edited the application since it was read: exactly one of two writers wins.
            return Failure.Conflict("common.concurrency");
        }
    }

    private async Task<Result<Application>> LoadOwnAsync(Guid id, CancellationToken ct)
    {
        var app = await LoadAsync(id, ct);
        if (app is null || !user.IsInRole(Roles.CenterUser) || user.OrganizationId != app.LeadOrganizationId)
        {
            return Failure.NotFound("applications.not_found");
        }

        return app;
    }

    private async Task<Result<Application>> LoadForAdminAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var app = await LoadAsync(id, ct);
        return app is null ? Failure.NotFound("applications.not_found") : app;
    }

    private Task<Application?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Applications.Include(a => a.Members).Include(a => a.Indicators).Include(a => a.Events)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>
    /// Turns the requested members into consortium members: each by credit code, registered on the spot when new
    /// (with the same checks as the organisation register). The lead is always a member.
    /// </summary>
    private async Task<Result<List<ConsortiumMember>>> ResolveMembersAsync(Guid leadId, ApplicationRequest request, CancellationToken ct)
    {
        var errors = new List<Error>();
        var lead = await db.Organizations.FirstAsync(o => o.Id == leadId, ct);
        var members = new List<ConsortiumMember>
        {
            new(lead.Id, lead.Type, lead.Region, request.LeadEquitySharePercent, isLead: true),
        };
        var seen = new HashSet<string> { lead.CreditCode };
        var codes = request.Members.Select(m => Uscc.Normalize(m.CreditCode)).Where(c => c.Length > 0).ToList();
        var known = await db.Organizations.Where(o => codes.Contains(o.CreditCode)).ToDictionaryAsync(o => o.CreditCode, ct);
        for (var i = 0; i < request.Members.Count; i++)
        {
            var m = request.Members[i];
            var field = $"members[{i}]";
            if (!Uscc.TryParse(m.CreditCode, out var code, out var codeError))
            {
                errors.Add(new Error(codeError!, field + ".creditCode"));
                continue;
            }

            if (!seen.Add(code.Value))
            {
                errors.Add(new Error("applications.member_duplicate", field + ".creditCode", code.Value));
                continue;
            }

            if (!known.TryGetValue(code.Value, out var org))
            {
                var registered = OrganizationValidator.Validate(new OrganizationRequest
                {
                    CreditCode = code.Value,
                    Name = m.Name,
                    Type = m.Kind,
                    Region = m.Region,
                    DistrictCode = m.DistrictCode,
                }, policy.Current);
                if (!registered.IsSuccess)
                {
                    errors.AddRange(registered.Failure!.Errors.Select(e => e with { Field = $"{field}.{e.Field}" }));
                    continue;
                }

                org = Organization.Create(registered.Value.Details, clock.GetUtcNow());
                db.Organizations.Add(org);
            }

            var kind = org.Type;
            if (!string.IsNullOrWhiteSpace(m.Kind) && !Enum.TryParse(m.Kind, true, out kind))
            {
                errors.Add(new Error("organization.type_unknown", field + ".kind", m.Kind));
                continue;
            }

            members.Add(new ConsortiumMember(org.Id, kind, org.Region, m.EquitySharePercent, isLead: false));
        }

        return errors.Count > 0 ? Failure.Validation(errors) : members;
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

    /// <summary>An illegal transition names the state and the possible actions in the caller's language, not as codes, and says so when there are none.</summary>
    private Failure Localized(Failure failure) => failure with
    {
        Errors = failure.Errors.Select(e => e.Code == "application.illegal_transition" && e.Args is [string action, string status, string[] allowed]
            ? allowed.Length == 0
                ? new Error("application.illegal_transition_none", e.Field, text[$"applications.action.{action}"], text[$"applications.status.{status}"])
                : e with { Args = [text[$"applications.action.{action}"], text[$"applications.status.{status}"], text.List(allowed.Select(x => text[$"applications.action.{x}"]))] }
            : e).ToList(),
    };

    private Actor Applicant() => new(ApplicationActor.Applicant, user.Id, user.Name);

    private Actor Officer() => new(ApplicationActor.Admin, user.Id, user.Name);

    private Task<List<Guid>> AdminIds(CancellationToken ct) => Recipients.AdminsAsync(db, ct);

    private Func<CancellationToken, Task<List<Guid>>> ApplicantIds(Application a) => ct => Recipients.StaffOfAsync(db, a.LeadOrganizationId, ct);
}
