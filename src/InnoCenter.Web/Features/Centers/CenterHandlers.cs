using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Common;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Notifications;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Centers;

/// <summary>
/// Centers: founding from an approved application, the profile, status by decision or rule, membership over time and
/// governance. Shared by the API and the pages; who may do what is decided here (<see cref="CenterAccess"/>).
/// </summary>
public sealed class CenterHandlers(
    AppDbContext db, CurrentUser user, CenterAccess access, OrganizationLookup orgs, PolicyProvider policy, Text text,
    Notifier notifier, TimeProvider clock)
{
    /// <summary>
    /// Adds the center founded by an approved application, with its members, to the context — without saving: the
    /// approval saves it in its own transaction. Refused when the application already founded a center.
    /// </summary>
    public async Task<Result<Center>> CreateFromApprovedApplicationAsync(CenterFounding founding, CancellationToken ct)
    {
        if (db.Centers.Local.Any(c => c.ApplicationId == founding.ApplicationId)
            || await db.Centers.AnyAsync(c => c.ApplicationId == founding.ApplicationId, ct))
        {
            return Failure.Conflict("centers.application_already_founded", "applicationId", founding.ApplicationId);
        }

        var keyArea = FindKeyArea(founding.KeyArea);
        if (keyArea is null)
        {
            return Failure.Validation(new Error("centers.key_area_unknown", "keyArea", founding.KeyArea ?? string.Empty));
        }

        var ids = (founding.Members ?? []).Select(m => m.OrganizationId).Append(founding.LeadOrganizationId).Distinct().ToList();
        var regions = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Region, ct);
        var founded = Center.Found(founding with { KeyArea = keyArea.Code }, regions, clock.GetUtcNow());
        if (!founded.IsSuccess)
        {
            return founded.Failure!;
        }

        db.Centers.Add(founded.Value);
        return founded.Value;
    }

    public async Task<PagedResult<CenterSummaryDto>> ListAsync(CenterFilter filter, CancellationToken ct) =>
        await PageAsync(Filtered(await ReadableAsync(ct), filter), filter, ct);

    /// <summary>
    /// Every center the user reads, by id and name only, for the pickers of the ledger pages: they must offer all of them
    /// (a page of the list would hide the 201st), and need nothing else.
    /// </summary>
    public async Task<IReadOnlyList<CenterOption>> OptionsAsync(CancellationToken ct) =>
        await (await ReadableAsync(ct)).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new CenterOption(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>The centers the user reads: all for Admins, otherwise those <see cref="CenterAccess"/> grants.</summary>
    private async Task<IQueryable<Center>> ReadableAsync(CancellationToken ct)
    {
        var readable = await access.ReadableAsync(ct);
        var q = db.Centers.AsNoTracking();
        return readable is null ? q : q.Where(c => readable.Contains(c.Id));
    }

    /// <summary>The public list: every recognised center, with published fields only.</summary>
    public Task<PagedResult<CenterSummaryDto>> PublicListAsync(CenterFilter filter, CancellationToken ct) =>
        PageAsync(Filtered(db.Centers.AsNoTracking(), filter), filter, ct);

    public async Task<Result<CenterDto>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var center = await db.Centers.AsNoTracking().Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null)
        {
            return Failure.NotFound("centers.not_found");
        }

        var today = access.Today;
        var current = center.MembersOn(today).ToList();
        await orgs.PreloadIdsAsync(current.Select(m => m.OrganizationId).Append(center.LeadOrganizationId), ct);
        var seats = await db.GovernanceSeats.AsNoTracking().Where(s => s.CenterId == id).ToListAsync(ct);
        return new CenterDto(
            center.Id,
            center.ApplicationId,
            center.Name,
            center.KeyArea,
            KeyAreaLabel(center.KeyArea),
            center.LeadOrganizationId,
            orgs.NameOf(center.LeadOrganizationId),
            center.ApprovalNumber,
            center.PlaqueNumber,
            center.ApprovedOn,
            new LegalEntityDto(
                center.LegalEntityName, center.LegalEntityCreditCode,
                center.RegisteredCapitalFen is { } fen ? Money.ToYuan(fen) : null, center.FoundedOn, center.LegalEntityOrganizationId),
            center.Status.ToString(),
            StatusLabel(center.Status),
            center.StatusSince,
            user.IsAdmin ? center.AllowedNext.Select(s => s.ToString()).ToList() : [],
            current.OrderByDescending(m => m.IsLead).ThenByDescending(m => m.EquitySharePercent ?? 0).Select(ToMemberDto).ToList(),
            GovernanceRules.DecisionBodyLacksIndependent(seats, today),
            await access.CanEditAsync(id, ct),
            center.Version);
    }

    public async Task<Result<PublicCenterDto>> GetPublicAsync(Guid id, CancellationToken ct)
    {
        var center = await db.Centers.AsNoTracking().Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null)
        {
            return Failure.NotFound("centers.not_found");
        }

        var current = center.MembersOn(center.LifeEnd(access.Today)).ToList();
        await orgs.PreloadIdsAsync(current.Select(m => m.OrganizationId).Append(center.LeadOrganizationId), ct);
        var en = LocalizationSetup.IsEnglish;
        return new PublicCenterDto(
            center.Id,
            center.Name,
            KeyAreaLabel(center.KeyArea),
            orgs.NameOf(center.LeadOrganizationId),
            center.LegalEntityName,
            center.ApprovalNumber,
            center.PlaqueNumber,
            center.ApprovedOn,
            center.Status.ToString(),
            StatusLabel(center.Status),
            current.OrderByDescending(m => m.IsLead).ThenBy(m => m.Kind)
                .Select(m => new PublicMemberDto(orgs.NameOf(m.OrganizationId), KindLabel(m.Kind), policy.Current.Regions.LabelOf(m.Region.ToString(), en), m.IsLead))
                .ToList());
    }

    public async Task<Result<CenterDto>> UpdateLegalEntityAsync(Guid id, LegalEntityRequest r, CancellationToken ct)
    {
        var center = await db.Centers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null || !await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        if (!user.IsAdmin && !await access.CanEditAsync(id, ct))
        {
            return Failure.Forbidden("centers.edit_forbidden");
        }

        var errors = new List<Error>();
        Uscc.TryParse(r.CreditCode, out var code, out var codeError);
        if (codeError is not null)
        {
            errors.Add(new Error(codeError, "creditCode"));
        }

        long? capital = null;
        if (r.RegisteredCapital is null)
        {
            errors.Add(new Error("validation.required", "registeredCapital"));
        }
        else
        {
            capital = Money.ToFen(r.RegisteredCapital.Value, out var moneyError);
            if (moneyError is not null)
            {
                errors.Add(new Error(moneyError, "registeredCapital"));
            }
        }

        if (r.FoundedOn is null)
        {
            errors.Add(new Error("validation.required", "foundedOn"));
        }

        if (r.Version is null)
        {
            errors.Add(new Error("validation.required", "version"));
        }

        if (string.IsNullOrWhiteSpace(r.Name))
        {
            errors.Add(new Error("validation.required", "name"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        if (r.Version != center.Version)
        {
            return Failure.Conflict("common.concurrency");
        }

        var entityOrg = await orgs.ByCodeAsync(code!.Value, ct);
        var done = center.CompleteLegalEntity(
            new LegalEntityDetails(r.Name!, code, capital!.Value, r.FoundedOn!.Value, entityOrg?.Id), access.Today, clock.GetUtcNow());
        if (!done.IsSuccess)
        {
            return done.Failure!;
        }

        return await SaveThenGetAsync(id, ct);
    }

    /// <summary>An Admin records a decision (文号) that moves the center's status.</summary>
    public async Task<Result<CenterDto>> ChangeStatusAsync(Guid id, StatusChangeRequest r, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var center = await db.Centers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (center is null)
        {
            return Failure.NotFound("centers.not_found");
        }

        var errors = new List<Error>();
        if (!Enum.TryParse<CenterStatus>(r.To, true, out var to) || !Enum.IsDefined(to))
        {
            errors.Add(new Error("centers.status_unknown", "to", r.To ?? string.Empty));
        }

        if (r.EffectiveOn is null)
        {
            errors.Add(new Error("validation.required", "effectiveOn"));
        }

        if (r.Version is null)
        {
            errors.Add(new Error("validation.required", "version"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        if (r.Version != center.Version)
        {
            return Failure.Conflict("common.concurrency");
        }

        var from = center.Status;
        var changed = center.ChangeStatus(to, StatusBasis.Decision, r.Reference, r.Reason, r.EffectiveOn!.Value, access.Today, user.Id, clock.GetUtcNow());
        if (!changed.IsSuccess)
        {
            return changed.Failure!;
        }

        db.CenterStatusChanges.Add(changed.Value);
        await NotifyCenterUsersAsync(center, "centers.status_changed_notice", ct, center.Name, StatusLabel(from), StatusLabel(to));
        return await SaveThenGetAsync(id, ct);
    }

    /// <summary>
    /// Moves centers' statuses because a policy rule says so (e.g. two failing years revoke the title), reading all of
    /// them at once; each change is recorded or refused on its own. Adds the changes to the context without saving: the
    /// caller (the assessment) saves them with the results that triggered them. Only an Admin's action applies a rule.
    /// </summary>
    public async Task<IReadOnlyList<(Guid CenterId, Result<CenterStatusChange> Result)>> ChangeStatusesByRuleAsync(
        IReadOnlyList<RuleStatusChange> changes, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return changes.Select(c => (c.CenterId, (Result<CenterStatusChange>)Failure.Forbidden())).ToList();
        }

        var ids = changes.Select(c => c.CenterId).Distinct().ToList();
        var loaded = await db.Centers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var now = clock.GetUtcNow();
        var results = new List<(Guid, Result<CenterStatusChange>)>();
        foreach (var change in changes)
        {
            if (!loaded.TryGetValue(change.CenterId, out var center))
            {
                results.Add((change.CenterId, Failure.NotFound("centers.not_found")));
                continue;
            }

            var changed = center.ChangeStatus(change.To, StatusBasis.PolicyRule, change.RuleCode, change.Reason, change.EffectiveOn, access.Today, user.Id, now);
            if (changed.IsSuccess)
            {
                db.CenterStatusChanges.Add(changed.Value);
            }

            results.Add((change.CenterId, changed));
        }

        return results;
    }

    public async Task<Result<IReadOnlyList<StatusChangeDto>>> StatusHistoryAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var changes = await db.CenterStatusChanges.AsNoTracking().Where(s => s.CenterId == id).ToListAsync(ct);
        return changes.OrderByDescending(c => c.RecordedAt).Select(c => new StatusChangeDto(
            c.Id, c.From.ToString(), StatusLabel(c.From), c.To.ToString(), StatusLabel(c.To), c.Basis.ToString(),
            text[$"centers.basis.{c.Basis}"], c.Reference, c.Reason, c.EffectiveOn, c.RecordedAt)).ToList();
    }

    /// <summary>Every membership period of the center, history included.</summary>
    public async Task<Result<IReadOnlyList<CenterMemberDto>>> MembersAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var periods = await db.CenterMemberships.AsNoTracking().Where(m => m.CenterId == id).ToListAsync(ct);
        await orgs.PreloadIdsAsync(periods.Select(p => p.OrganizationId), ct);
        return periods.OrderBy(p => p.JoinedOn).ThenByDescending(p => p.IsLead).ThenBy(p => orgs.NameOf(p.OrganizationId))
            .Select(ToMemberDto).ToList();
    }

    /// <summary>Counts by kind and by region on every day the membership changed, with the equity total there.</summary>
    public async Task<Result<IReadOnlyList<CompositionPointDto>>> CompositionAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var periods = await db.CenterMemberships.AsNoTracking().Where(m => m.CenterId == id).ToListAsync(ct);
        var days = periods.Select(p => p.JoinedOn).Concat(periods.Where(p => p.LeftOn is not null).Select(p => p.LeftOn!.Value))
            .Distinct().Order();
        return days.Select(day =>
        {
            var on = periods.Where(p => p.IsMemberOn(day)).ToList();
            return new CompositionPointDto(
                day,
                on.Count,
                Enum.GetValues<MemberKind>().ToDictionary(k => k.ToString(), k => on.Count(p => p.Kind == k)),
                Enum.GetValues<Region>().ToDictionary(r => r.ToString(), r => on.Count(p => p.Region == r)),
                on.Sum(p => p.EquitySharePercent ?? 0m));
        }).ToList();
    }

    public async Task<Result<IReadOnlyList<CenterMemberDto>>> ChangeMembershipAsync(Guid id, MembershipChangeRequest r, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        if (!await access.CanEditAsync(id, ct))
        {
            return Failure.Forbidden("centers.edit_forbidden");
        }

        var center = await db.Centers.Include(c => c.Memberships).FirstAsync(c => c.Id == id, ct);
        var errors = new List<Error>();
        if (r.EffectiveOn is null)
        {
            errors.Add(new Error("validation.required", "effectiveOn"));
        }

        var requested = (r.Steps ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Action) || !string.IsNullOrWhiteSpace(s.CreditCode)).ToList();
        if (requested.Count == 0)
        {
            errors.Add(new Error("centers.change_empty", "steps"));
        }

        await orgs.PreloadCodesAsync(requested.Select(s => s.CreditCode), ct);
        var steps = new List<MembershipStep>();
        for (var i = 0; i < requested.Count; i++)
        {
            var s = requested[i];
            var org = await orgs.ByCodeAsync(s.CreditCode, ct);
            if (org is null)
            {
                errors.Add(new Error("ledger.organization_unknown", "steps", s.CreditCode ?? string.Empty));
                continue;
            }

            switch (s.Action?.Trim().ToLowerInvariant())
            {
                case "join":
                    var kind = ParseKind(s.Kind, org.Type);
                    if (kind is null)
                    {
                        errors.Add(new Error("centers.member_kind_required", "steps", org.Name));
                        continue;
                    }

                    steps.Add(new JoinStep(org.Id, kind.Value, org.Region, s.EquitySharePercent));
                    break;
                case "leave":
                    steps.Add(new LeaveStep(org.Id));
                    break;
                case "share":
                    steps.Add(new ShareStep(org.Id, s.EquitySharePercent));
                    break;
                default:
                    errors.Add(new Error("centers.step_action_unknown", "steps", s.Action ?? string.Empty));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var changed = center.ChangeMembership(r.EffectiveOn!.Value, steps, access.Today, clock.GetUtcNow());
        if (!changed.IsSuccess)
        {
            return NameOrganizations(changed.Failure!);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("common.concurrency");
        }

        return await MembersAsync(id, ct);
    }

    public async Task<Result<GovernanceDto>> GovernanceAsync(Guid id, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        var seats = await db.GovernanceSeats.AsNoTracking().Where(s => s.CenterId == id).ToListAsync(ct);
        await orgs.PreloadIdsAsync(seats.Where(s => s.RepresentedOrganizationId is not null).Select(s => s.RepresentedOrganizationId!.Value), ct);
        var dtos = seats.OrderBy(s => s.Until is not null).ThenBy(s => s.Kind).ThenBy(s => s.Since).Select(ToSeatDto).ToList();
        return new GovernanceDto(
            dtos.Where(s => s.Body == nameof(GovernanceBody.DecisionBody)).ToList(),
            dtos.Where(s => s.Body == nameof(GovernanceBody.AdvisoryCommittee)).ToList(),
            GovernanceRules.DecisionBodyLacksIndependent(seats, access.Today));
    }

    public async Task<Result<GovernanceDto>> AddSeatAsync(Guid id, SeatRequest r, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        if (!await access.CanEditAsync(id, ct))
        {
            return Failure.Forbidden("centers.edit_forbidden");
        }

        var center = await db.Centers.AsNoTracking().Include(c => c.Memberships).FirstAsync(c => c.Id == id, ct);
        var errors = new List<Error>();
        if (!Enum.TryParse<GovernanceBody>(r.Body, true, out var body))
        {
            errors.Add(new Error("centers.body_unknown", "body"));
        }

        if (!Enum.TryParse<SeatKind>(r.Kind, true, out var kind))
        {
            errors.Add(new Error("centers.seat_kind_mismatch", "kind"));
        }

        if (r.Since is null)
        {
            errors.Add(new Error("validation.required", "since"));
        }
        else if (!center.IsWithinLife(r.Since.Value, access.Today))
        {
            errors.Add(new Error("centers.date_outside_life", "since", r.Since.Value.ToString("yyyy-MM-dd")));
        }

        Guid? represented = null;
        if (!string.IsNullOrWhiteSpace(r.RepresentedCreditCode))
        {
            var org = await orgs.ByCodeAsync(r.RepresentedCreditCode, ct);
            if (org is null)
            {
                errors.Add(new Error("ledger.organization_unknown", "representedCreditCode", r.RepresentedCreditCode));
            }
            else if (r.Since is { } since && !center.MembersOn(since).Any(m => m.OrganizationId == org.Id))
            {
                errors.Add(new Error("centers.representative_not_member", "representedCreditCode", org.Name));
            }
            else
            {
                represented = org.Id;
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var seat = GovernanceSeat.Create(id, body, kind, r.PersonName, r.Position, r.Affiliation, represented, r.Since!.Value);
        if (!seat.IsSuccess)
        {
            return RenameField(seat.Failure!, "representedOrganization", "representedCreditCode");
        }

        db.GovernanceSeats.Add(seat.Value);
        await db.SaveChangesAsync(ct);
        return await GovernanceAsync(id, ct);
    }

    public async Task<Result<GovernanceDto>> EndSeatAsync(Guid id, Guid seatId, EndSeatRequest r, CancellationToken ct)
    {
        if (!await access.CanReadAsync(id, ct))
        {
            return Failure.NotFound("centers.not_found");
        }

        if (!await access.CanEditAsync(id, ct))
        {
            return Failure.Forbidden("centers.edit_forbidden");
        }

        var seat = await db.GovernanceSeats.FirstOrDefaultAsync(s => s.Id == seatId && s.CenterId == id, ct);
        if (seat is null)
        {
            return Failure.NotFound("centers.seat_not_found");
        }

        if (r.Until is null)
        {
            return Failure.Validation(new Error("validation.required", "until"));
        }

        if (r.Until.Value > access.Today)
        {
            return Failure.Validation(new Error("centers.date_outside_life", "until", r.Until.Value.ToString("yyyy-MM-dd")));
        }

        var ended = seat.End(r.Until.Value);
        if (!ended.IsSuccess)
        {
            return ended.Failure!;
        }

        await db.SaveChangesAsync(ct);
        return await GovernanceAsync(id, ct);
    }

    public string StatusLabel(CenterStatus status) => text[$"centers.status.{status}"];

    public string KindLabel(MemberKind kind) => policy.Current.OrganizationTypes.LabelOf(kind.ToString(), LocalizationSetup.IsEnglish);

    public string KeyAreaLabel(string code) => policy.Current.KeyAreas.LabelOf(code, LocalizationSetup.IsEnglish);

    private CodeItem? FindKeyArea(string? value)
    {
        var v = value?.Trim();
        return policy.Current.KeyAreas.FirstOrDefault(k => k.Code == v || k.Zh == v || string.Equals(k.En, v, StringComparison.OrdinalIgnoreCase));
    }

    private static MemberKind? ParseKind(string? kind, OrganizationType type)
    {
        if (!string.IsNullOrWhiteSpace(kind))
        {
            return Enum.TryParse<MemberKind>(kind, true, out var k) && Enum.IsDefined(k) ? k : null;
        }

        // The organisation's own type is the natural default where it is one of the member kinds.
        return Enum.TryParse<MemberKind>(type.ToString(), out var fromType) ? fromType : null;
    }

    /// <summary>Domain errors name organisations by id; people know them by name.</summary>
    private Failure NameOrganizations(Failure failure) => failure with
    {
        Errors = failure.Errors.Select(e => e with { Args = e.Args.Select(a => a is Guid g ? orgs.NameOf(g) : a).ToArray() }).ToList(),
    };

    private static Failure RenameField(Failure failure, string from, string to) => failure with
    {
        Errors = failure.Errors.Select(e => e.Field == from ? e with { Field = to } : e).ToList(),
    };

    private async Task<Result<CenterDto>> SaveThenGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("common.concurrency");
        }

        return await GetAsync(id, ct);
    }

    private async Task NotifyCenterUsersAsync(Center center, string titleKey, CancellationToken ct, params object[] args)
    {
        var orgIds = new[] { center.LeadOrganizationId, center.LegalEntityOrganizationId ?? center.LeadOrganizationId };
        var users = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.CenterUser && u.OrganizationId != null && orgIds.Contains(u.OrganizationId.Value)
            select u.Id).ToListAsync(ct);
        await notifier.NotifyAsync(users, titleKey, $"/Centers/Details/{center.Id}", ct, args);
    }

    private IQueryable<Center> Filtered(IQueryable<Center> q, CenterFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.Name))
        {
            var name = f.Name.Trim();
            if (SearchIndex.Matching(db, SearchKinds.Center, name) is { } hits)
            {
                q = q.Where(c => hits.Contains(c.Id));
            }

            q = q.Where(c => c.Name.Contains(name) || c.ApprovalNumber.Contains(name) || c.PlaqueNumber == name);
        }

        if (Enum.TryParse<CenterStatus>(f.Status, true, out var status))
        {
            q = q.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(f.KeyArea))
        {
            var area = f.KeyArea.Trim();
            q = q.Where(c => c.KeyArea == area);
        }

        return q;
    }

    private async Task<PagedResult<CenterSummaryDto>> PageAsync(IQueryable<Center> q, CenterFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var today = access.Today;
        var total = await q.CountAsync(ct);
        var rows = await (
                from c in q
                join o in db.Organizations on c.LeadOrganizationId equals o.Id
                orderby c.ApprovedOn descending, c.Name, c.Id
                select new { Center = c, LeadName = o.Name })
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);

        // Members are counted for the page's centers only: as a column of the paged query, SQLite counted them for every
        // center that matched before sorting and cutting the page (national scale: 12 ms a request, all of it this).
        var ids = rows.Select(r => r.Center.Id).ToList();
        var members = await db.CenterMemberships.AsNoTracking()
            .Where(m => ids.Contains(m.CenterId) && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today))
            .GroupBy(m => m.CenterId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var items = rows.Select(r => new CenterSummaryDto(
            r.Center.Id, r.Center.Name, r.Center.KeyArea, KeyAreaLabel(r.Center.KeyArea), r.Center.LeadOrganizationId, r.LeadName,
            r.Center.ApprovalNumber, r.Center.ApprovedOn, r.Center.Status.ToString(), StatusLabel(r.Center.Status), members.GetValueOrDefault(r.Center.Id))).ToList();
        return new PagedResult<CenterSummaryDto>(items, page, size, total);
    }

    private CenterMemberDto ToMemberDto(CenterMembership m)
    {
        var en = LocalizationSetup.IsEnglish;
        return new CenterMemberDto(
            m.Id, m.OrganizationId, orgs.NameOf(m.OrganizationId), orgs.CodeOf(m.OrganizationId), m.Kind.ToString(), KindLabel(m.Kind),
            m.Region.ToString(), policy.Current.Regions.LabelOf(m.Region.ToString(), en), m.EquitySharePercent, m.IsLead, m.JoinedOn, m.LeftOn);
    }

    private SeatDto ToSeatDto(GovernanceSeat s) => new(
        s.Id, s.Body.ToString(), text[$"centers.body.{s.Body}"], s.Kind.ToString(), text[$"centers.seat.{s.Kind}"], s.PersonName,
        s.Position, s.Affiliation, s.RepresentedOrganizationId,
        s.RepresentedOrganizationId is { } org ? orgs.NameOf(org) : null, s.Since, s.Until);
}
