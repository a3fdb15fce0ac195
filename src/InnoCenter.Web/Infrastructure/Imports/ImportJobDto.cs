using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Infrastructure.Imports;

/// <summary>Where a background import stands: its progress while it runs, then its outcome and, when refused, every reason.</summary>
public sealed record ImportJobDto(
    Guid Id, string Kind, string Title, string FileName, ImportJobState State, int Total, int Processed, int Imported, int Percent,
    string? Message, IReadOnlyList<ImportRowError> Errors, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string? Link);
