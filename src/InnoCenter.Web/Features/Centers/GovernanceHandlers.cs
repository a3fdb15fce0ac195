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

/// <summary>A center's governance: the seats of its decision body (理事会) and advisory committee over time.</summary>
public sealed class GovernanceHandlers(AppDbContext db, CenterAccess access, OrganizationLookup orgs, Text text)
{
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

    private static Failure RenameField(Failure failure, string from, string to) => failure with
    {
        Errors = failure.Errors.Select(e => e.Field == from ? e with { Field = to } : e).ToList(),
    };


    private SeatDto ToSeatDto(GovernanceSeat s) => new(
        s.Id, s.Body.ToString(), text[$"centers.body.{s.Body}"], s.Kind.ToString(), text[$"centers.seat.{s.Kind}"], s.PersonName,
        s.Position, s.Affiliation, s.RepresentedOrganizationId,
        s.RepresentedOrganizationId is { } org ? orgs.NameOf(org) : null, s.Since, s.Until);
}
