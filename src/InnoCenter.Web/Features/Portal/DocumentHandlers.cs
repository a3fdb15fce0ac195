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
using InnoCenter.Web.Infrastructure.Localization;

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

        var valid = Validate(r);
        if (!valid.IsSuccess)
        {
            return valid.Failure!;
        }

        var pattern = policy.Current.Portal.IndexNumberPattern;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return Failure.Validation(new Error("portal.document.no_pattern"));
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

        var doc = PortalDocument.Publish(id, index!, r.Title!.Trim(), r.DocumentNumber, r.Publisher!.Trim(), r.IssuedOn!.Value, r.Body!, valid.Value, user.Id, clock.GetUtcNow());
        db.PortalDocuments.Add(doc);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(id, ct);

    }

    /// <summary>An edit is a new revision under the same 索引号; the one it replaces is kept (历史版本).</summary>
    public async Task<Result<DocumentDto>> EditAsync(Guid id, DocumentRequest r, CancellationToken ct)
    {
        var (doc, failure) = await LoadAsync(id, r.Version, ct);
        if (doc is null)
        {
            return failure!;
        }

        var valid = Validate(r);
        if (!valid.IsSuccess)
        {
            return valid.Failure!;
        }

        var revised = doc.Revise(r.Title!.Trim(), r.DocumentNumber, r.Publisher!.Trim(), r.IssuedOn!.Value, r.Body!, valid.Value, user.Id, clock.GetUtcNow());
        if (!revised.IsSuccess)
        {
            return revised.Failure!;
        }

        db.PortalDocumentRevisions.Add(revised.Value);
        await db.SaveChangesAsync(ct);
        return await queries.GetForAdminAsync(id, ct);
    }

    /// <summary>Takes a document off the site with a reason; its 索引号 stays issued and is never handed out again.</summary>
    public async Task<Result<DocumentDto>> WithdrawAsync(Guid id, DocumentWithdrawRequest r, CancellationToken ct)
    {
        var (doc, failure) = await LoadAsync(id, r.Version, ct);
        if (doc is null)
        {
            return failure!;
        }

        if (doc.Withdraw(r.Reason, user.Id, clock.GetUtcNow()).Failure is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return await queries.GetForAdminAsync(id, ct);
    }

    private async Task<(PortalDocument? Document, Failure? Failure)> LoadAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            return (null, Failure.Forbidden("portal.document.forbidden"));
        }

        var doc = await db.PortalDocuments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return (null, Failure.NotFound("portal.document.not_found"));
        }

        return version is { } v && v != doc.Version ? (null, Failure.Conflict(VersionedSave.ConcurrencyCode)) : (doc, null);
    }

    /// <summary>Checks the fields and renders the body; the value is the cleaned HTML.</summary>
    private static Result<string> Validate(DocumentRequest r)
    {
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
            errors.Add(new Error("portal.body_unsafe", "body", [rendered.Removed.ToArray()]));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return rendered.Html;

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
