using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Portal;

/// <summary>
/// A revision of a policy document that a later edit replaced (历史版本), kept as it was published: what the document
/// said from <see cref="InForceFrom"/> until <see cref="ReplacedAt"/>. Written once, never changed.
/// </summary>
public sealed class PortalDocumentRevision : IAudited
{
    private PortalDocumentRevision()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DocumentId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string? DocumentNumber { get; private set; }

    public string Publisher { get; private set; } = string.Empty;

    public DateOnly IssuedOn { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public string BodyHtml { get; private set; } = string.Empty;

    public DateTimeOffset InForceFrom { get; private set; }

    public DateTimeOffset ReplacedAt { get; private set; }

    public Guid? ReplacedBy { get; private set; }

    internal static PortalDocumentRevision Of(PortalDocument d, Guid? by, DateTimeOffset now) => new()
    {
        DocumentId = d.Id,
        Number = d.Revision,
        Title = d.Title,
        DocumentNumber = d.DocumentNumber,
        Publisher = d.Publisher,
        IssuedOn = d.IssuedOn,
        Body = d.Body,
        BodyHtml = d.BodyHtml,
        InForceFrom = d.RevisedAt ?? d.PublishedAt,
        ReplacedAt = now,
        ReplacedBy = by,
    };
}
