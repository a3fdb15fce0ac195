using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Search;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Organizations;

/// <summary>
/// Every read and write of organisations, shared by the API and the pages. Admins read and write all; anyone else
/// reads only the organisation they act for.
/// </summary>
public sealed class OrganizationHandlers(AppDbContext db, CurrentUser user, PolicyProvider policy, Text text, TimeProvider clock)
{
    public async Task<Result<OrganizationSaved>> CreateAsync(OrganizationRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var validated = OrganizationValidator.Validate(request, policy.Current);
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var (details, warnings) = validated.Value;
        if (await db.Organizations.AnyAsync(o => o.CreditCode == details.CreditCode.Value, ct))
        {
            return Failure.Conflict("organization.duplicate", "creditCode", details.CreditCode.Value);
        }

        var org = Organization.Create(details, clock.GetUtcNow());
        db.Organizations.Add(org);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(org).State = EntityState.Detached;
            if (await db.Organizations.AsNoTracking().AnyAsync(o => o.CreditCode == org.CreditCode, ct))
            {
                // Two clients created the same code at once; the unique index kept one.
                return Failure.Conflict("organization.duplicate", "creditCode", details.CreditCode.Value);
            }

            throw;
        }

        return new OrganizationSaved(ToDto(org), warnings.Select(text.Of).ToList());
    }

    public async Task<Result<OrganizationSaved>> UpdateAsync(Guid id, OrganizationRequest request, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden();
        }

        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
        {
            return Failure.NotFound("organization.not_found");
        }

        var validated = OrganizationValidator.Validate(request, policy.Current);
        if (!validated.IsSuccess)
        {
            return validated.Failure!;
        }

        var (details, warnings) = validated.Value;
        if (details.CreditCode.Value != org.CreditCode)
        {
            return Failure.Validation(new Error("organization.credit_code_immutable", "creditCode"));
        }

        if (request.Version is null)
        {
            return Failure.Validation(new Error("validation.required", "version"));
        }

        if (request.Version != org.Version)
        {
            return Failure.Conflict(VersionedSave.ConcurrencyCode);
        }

        var renamed = org.Name != details.Name.Trim();
        org.Update(details, clock.GetUtcNow());
        if (renamed)
        {
            foreach (var led in await db.Applications.Where(a => a.LeadOrganizationId == id).ToListAsync(ct))
            {
                led.RecordLeadName(org.Name);
            }
        }

        if (await db.SaveVersionedAsync(ct) is { } lost)
        {
            return lost;
        }

        return new OrganizationSaved(ToDto(org), warnings.Select(text.Of).ToList());
    }

    public async Task<Result<OrganizationDto>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdmin && user.OrganizationId != id)
        {
            // Someone else's organisation is reported as absent, so ids cannot be probed.
            return Failure.NotFound("organization.not_found");
        }

        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? Failure.NotFound("organization.not_found") : ToDto(org);
    }

    public async Task<PagedResult<OrganizationDto>> ListAsync(OrganizationFilter filter, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(filter.Page, filter.PageSize);
        var search = await SearchedAsync(filter, ct);
        var (total, capped) = await TextSearch.CountAsync(search, s => Filtered(filter, s), Narrowed(filter), indexDecides: true, ct);
        var rows = await Filtered(filter, search?.ForFirst((long)page * size))
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);
        return new PagedResult<OrganizationDto>(rows.Select(ToDto).ToList(), page, size, total, capped);
    }

    /// <summary>The filtered rows for an export, read as a stream so that a large export never sits in memory.</summary>
    public async IAsyncEnumerable<Organization> Stream(OrganizationFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var search = await SearchedAsync(filter, ct);
        await foreach (var o in Filtered(filter, search?.HitsFirst()).OrderBy(o => o.Name).ThenBy(o => o.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return o;
        }
    }

    /// <summary>The export's header row, the same keys as <see cref="ToExportRow"/>, so an empty export still has it.</summary>
    public IReadOnlyList<Infrastructure.Web.SheetColumn> ExportColumns() =>
        new[] { "organization.creditCode", "organization.name", "organization.type", "organization.region", "organization.district", "organization.address", "organization.contactName", "organization.contactPhone", "common.updatedAt" }.Select(k => new Infrastructure.Web.SheetColumn(text[k])).ToList();

    public IDictionary<string, object?> ToExportRow(Organization o)
    {
        var p = policy.Current;
        var en = LocalizationSetup.IsEnglish;
        return new Dictionary<string, object?>
        {
            [text["organization.creditCode"]] = o.CreditCode,
            [text["organization.name"]] = o.Name,
            [text["organization.type"]] = p.OrganizationTypes.LabelOf(o.Type.ToString(), en),
            [text["organization.region"]] = p.Regions.LabelOf(o.Region, en),
            [text["organization.district"]] = o.DistrictCode is null ? string.Empty : p.Districts.LabelOf(o.DistrictCode, en),
            [text["organization.address"]] = o.Address ?? string.Empty,
            [text["organization.contactName"]] = o.ContactName ?? string.Empty,
            [text["organization.contactPhone"]] = o.ContactPhone ?? string.Empty,
            [text["common.updatedAt"]] = o.UpdatedAt.ToBeijing(),
        };
    }

    private async Task<TextSearch?> SearchedAsync(OrganizationFilter f, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(f.Name) ? null : await TextSearch.PrepareAsync(db, SearchKinds.Organization, f.Name.Trim(), ct);

    /// <summary>Whether <see cref="Filtered"/> applies a condition besides the name: then the index's hits do not count the list.</summary>
    private bool Narrowed(OrganizationFilter f) =>
        !user.IsAdmin || Enum.TryParse<OrganizationType>(f.Type, true, out _) || !string.IsNullOrWhiteSpace(f.Region) || !string.IsNullOrWhiteSpace(f.District);

    private IQueryable<Organization> Filtered(OrganizationFilter f, TextSearch? search)
    {
        var q = db.Organizations.AsNoTracking();
        if (!user.IsAdmin)
        {
            var own = user.OrganizationId ?? Guid.Empty;
            q = q.Where(o => o.Id == own);
        }

        if (!string.IsNullOrWhiteSpace(f.Name))
        {
            var name = f.Name.Trim();
            if (search is not null)
            {
                q = search.Narrow(q, o => o.Id);
            }

            if (Uscc.AsSearchedCode(name) is { } code)
            {
                q = q.Where(o => o.Name.Contains(name) || o.CreditCode == code);
            }
            else
            {
                q = q.Where(o => o.Name.Contains(name));
            }
        }

        if (Enum.TryParse<OrganizationType>(f.Type, true, out var type))
        {
            q = q.Where(o => o.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            var region = f.Region.Trim();
            q = q.Where(o => o.Region == region);
        }

        if (!string.IsNullOrWhiteSpace(f.District))
        {
            var district = f.District.Trim();
            q = q.Where(o => o.DistrictCode == district);
        }

        return q;
    }

    public OrganizationDto ToDto(Organization o)
    {
        var p = policy.Current;
        var en = LocalizationSetup.IsEnglish;
        return new OrganizationDto(
            o.Id,
            o.CreditCode,
            o.Name,
            o.Type.ToString(),
            p.OrganizationTypes.LabelOf(o.Type.ToString(), en),
            o.Region,
            p.Regions.LabelOf(o.Region, en),
            o.DistrictCode,
            o.DistrictCode is null ? null : p.Districts.LabelOf(o.DistrictCode, en),
            o.Address,
            o.ContactName,
            o.ContactPhone,
            o.CreatedAt,
            o.UpdatedAt,
            o.Version);
    }
}
