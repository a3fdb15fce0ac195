using InnoCenter.Domain.Common;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>The published policy documents, as anyone reads them.</summary>
public sealed class PublicDocumentQueries(AppDbContext db)
{
    public async Task<PagedResult<DocumentRow>> ListAsync(DocumentFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var total = await db.PortalDocuments.CountAsync(ct);
        var rows = await Rows(db.PortalDocuments.AsNoTracking().OrderByDescending(d => d.PublishedAt).ThenBy(d => d.Id).Skip((page - 1) * size).Take(size))
            .ToListAsync(ct);
        return new PagedResult<DocumentRow>(rows, page, size, total);
    }

    public async Task<IReadOnlyList<DocumentRow>> LatestAsync(int take, CancellationToken ct) =>
        await Rows(db.PortalDocuments.AsNoTracking().OrderByDescending(d => d.PublishedAt).ThenBy(d => d.Id).Take(take)).ToListAsync(ct);

    public async Task<Result<DocumentDto>> GetAsync(Guid id, CancellationToken ct)
    {
        var d = await db.PortalDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return Failure.NotFound("portal.document.not_found");
        }

        var files = await db.StoredFiles.AsNoTracking()
            .Where(f => f.OwnerType == PortalOwnerTypes.Document && f.OwnerId == id && f.IsCurrent)
            .OrderBy(f => f.UploadedAt).Select(f => new { f.Id, f.OriginalName, f.Size }).ToListAsync(ct);
        return new DocumentDto(
            d.Id, d.IndexNumber, d.Title, d.DocumentNumber, d.Publisher, d.IssuedOn, d.BodyHtml, d.PublishedAt,
            files.Select(f => new DocumentAttachment(f.Id, f.OriginalName, f.Size, CaseHandlers.Links.File(f.Id))).ToList());
    }

    public Task<bool> IsPublicFileAsync(StoredFile file, CancellationToken ct) =>
        file.IsCurrent ? db.PortalDocuments.AnyAsync(d => d.Id == file.OwnerId, ct) : Task.FromResult(false);

    private static IQueryable<DocumentRow> Rows(IQueryable<Domain.Portal.PortalDocument> q) =>
        q.Select(d => new DocumentRow(d.Id, d.IndexNumber, d.Title, d.DocumentNumber, d.Publisher, d.IssuedOn, d.PublishedAt));
}
