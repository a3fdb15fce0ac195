using InnoCenter.Domain.Common;
using InnoCenter.Domain.Portal;
using InnoCenter.Web.Data;
using InnoCenter.Web.Data.Configurations.Portal;
using InnoCenter.Web.Features.Centers;
using InnoCenter.Web.Infrastructure.Auth;
using InnoCenter.Web.Infrastructure.Documents;
using InnoCenter.Web.Infrastructure.Files;
using InnoCenter.Web.Infrastructure.Policy;
using Microsoft.EntityFrameworkCore;

namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// An Admin publishes policy documents (政策文件). The 索引号 comes from the pack's <c>portal.indexNumberPattern</c>
/// through the registry of issued numbers (<see cref="DocumentNumbers"/>), which is never deleted from: a number is
/// unique and never handed out twice, even when the publication that asked for it then fails.
/// </summary>
public sealed class DocumentHandlers(
    AppDbContext db, CurrentUser user, PolicyProvider policy, DocumentNumbers numbers, Attachments attachments,
    PublicDocumentQueries queries, TimeProvider clock)
{
    public const string OwnerType = PortalOwnerTypes.Document;

    /// <summary>The kind under which the registry keeps the portal's 索引号.</summary>
    public const string NumberKind = "portalIndex";

    public async Task<Result<DocumentDto>> PublishAsync(DocumentRequest r, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return Failure.Forbidden("portal.document.forbidden");
        }

        var errors = new List<Error>();
        Required(r.Title, "title", FieldLengths.Title);
        Required(r.Publisher, "publisher", FieldLengths.OrganizationName);
        Required(r.Body, "body", PortalLengths.Body);
        if (r.DocumentNumber is { Length: > FieldLengths.Code })
        {
            errors.Add(new Error("validation.max_length", "documentNumber", FieldLengths.Code));
        }

        if (r.IssuedOn is null)
        {
            errors.Add(new Error("validation.required", "issuedOn"));
        }

        var rendered = PortalMarkdown.Render(r.Body);
        if (rendered.Removed.Count > 0)
        {
            errors.Add(new Error("portal.body_unsafe", "body", string.Join(", ", rendered.Removed)));
        }

        var pattern = policy.Current.Portal.IndexNumberPattern;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            errors.Add(new Error("portal.document.no_pattern"));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var id = Guid.CreateVersion7();
        var staged = new List<StoredFile>();
        foreach (var file in files)
        {
            var one = await attachments.StageAsync(OwnerType, id, "attachment-" + Guid.CreateVersion7().ToString("N"), file, ct, "files");
            if (!one.IsSuccess)
            {
                // Nothing is kept of a refused publication: the staged rows leave the context unsaved.
                foreach (var s in staged)
                {
                    db.Entry(s).State = EntityState.Detached;
                }

                return one.Failure!;
            }

            staged.Add(one.Value);
        }

        // The number is issued (and kept) before the document is written, so two Admins publishing at once get two.
        foreach (var s in staged)
        {
            db.Entry(s).State = EntityState.Detached;
        }

        var index = await numbers.GetOrIssueAsync(NumberKind, id, pattern, clock.TodayInBeijing().Year, ct);
        foreach (var s in staged)
        {
            db.StoredFiles.Add(s);
        }

        var doc = PortalDocument.Publish(id, index!, r.Title!.Trim(), r.DocumentNumber, r.Publisher!.Trim(), r.IssuedOn!.Value, r.Body!, rendered.Html, user.Id, clock.GetUtcNow());
        db.PortalDocuments.Add(doc);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);

        void Required(string? value, string field, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new Error("validation.required", field));
            }
            else if (value.Length > max)
            {
                errors.Add(new Error("validation.max_length", field, max));
            }
        }
    }
}
