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

/// <summary>
/// The outcome of walking the chain: how many sealed rows were read, every break (not only the first), whether the
/// newest rows were removed (a signed head names rows the chain no longer has), and how many rows wait for the sealer.
/// </summary>
public sealed record AuditVerification(
    bool Intact,
    long Checked,
    long? FirstBrokenSequence,
    IReadOnlyList<AuditBreakDto> Breaks,
    bool Truncated,
    long LastSequence,
    long? SignedHeadSequence,
    DateTimeOffset? SignedHeadAt,
    int Restores,
    int Pending);

/// <summary>One break: Altered, Missing, Relinked, Misplaced, Truncated, HeadMismatch or ForgedHead, at a sequence (or through a later one).</summary>
public sealed record AuditBreakDto(string Kind, long Sequence, long? Through);

/// <summary>A page of sealed rows and how many rows wait for the sealer.</summary>
public sealed record AuditPage(PagedResult<AuditEntryDto> Entries, int Pending);

/// <summary>Reading and verifying the audit log (Admins only).</summary>
public sealed class AuditHandlers(AppDbContext db, AuditKey key, AuditHeadStore heads)
{
    /// <summary>The sealed rows, newest first; rows still waiting for the sealer are only counted.</summary>
    public async Task<AuditPage> ListAsync(AuditFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var q = db.AuditEntries.AsNoTracking().Where(a => a.Sequence != null);
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
            .Select(a => new AuditEntryDto(a.Sequence!.Value, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Before, a.After, a.Hash!))
            .ToListAsync(ct);
        var pending = await db.AuditEntries.CountAsync(a => a.Sequence == null, ct);
        return new AuditPage(new PagedResult<AuditEntryDto>(items, page, size, total), pending);
    }

    /// <summary>Streams the sealed chain in order under the audit key and compares it with the signed heads in the shared store.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var verifier = new AuditVerifier(await heads.ReadAllAsync(ct), key.For);
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(a => a.Sequence != null).OrderBy(a => a.Sequence)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            verifier.Accept(entry.ToLink(), entry.Hash ?? string.Empty, entry.Algorithm ?? string.Empty);
        }

        var report = verifier.Finish();
        var pending = await db.AuditEntries.CountAsync(a => a.Sequence == null, ct);
        return new AuditVerification(
            report.Intact,
            report.Checked,
            report.FirstBrokenSequence,
            [.. report.Breaks.Select(b => new AuditBreakDto(b.Kind.ToString(), b.Sequence, b.Through))],
            report.Breaks.Any(b => b.Kind == AuditBreakKind.Truncated),
            report.LastSequence,
            report.NewestHead?.Sequence,
            report.NewestHead?.At,
            report.Restores,
            pending);
    }
}
