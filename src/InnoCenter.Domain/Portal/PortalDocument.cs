using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Portal;

/// <summary>
/// A policy document (政策文件) published on the portal by an Admin: the plan itself, notices of calls, rules. It carries
/// the fields a government document page shows — 索引号 (assigned by the platform, unique, never reused), 文号,
/// 发布机构, 成文日期 and 发布日期 — and a body in Markdown, cleaned like a case's.
/// </summary>
public sealed class PortalDocument : IAudited, IVersioned
{
    private PortalDocument()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>索引号.</summary>
    public string IndexNumber { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    /// <summary>文号, e.g. 津工信科〔2020〕21号 (a document may have none).</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>发布机构.</summary>
    public string Publisher { get; private set; } = string.Empty;

    /// <summary>发布日期 (Beijing calendar date).</summary>
    public DateOnly IssuedOn { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public string BodyHtml { get; private set; } = string.Empty;

    public DateTimeOffset PublishedAt { get; private set; }

    public Guid? PublishedBy { get; private set; }

    /// <summary>The revision in force (第几版): 1 when published, one more with every edit; earlier ones are kept.</summary>
    public int Revision { get; private set; } = 1;

    public DateTimeOffset? RevisedAt { get; private set; }

    /// <summary>撤回: off the public list, feed and search; the 索引号 stays issued and is never handed out again.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnReason { get; private set; }

    public Guid? WithdrawnBy { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public int Version { get; set; }

    public static PortalDocument Publish(
        Guid id, string indexNumber, string title, string? documentNumber, string publisher, DateOnly issuedOn, string body, string bodyHtml,
        Guid? by, DateTimeOffset now) => new()
    {
        Id = id,
        IndexNumber = indexNumber,
        Title = title,
        DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim(),
        Publisher = publisher,
        IssuedOn = issuedOn,
        Body = body,
        BodyHtml = bodyHtml,
        PublishedBy = by,
        PublishedAt = now,
    };

    /// <summary>
    /// Writes a new revision under the same 索引号 and returns the one it replaces, to be kept as history. A withdrawn
    /// document is not revised: a new document (with its own 索引号) takes its place.
    /// </summary>
    public Result<PortalDocumentRevision> Revise(
        string title, string? documentNumber, string publisher, DateOnly issuedOn, string body, string bodyHtml, Guid? by, DateTimeOffset now)
    {
        if (IsWithdrawn)
        {
            return Failure.IllegalTransition("portal.document.withdrawn");
        }

        var previous = PortalDocumentRevision.Of(this, by, now);
        Title = title;
        DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim();
        Publisher = publisher;
        IssuedOn = issuedOn;
        Body = body;
        BodyHtml = bodyHtml;
        Revision++;
        RevisedAt = now;
        return previous;
    }

    public Result<bool> Withdraw(string? reason, Guid? by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(new Error("validation.required", "reason"));
        }

        if (IsWithdrawn)
        {
            return Failure.IllegalTransition("portal.document.withdrawn");
        }

        WithdrawnAt = now;
        WithdrawnReason = reason.Trim();
        WithdrawnBy = by;
        return true;
    }
}
