using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Imports;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>What the pages, the import, the export and the attachments need of any ledger kind, whatever its record type.</summary>
public interface ILedgerKind
{
    /// <summary>The kind's segment in URLs: <c>/Ledger/{Slug}</c>, <c>/api/v1/ledger/{Slug}</c>.</summary>
    string Slug { get; }

    string TitleKey { get; }

    /// <summary>The owner type of its evidence attachments.</summary>
    string OwnerType { get; }

    IReadOnlyList<LedgerField> Fields { get; }

    /// <summary>Label of the kind's own type filter, and its choices (none when the kind has no such filter).</summary>
    string? TypeLabelKey { get; }

    IReadOnlyList<Option> TypeOptions { get; }

    Task<PagedResult<LedgerItem>> ListAsync(LedgerFilter filter, CancellationToken ct);

    /// <summary>How many records the filter matches, without reading any of them.</summary>
    Task<int> CountAsync(LedgerFilter filter, CancellationToken ct);

    IAsyncEnumerable<LedgerItem> StreamAsync(LedgerFilter filter, CancellationToken ct);

    Task<Result<LedgerItem>> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Creates (id null) or edits a record from values typed into a form.</summary>
    Task<Result<LedgerItem>> SaveValuesAsync(Guid? id, Guid centerId, int? version, IReadOnlyDictionary<string, object?> values, CancellationToken ct);

    Task<Result<bool>> DeleteAsync(Guid id, int? version, CancellationToken ct);

    /// <summary>Imports a spreadsheet all-or-nothing: every row is checked, and either all are written or none is.</summary>
    Task<Result<ImportReport>> ImportAsync(Guid centerId, Stream content, CancellationToken ct, ImportProgress? progress = null);

    IDictionary<string, object?> ToExportRow(LedgerItem item);

    /// <summary>The export's header row, the same keys as <see cref="ToExportRow"/>.</summary>
    IReadOnlyList<SheetColumn> ExportColumns();

    /// <summary>The import template's columns (required ones marked *), with the choices of coded columns for a dropdown.</summary>
    IReadOnlyList<SheetColumn> TemplateColumns();

    /// <summary>The center a record belongs to, when the current user may see the record.</summary>
    Task<Guid?> VisibleCenterOfAsync(Guid id, CancellationToken ct);
}
