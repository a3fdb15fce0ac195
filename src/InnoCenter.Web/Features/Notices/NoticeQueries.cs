using InnoCenter.Domain.Applications;
using InnoCenter.Domain.Policy;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Notices;

/// <summary>
/// The public notices (公示) as anyone may read them: applications whose notice is open, and those that ended in an
/// approval. Read straight from the applications' table (domain types), not through the Applications module.
/// </summary>
public sealed class NoticeQueries(AppDbContext db, PolicyProvider policy, TimeProvider clock)
{
    /// <summary>One notice the public may read (published and still open, or ended in an approval), or none.</summary>
    public async Task<PublicNoticeDto?> FindAsync(Guid id, CancellationToken ct) =>
        (await NoticesAsync(PublicNoticeQuery().Where(a => a.Id == id).Take(1), ct)).FirstOrDefault();

    /// <summary>
    /// The public notices, newest first, a page at a time: open ones and those that ended in an approval. Every
    /// approval stays public, so the list grows for years and must not be read whole.
    /// </summary>
    /// <remarks>The list page shows no consortia (<paramref name="members"/> false spares their query).</remarks>
    public async Task<PagedResult<PublicNoticeDto>> PageAsync(int? page, int? pageSize, CancellationToken ct, bool members = true)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await PublicNoticeQuery().CountAsync(ct);
        return new PagedResult<PublicNoticeDto>(await ItemsAsync(p, size, members, ct), p, size, total);
    }

    /// <summary>One page of the notices without their total: the API answers the items only.</summary>
    public Task<IReadOnlyList<PublicNoticeDto>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        return ItemsAsync(p, size, true, ct);
    }

    private Task<IReadOnlyList<PublicNoticeDto>> ItemsAsync(int page, int size, bool members, CancellationToken ct) =>
        NoticesAsync(PublicNoticeQuery().OrderByDescending(a => a.NoticeStartsOn).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size), ct, members);

    /// <summary>
    /// The newest public notices' headings (the portal's home page and Atom feed): no total and no consortia, which
    /// those readers do not show; read in the order of the index (Status, NoticeStartsOn DESC, Id).
    /// </summary>
    public async Task<IReadOnlyList<NoticeHeading>> LatestHeadingsAsync(int take, CancellationToken ct) =>
        await PublicNoticeQuery().OrderByDescending(a => a.NoticeStartsOn).ThenBy(a => a.Id).Take(take)
            .Select(a => new NoticeHeading(a.Id, a.CenterName, a.NoticeStartsOn!.Value)).ToListAsync(ct);

    private IQueryable<Application> PublicNoticeQuery()
    {
        return db.Applications.AsNoTracking()
            // A notice is public from the decision; its working days are counted from the next working day.
            .Where(a => (a.Status == ApplicationStatus.PublicNotice || a.Status == ApplicationStatus.Approved) && a.NoticeStartsOn != null);
    }

    private async Task<IReadOnlyList<PublicNoticeDto>> NoticesAsync(IQueryable<Application> q, CancellationToken ct, bool withMembers = true)
    {
        var today = clock.TodayInBeijing();
        var rows = await q
            .Select(a => new
            {
                a.Id, a.CenterName, a.KeyArea, a.Status, a.NoticeStartsOn, a.NoticeEndsOn, a.DecisionNumber, a.ApprovedOn,
                Lead = a.LeadName,
            })
            .ToListAsync(ct);

        // The consortia of all the notices in one query (a nested collection per row needs APPLY, which SQLite lacks).
        List<Guid> ids = withMembers ? rows.Select(r => r.Id).ToList() : [];
        List<MemberName> found = ids.Count == 0 ? [] : await db.Set<ConsortiumMember>().AsNoTracking()
                .Where(m => ids.Contains(m.ApplicationId))
                .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new MemberName(m.ApplicationId, m.IsLead, o.Name))
                .ToListAsync(ct);
        var members = found
            .OrderByDescending(m => m.IsLead).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToLookup(m => m.ApplicationId, m => m.Name);
        var en = LocalizationSetup.IsEnglish;
        return rows
            .Select(r => new PublicNoticeDto(r.Id, r.CenterName, r.Lead, policy.Current.KeyAreas.LabelOf(r.KeyArea, en), members[r.Id].ToList(),
                r.NoticeStartsOn!.Value, r.NoticeEndsOn ?? r.NoticeStartsOn!.Value,
                r.Status == ApplicationStatus.PublicNotice && r.NoticeEndsOn >= today, r.DecisionNumber))
            .ToList();
    }

    private sealed record MemberName(Guid ApplicationId, bool IsLead, string Name);
}
