namespace InnoCenter.Web.Features.Portal;

/// <summary>
/// A policy document as an Admin publishes or edits it; the 索引号 is not part of it: the platform assigns it.
/// <see cref="Version"/> is the version read, for an edit (a stale one is a conflict).
/// </summary>
public sealed record DocumentRequest(string? Title, string? DocumentNumber, string? Publisher, DateOnly? IssuedOn, string? Body, int? Version = null);

public sealed record DocumentWithdrawRequest(string? Reason, int? Version);

public sealed record DocumentDto(
    Guid Id, string IndexNumber, string Title, string? DocumentNumber, string Publisher, DateOnly IssuedOn, string BodyHtml,
    DateTimeOffset PublishedAt, IReadOnlyList<DocumentAttachment> Attachments)
{
    /// <summary>The revision in force (第几版) and when it was written, when it is not the first.</summary>
    public int Revision { get; init; } = 1;

    public DateTimeOffset? RevisedAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    public string? WithdrawnReason { get; init; }

    /// <summary>The Markdown as written (for the edit form; empty in the public view).</summary>
    public string Body { get; init; } = string.Empty;

    public int Version { get; init; }

    /// <summary>Earlier revisions, newest first.</summary>
    public IReadOnlyList<DocumentRevisionRow> History { get; init; } = [];
}

public sealed record DocumentRevisionRow(int Number, string Title, string? DocumentNumber, DateOnly IssuedOn, DateTimeOffset InForceFrom, DateTimeOffset ReplacedAt);

public sealed record DocumentAttachment(Guid Id, string Name, long Size, string Url);

public sealed record DocumentRow(Guid Id, string IndexNumber, string Title, string? DocumentNumber, string Publisher, DateOnly IssuedOn, DateTimeOffset PublishedAt);

public sealed record DocumentFilter(int? Page, int? PageSize);
