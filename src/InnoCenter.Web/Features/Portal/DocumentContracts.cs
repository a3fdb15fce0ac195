namespace InnoCenter.Web.Features.Portal;

/// <summary>A policy document as an Admin publishes it; the 索引号 is not part of it: the platform assigns it.</summary>
public sealed record DocumentRequest(string? Title, string? DocumentNumber, string? Publisher, DateOnly? IssuedOn, string? Body);

public sealed record DocumentDto(
    Guid Id, string IndexNumber, string Title, string? DocumentNumber, string Publisher, DateOnly IssuedOn, string BodyHtml,
    DateTimeOffset PublishedAt, IReadOnlyList<DocumentAttachment> Attachments);

public sealed record DocumentAttachment(Guid Id, string Name, long Size, string Url);

public sealed record DocumentRow(Guid Id, string IndexNumber, string Title, string? DocumentNumber, string Publisher, DateOnly IssuedOn, DateTimeOffset PublishedAt);

public sealed record DocumentFilter(int? Page, int? PageSize);
