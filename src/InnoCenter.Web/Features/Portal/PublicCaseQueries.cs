using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Features.Ledger;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Localization;
using InnoCenter.Web.Infrastructure.Policy;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// What anyone may read of the typical cases: published ones only, in their published version. A draft, a returned
/// case or a withdrawn one is "not found" here, whoever asks.
/// </summary>
public sealed class PublicCaseQueries(AppDbContext db, PolicyProvider policy, LedgerKinds ledgerKinds, Text text)
{
    private PortalRules Rules => policy.Current.Portal;

    public async Task<PagedResult<PublicCaseRow>> ListAsync(PublicCaseFilter f, CancellationToken ct)
    {
        var q = db.PortalCases.AsNoTracking().Where(c => c.Status == CaseStatus.Published);
        if (!string.IsNullOrWhiteSpace(f.Task))
        {
            q = q.Where(c => c.PublicTask == f.Task);
        }

        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await Rows(q.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Skip((page - 1) * size).Take(size), ct);
        return new PagedResult<PublicCaseRow>(rows, page, size, total);
    }

    /// <summary>The home page's featured cases, newest first.</summary>
    public Task<IReadOnlyList<PublicCaseRow>> FeaturedAsync(int take, CancellationToken ct) =>
        Rows(db.PortalCases.AsNoTracking().Where(c => c.Status == CaseStatus.Published && c.Featured)
            .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Take(take), ct);

    public Task<IReadOnlyList<PublicCaseRow>> LatestAsync(int take, CancellationToken ct) =>
        Rows(db.PortalCases.AsNoTracking().Where(c => c.Status == CaseStatus.Published)
            .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Take(take), ct);

    public async Task<Result<PublicCaseDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var found = await (from c in db.PortalCases.AsNoTracking()
                           join v in db.PortalCaseVersions on c.PublishedVersionId equals v.Id
                           join center in db.Centers on c.CenterId equals center.Id
                           where c.Id == id && c.Status == CaseStatus.Published
                           select new { c.Id, c.CenterId, CenterName = center.Name, v.Title, v.Summary, v.BodyHtml, v.Task, v.Number, c.PublishedAt, v.Evidence })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Failure.NotFound("portal.case.not_found");
        }

        var evidence = found.Evidence
            .Select(e => ledgerKinds.Find(e.Split('/', 2)[0]))
            .Where(k => k is not null)
            .GroupBy(k => k!.Slug)
            .Select(g => new EvidenceGroup(text[g.First()!.TitleKey], g.Count()))
            .ToList();
        return new PublicCaseDto(
            found.Id, found.CenterId, found.CenterName, found.Title, found.Summary, found.BodyHtml, found.Task,
            Rules.CaseTasks.LabelOf(found.Task, LocalizationSetup.IsEnglish), found.Number, found.PublishedAt!.Value, evidence);
    }

    /// <summary>
    /// An image of a case is served to the public only while the case's published version shows it; an image uploaded
    /// for a draft (even of a published case) stays private.
    /// </summary>
    public async Task<bool> IsPublicImageAsync(StoredFile file, CancellationToken ct)
    {
        if (file.OwnerType != CaseHandlers.OwnerType)
        {
            return false;
        }

        var html = await (from c in db.PortalCases.AsNoTracking()
                          join v in db.PortalCaseVersions on c.PublishedVersionId equals v.Id
                          where c.Id == file.OwnerId && c.Status == CaseStatus.Published
                          select v.BodyHtml).FirstOrDefaultAsync(ct);
        return html is not null && html.Contains(CaseHandlers.Links.File(file.Id), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<PublicCaseRow>> Rows(IQueryable<TypicalCase> q, CancellationToken ct)
    {
        var rows = await (from c in q
                          join center in db.Centers on c.CenterId equals center.Id
                          select new { c.Id, c.PublicTitle, c.PublicSummary, c.PublicTask, CenterName = center.Name, c.Featured, c.PublishedAt })
            .ToListAsync(ct);
        var english = LocalizationSetup.IsEnglish;
        return rows.OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id).Select(r => new PublicCaseRow(
            r.Id, r.PublicTitle ?? string.Empty, r.PublicSummary ?? string.Empty, r.PublicTask ?? string.Empty,
            Rules.CaseTasks.LabelOf(r.PublicTask ?? string.Empty, english), r.CenterName, r.Featured, r.PublishedAt!.Value)).ToList();
    }
}
