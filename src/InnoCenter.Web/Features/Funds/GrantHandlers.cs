using InnoCenter.Domain.Common;
using InnoCenter.Domain.Funds;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Funds;

/// <summary>Grants: draft, four-eyes approval, execution, acceptance or termination, 调剂 and 延期. Used by the API and the pages.</summary>
public sealed class GrantHandlers(
    AppDbContext db, FundsAccess access, PolicyProvider policy, PolicyVersions versions, FundFigures figures, FundWarnings warnings,
    Notifier notifier, Text text, TimeProvider clock)
{
    private static bool En => LocalizationSetup.IsEnglish;

    public async Task<Result<GrantCreated>> CreateAsync(GrantDraft? draft, CancellationToken ct)
    {
        if (!access.IsAdmin)
        {
            return Failure.Forbidden();
        }

        if (draft is null)
        {
            return Failure.Validation(new Error("request.invalid"));
        }

        var made = Grant.Draft(draft, policy.Current, access.UserId, clock.GetUtcNow());
        if (!made.IsSuccess)
        {
            return made.Failure!;
        }

        if (!await db.Centers.AnyAsync(c => c.Id == draft.CenterId, ct))
        {
            return Failure.Validation(new Error("funds.center_unknown", "centerId"));
        }

        db.FundGrants.Add(made.Value);
        await NotifyOtherAdminsAsync("funds.notify.grant_to_approve", made.Value, ct);
        await db.SaveChangesAsync(ct);
        return new GrantCreated(made.Value.Id, made.Value.Version);
    }

    public async Task<Result<GrantDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.GrantAsync(id, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        var pack = await versions.ForCaseAsync(grant.PolicyCode, grant.PolicyVersion, ct);
        var sums = await figures.KeptSumsAsync(id, ct);
        var around = await GrantReads.AroundOf.For(db)(db, grant.CenterId, id, ct);
        var centerName = around.Name;
        var hasEvidence = grant.EvaluationSubmittedAt is not null || around.AcceptanceFile;
        var holdContext = new FundFigures.HoldContext(around.LatestYear, around.LatestGrade, hasEvidence);
        var tranches = await GrantReads.Tranches.For(db)(db, id).ToListAsync(ct);
        var trancheDtos = tranches.Select(t => new TrancheDto(
            t.Id, t.Sequence, t.Amount, t.PlannedOn, t.IsFinal, t.Status.ToString(), text[$"funds.tranche.{t.Status}"], t.ReleasedOn, t.PlannedBy, t.Version,
            t.Status == TrancheStatus.Planned ? FundFigures.Holds(t, sums, pack, En, holdContext).Select(h => text[h.Code, h.Args]).ToList() : [])).ToList();

        var receipts = (await GrantReads.Receipts.For(db)(db, id).ToListAsync(ct))
            .Select(x => new ReceiptDto(x.Receipt.Id, x.Receipt.Source, pack.Funds.Sources.LabelOf(x.Receipt.Source, En), x.Receipt.Amount, x.Receipt.ReceivedOn, x.Receipt.TrancheId, x.Receipt.Note, x.FileId))
            .ToList();
        var clawbacks = await GrantReads.Clawbacks.For(db)(db, id).ToListAsync(ct);
        var rules = pack.Funds;
        var lines = grant.Lines.OrderBy(l => rules.Categories.ToList().FindIndex(c => c.Code == l.Category)).Select(l =>
        {
            var spent = sums.SpentByLine.GetValueOrDefault(l.Id);
            return new LineDto(
                l.Id, l.Category, rules.Categories.LabelOf(l.Category, En), l.Amount, FundMoney.Yuan(spent), FundMoney.Yuan(l.AmountFen - spent),
                FundMoney.Percent(spent, l.AmountFen),
                l.Shares.OrderByDescending(s => s.AmountFen).Select(s => new ShareDto(s.Source, rules.Sources.LabelOf(s.Source, En), s.Amount)).ToList());
        }).ToList();
        var indicators = pack.Assessment.IndicatorSystem.Indicators;
        return new GrantDto(
            grant.Id, grant.CenterId, centerName, grant.Title, grant.DocumentNumber, grant.Source, rules.Sources.LabelOf(grant.Source, En),
            grant.Form, rules.Forms.LabelOf(grant.Form, En), grant.PeriodFrom, grant.PeriodTo, grant.Status.ToString(), text[$"funds.status.{grant.Status}"],
            grant.Amount, grant.PolicyCode, grant.PolicyVersion, grant.DraftedBy, grant.ApprovedBy, grant.Version,
            hasEvidence,
            grant.PublishedAt,
            lines,
            grant.Targets.Select(t => new TargetDto(t.Indicator, indicators.FirstOrDefault(i => i.Code == t.Indicator)?.Label(En) ?? t.Indicator, t.TargetValue)).ToList(),
            grant.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new EventDto(e.From?.ToString(), e.To.ToString(), text[$"funds.status.{e.To}"], e.Reason, e.By, e.At)).ToList(),
            grant.Changes.OrderBy(c => c.RequestedAt).ThenBy(c => c.Id).Select(c => new ChangeDto(
                c.Id, c.Kind.ToString(), text[$"funds.change.{c.Kind}"], c.Status.ToString(), text[$"funds.change_status.{c.Status}"], c.FromLineId, c.ToLineId, c.Amount,
                c.OldPeriodTo, c.NewPeriodTo, c.Reason, c.RequestedBy, c.RequestedAt, c.DecidedBy, c.DecisionReason)).ToList(),
            trancheDtos, receipts, clawbacks,
            figures.Figures(grant, sums, rules, En),
            warnings.ForGrant(grant, centerName, sums, rules));
    }

    public async Task<Result<PagedResult<GrantRow>>> ListAsync(GrantFilter filter, CancellationToken ct)
    {
        if (!access.MayEnter)
        {
            return Failure.Forbidden();
        }

        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var q = await FilteredAsync(filter, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(g => g.PeriodFrom).ThenBy(g => g.Id).Skip((page - 1) * size).Take(size)
            .Join(db.Centers, g => g.CenterId, c => c.Id, (g, c) => new { g, c.Name }).ToListAsync(ct);
        var rules = policy.Current.Funds;
        return new PagedResult<GrantRow>(rows.Select(r => Row(r.g, r.Name, rules)).ToList(), page, size, total);
    }

    public async Task<IQueryable<Grant>> FilteredAsync(GrantFilter filter, CancellationToken ct)
    {
        var q = db.FundGrants.AsNoTracking();
        if (await access.CentersAsync(ct) is { } own)
        {
            q = q.Where(g => own.Contains(g.CenterId));
        }

        if (filter.CenterId is { } center)
        {
            q = q.Where(g => g.CenterId == center);
        }

        if (Enum.TryParse<GrantStatus>(filter.Status, true, out var status))
        {
            q = q.Where(g => g.Status == status);
        }

        if (filter.Pending == "tranches")
        {
            q = q.Where(g => db.FundTranches.Any(t => t.GrantId == g.Id && t.Status == TrancheStatus.Planned));
        }
        else if (filter.Pending == "changes")
        {
            q = q.Where(g => db.FundGrantChanges.Any(c => c.GrantId == g.Id && c.Status == ChangeStatus.Pending));
        }
        else if (filter.Pending == "evaluations")
        {
            // An Admin waits on submitted self-evaluations; the center's staff on the ones asked of them.
            q = access.IsAdmin
                ? q.Where(g => g.Status == GrantStatus.InExecution && g.EvaluationSubmittedAt != null)
                : q.Where(g => g.Status == GrantStatus.InExecution && g.EvaluationRequestedAt != null && g.EvaluationSubmittedAt == null);
        }

        if (filter.Year is { } year)
        {
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            q = q.Where(g => g.PeriodFrom <= end && g.PeriodTo >= start);
        }

        return q;
    }

    public GrantRow Row(Grant g, string centerName, FundRules rules) => new(
        g.Id, g.CenterId, centerName, g.Title, g.DocumentNumber, g.Source, rules.Sources.LabelOf(g.Source, En), g.Form, rules.Forms.LabelOf(g.Form, En),
        g.PeriodFrom, g.PeriodTo, g.Status.ToString(), text[$"funds.status.{g.Status}"], g.Amount);

    public Task<Result<GrantDto>> ApproveAsync(Guid id, GrantStepRequest? request, CancellationToken ct) =>
        StepAsync(id, request, (g, now) => g.Approve(access.UserId, now), "funds.notify.grant_approved", ct);

    public Task<Result<GrantDto>> PublishAsync(Guid id, GrantStepRequest? request, CancellationToken ct) =>
        StepAsync(id, request, (g, now) => g.Publish(access.UserId, now), null, ct);

    /// <summary>The published allocations, newest first, for anyone; the acceptance result shows once a grant is accepted.</summary>
    public async Task<PagedResult<PublicGrant>> PublishedAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var q = db.FundGrants.AsNoTracking().Where(g => g.PublishedAt != null && g.Status != GrantStatus.Draft);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(g => g.PublishedAt).ThenBy(g => g.Id).Skip((p - 1) * size).Take(size)
            .Join(db.Centers, g => g.CenterId, c => c.Id, (g, c) => new
            {
                g.Id, c.Name, g.Title, g.DocumentNumber, g.Source, g.Form, g.Amount, g.PeriodFrom, g.PeriodTo, g.Status, g.PublishedAt, g.PolicyCode, g.PolicyVersion,
                Accepted = g.Events.Where(e => e.To == GrantStatus.Accepted).Select(e => e.Reason).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = new List<PublicGrant>();
        foreach (var r in rows)
        {
            var rules = (await versions.ForCaseAsync(r.PolicyCode, r.PolicyVersion, ct)).Funds;
            items.Add(new PublicGrant(
                r.Id, r.Name, r.Title, r.DocumentNumber, rules.Sources.LabelOf(r.Source, En), rules.Forms.LabelOf(r.Form, En), r.Amount, r.PeriodFrom.Year,
                r.PeriodFrom, r.PeriodTo, r.Status == GrantStatus.Accepted ? text["funds.status.Accepted"] + (r.Accepted is null ? "" : text.Colon + r.Accepted) : null,
                r.PublishedAt!.Value));
        }

        return new PagedResult<PublicGrant>(items, p, size, total);
    }

    public Task<Result<GrantDto>> StartAsync(Guid id, GrantStepRequest? request, CancellationToken ct) =>
        StepAsync(id, request, (g, now) => g.Start(access.UserId, now), null, ct);

    public Task<Result<GrantDto>> AcceptAsync(Guid id, GrantStepRequest? request, CancellationToken ct) =>
        StepAsync(id, request, (g, now) => g.Accept(request?.Reason, access.UserId, now), "funds.notify.grant_accepted", ct);

    public Task<Result<GrantDto>> TerminateAsync(Guid id, GrantStepRequest? request, CancellationToken ct) =>
        StepAsync(id, request, (g, now) => g.Terminate(request?.Reason, access.UserId, now), "funds.notify.grant_terminated", ct);

    public Task<Result<GrantDto>> RequestAdjustmentAsync(Guid id, AdjustmentRequest? r, CancellationToken ct) =>
        StepAsync(id, new GrantStepRequest(r?.Version, r?.Reason), (g, now) =>
        {
            var made = g.RequestAdjustment(r?.FromLineId ?? Guid.Empty, r?.ToLineId ?? Guid.Empty, r?.Amount, r?.Reason, access.UserId, now);
            return made.IsSuccess ? true : made.Failure!;
        }, null, ct, notifyAdmins: "funds.notify.change_to_approve");

    public async Task<Result<GrantDto>> RequestExtensionAsync(Guid id, ExtensionRequest? r, CancellationToken ct)
    {
        var pack = await PackOfAsync(id, ct);
        return await StepAsync(id, new GrantStepRequest(r?.Version, r?.Reason), (g, now) =>
        {
            var made = g.RequestExtension(r?.PeriodTo, r?.Reason, pack?.Funds ?? policy.Current.Funds, access.UserId, now);
            return made.IsSuccess ? true : made.Failure!;
        }, null, ct, notifyAdmins: "funds.notify.change_to_approve");
    }

    public async Task<Result<GrantDto>> DecideChangeAsync(Guid id, Guid changeId, ChangeDecisionRequest? r, CancellationToken ct)
    {
        var spent = (await figures.SumsAsync(id, ct)).SpentByLine;
        return await StepAsync(id, new GrantStepRequest(r?.Version, r?.Reason), (g, now) =>
        {
            var decided = g.DecideChange(changeId, r?.Approve ?? false, r?.Reason, spent, access.UserId, now);
            return decided.IsSuccess ? true : decided.Failure!;
        }, "funds.notify.change_decided", ct);
    }

    private async Task<PolicyPack?> PackOfAsync(Guid id, CancellationToken ct)
    {
        var key = await db.FundGrants.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.PolicyCode, g.PolicyVersion }).FirstOrDefaultAsync(ct);
        return key is null ? null : await versions.ForCaseAsync(key.PolicyCode, key.PolicyVersion, ct);
    }

    /// <summary>
    /// One Admin step on a grant: the role first, then the version the client saw (409 when stale), then the aggregate's
    /// own rule; saved with its notification in one SaveChanges, or not at all.
    /// </summary>
    private async Task<Result<GrantDto>> StepAsync(
        Guid id, GrantStepRequest? request, Func<Grant, DateTimeOffset, Result<bool>> step, string? notifyCenter, CancellationToken ct,
        string? notifyAdmins = null)
    {
        if (!access.IsAdmin)
        {
            return access.MayEnter && (await access.GrantAsync(id, false, ct)).Failure is { Kind: FailureKind.NotFound } missing ? missing : Failure.Forbidden();
        }

        var found = await access.GrantAsync(id, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var grant = found.Value;
        if (request?.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (request.Version != grant.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var done = step(grant, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        // A change to a child (a new history line, a moved amount) is a change of the grant: its version moves too.
        db.Entry(grant).State = EntityState.Modified;
        if (notifyCenter is not null)
        {
            await NotifyCenterAsync(notifyCenter, grant, ct);
        }

        if (notifyAdmins is not null)
        {
            await NotifyOtherAdminsAsync(notifyAdmins, grant, ct);
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        db.ChangeTracker.Clear();
        return await GetAsync(id, ct);
    }

    public async Task NotifyCenterAsync(string key, Grant grant, CancellationToken ct)
    {
        var center = await db.Centers.AsNoTracking().Where(c => c.Id == grant.CenterId).Select(c => new { c.LeadOrganizationId, c.LegalEntityOrganizationId }).FirstAsync(ct);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId != null && (u.OrganizationId == center.LeadOrganizationId || u.OrganizationId == center.LegalEntityOrganizationId))
            .Select(u => u.Id).ToListAsync(ct);
        await notifier.NotifyAsync(users, key, $"/Funds/Details/{grant.Id}", ct, grant.Title);
    }

    public async Task NotifyOtherAdminsAsync(string key, Grant grant, CancellationToken ct)
    {
        var me = access.UserId;
        var adminRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var admins = await db.UserRoles.AsNoTracking().Where(ur => ur.RoleId == adminRole && ur.UserId != me).Select(ur => ur.UserId).ToListAsync(ct);
        await notifier.NotifyAsync(admins, key, $"/Funds/Details/{grant.Id}", ct, grant.Title);
    }
}
