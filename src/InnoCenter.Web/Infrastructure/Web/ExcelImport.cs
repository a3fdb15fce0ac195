using MiniExcelLibs;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>A row that could not be imported: its sheet row number (the header is row 1), the column, and why.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>
/// The outcome of an all-or-nothing import: either every row was written, or none was and every bad row is listed.
/// </summary>
public sealed record ImportReport(int Rows, int Imported, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public static class ExcelImport
{
    public const int DefaultMaxRows = 10_000;

    /// <summary>Reads the first sheet with its header row as keys; cell values as MiniExcel gives them (string, double, DateTime…).</summary>
    public static async Task<IReadOnlyList<IDictionary<string, object?>>> ReadRowsAsync(Stream content, CancellationToken ct)
    {
        var rows = await content.QueryAsync(useHeaderRow: true, cancellationToken: ct);
        return rows.Cast<IDictionary<string, object?>>().ToList();
    }

    /// <summary>The sheet row number of the i-th data row (0-based): the header takes row 1.</summary>
    public static int SheetRow(int index) => index + 2;

    public static string? Text(this IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null && v.ToString() is { Length: > 0 } s ? s.Trim() : null;
}
