using InnoCenter.Domain.Audit;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Audit;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Audit;

public sealed record AuditEntryDto(
    long Sequence, DateTimeOffset At, string? UserName, string EntityType, string EntityId, string Action,
    string? Before, string? After, string Hash);

public sealed record AuditFilter
{
    public string? EntityType { get; init; }

    public string? EntityId { get; init; }

    public string? User { get; init; }

    /// <summary>From the query string only: in a Razor page a route value is also called "page" and would win.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")]
    public int? Page { get; init; }

    public int? PageSize { get; init; }
}

/// <summary>The outcome of walking the chain: how many entries held, and the first that did not.</summary>
public sealed record AuditVerification(bool Intact, long Checked, long? FirstBrokenSequence);

/// <summary>Reading and verifying the audit log (Admins only).</summary>
public sealed class AuditHandlers(AppDbContext db)
{
    public async Task<PagedResult<AuditEntryDto>> ListAsync(AuditFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            q = q.Where(a => a.EntityType == f.EntityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            q = q.Where(a => a.EntityId == f.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(f.User))
        {
            q = q.Where(a => a.UserName != null && a.UserName.Contains(f.User.Trim()));
        }

        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Sequence)
            .Skip((page - 1) * size).Take(size)
            .Select(a => new AuditEntryDto(a.Sequence, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Before, a.After, a.Hash))
            .ToListAsync(ct);
        return new PagedResult<AuditEntryDto>(items, page, size, total);
    }

    /// <summary>Streams the whole log in order and names the first entry that is altered, misplaced or follows a gap.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var walker = new AuditChainWalker();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!walker.Accept(entry.ToLink(), entry.Hash))
            {
                return new AuditVerification(false, walker.Checked, entry.Sequence);
            }
        }

        return new AuditVerification(true, walker.Checked, null);
    }
}
