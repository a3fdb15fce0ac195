using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Experts;

/// <summary>
/// The sign-ins that expert records may link to, by e-mail: a user who exists, has the Expert role and is not linked to
/// another expert. Read for many e-mails at once (an import's whole sheet) in a few queries per chunk, never one per row;
/// one e-mail (the form) is the same lookup with one entry.
/// </summary>
public sealed class ExpertSignIns
{
    /// <summary>How many values one <c>IN (…)</c> lookup carries; a sheet at the row cap takes a bounded number of chunks.</summary>
    public const int LookupChunk = 500;

    private readonly Dictionary<string, Guid> _users = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _experts = [];
    private readonly HashSet<Guid> _taken = [];

    private ExpertSignIns()
    {
    }

    /// <param name="exceptExpertId">The expert being edited: its own link does not make the sign-in taken.</param>
    public static async Task<ExpertSignIns> LoadAsync(AppDbContext db, IEnumerable<string> emails, Guid? exceptExpertId, CancellationToken ct)
    {
        var signIns = new ExpertSignIns();
        foreach (var chunk in emails.Select(e => e.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var users = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && chunk.Contains(u.NormalizedEmail))
                .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
            foreach (var u in users)
            {
                signIns._users.TryAdd(u.NormalizedEmail!, u.Id);
            }

            var ids = users.Select(u => u.Id).ToList();
            var nullableIds = ids.Select(id => (Guid?)id).ToList();
            signIns._experts.UnionWith(await (from ur in db.UserRoles
                                              join r in db.Roles on ur.RoleId equals r.Id
                                              where ids.Contains(ur.UserId) && r.Name == Roles.Expert
                                              select ur.UserId).ToListAsync(ct));
            signIns._taken.UnionWith(await db.Experts.AsNoTracking()
                .Where(e => nullableIds.Contains(e.UserId) && (exceptExpertId == null || e.Id != exceptExpertId))
                .Select(e => e.UserId!.Value).ToListAsync(ct));
        }

        return signIns;
    }

    /// <summary>The user an e-mail links to, or the reason it cannot; no e-mail links nobody.</summary>
    public Result<Guid?> Resolve(string? email)
    {
        if (email is null)
        {
            return Result<Guid?>.Ok(null);
        }

        if (!_users.TryGetValue(email.ToUpperInvariant(), out var id))
        {
            return Failure.Validation(new Error("experts.user_unknown", "userEmail", email));
        }

        if (!_experts.Contains(id))
        {
            return Failure.Validation(new Error("experts.user_not_expert", "userEmail", email));
        }

        if (_taken.Contains(id))
        {
            return Failure.Conflict("experts.user_taken", "userEmail", email);
        }

        return Result<Guid?>.Ok(id);
    }
}
