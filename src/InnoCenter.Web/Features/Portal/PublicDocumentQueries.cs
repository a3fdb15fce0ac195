using InnoCenter.Domain.Common;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>The published policy documents, as anyone reads them: a withdrawn one is "not found" to the public.</summary>
public sealed class PublicDocumentQueries(AppDbContext db)
{
    public async Task<PagedResult<DocumentRow>> ListAsync(DocumentFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var total = await Public.CountAsync(ct);
        var rows = await Rows(Public.OrderByDescending(d => d.PublishedAt).ThenBy(d => d.Id).Skip((page - 1) * size).Take(size))
            .ToListAsync(ct);
        return new PagedResult<DocumentRow>(rows, page, size, total);
    }

    public async Task<IReadOnlyList<DocumentRow>> LatestAsync(int take, CancellationToken ct) =>
        await Rows(Public.OrderByDescending(d => d.PublishedAt).ThenBy(d => d.Id).Take(take)).ToListAsync(ct);

    public Task<Result<DocumentDto>> GetAsync(Guid id, CancellationToken ct) => GetAsync(id, false, ct);

    /// <summary>For the Admin's edit page: a withdrawn document too, with its Markdown and earlier revisions.</summary>
    public Task<Result<DocumentDto>> GetForAdminAsync(Guid id, CancellationToken ct) => GetAsync(id, true, ct);

    public Task<bool> IsPublicFileAsync(StoredFile file, CancellationToken ct) =>
        file.IsCurrent ? Public.AnyAsync(d => d.Id == file.OwnerId, ct) : Task.FromResult(false);

    private IQueryable<PortalDocument> Public => db.PortalDocuments.AsNoTracking().Where(d => d.WithdrawnAt == null);

    private static IQueryable<DocumentRow> Rows(IQueryable<PortalDocument> q) =>
        q.Select(d => new DocumentRow(d.Id, d.IndexNumber, d.Title, d.DocumentNumber, d.Publisher, d.IssuedOn, d.PublishedAt));

    private async Task<Result<DocumentDto>> GetAsync(Guid id, bool admin, CancellationToken ct)
    {
        var d = await db.PortalDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || (d.IsWithdrawn && !admin))
        {
            return Failure.NotFound("portal.document.not_found");
        }

        var files = await db.StoredFiles.AsNoTracking()
            .Where(f => f.OwnerType == PortalOwnerTypes.Document && f.OwnerId == id && f.IsCurrent)
            .OrderBy(f => f.UploadedAt).Select(f => new { f.Id, f.OriginalName, f.Size }).ToListAsync(ct);
        var history = d.Revision > 1
            ? await db.PortalDocumentRevisions.AsNoTracking().Where(r => r.DocumentId == id).OrderByDescending(r => r.Number)
                .Select(r => new DocumentRevisionRow(r.Number, r.Title, r.DocumentNumber, r.IssuedOn, r.InForceFrom, r.ReplacedAt)).ToListAsync(ct)
            : [];
        return new DocumentDto(
            d.Id, d.IndexNumber, d.Title, d.DocumentNumber, d.Publisher, d.IssuedOn, d.BodyHtml, d.PublishedAt,
            files.Select(f => new DocumentAttachment(f.Id, f.OriginalName, f.Size, CaseHandlers.Links.File(f.Id))).ToList())
        {
            Revision = d.Revision,
            RevisedAt = d.RevisedAt,
            WithdrawnAt = d.WithdrawnAt,
            WithdrawnReason = d.WithdrawnReason,
            Body = admin ? d.Body : string.Empty,
            Version = d.Version,
            History = history,
        };
    }
}
