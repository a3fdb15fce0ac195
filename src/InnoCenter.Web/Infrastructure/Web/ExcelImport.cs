using InnoCenter.Domain.Common;
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
    /// <summary>
    /// Reads the first sheet with its header row as keys; cell values as MiniExcel gives them (string, double,
    /// DateTime…). The package is inspected first (<see cref="ExcelPackageCheck"/>): one past a cap is refused by name
    /// before the reader is called, so no upload can make the server build what it cannot hold.
    /// </summary>
    public static async Task<Result<IReadOnlyList<IDictionary<string, object?>>>> ReadRowsAsync(
        Stream content, ImportLimits limits, int maxRows, string unreadableCode, CancellationToken ct)
    {
        Stream seekable = content;
        FileStream? spooled = null;
        try
        {
            if (!content.CanSeek)
            {
                spooled = new FileStream(Path.Combine(Path.GetTempPath(), $"innocenter-import-{Guid.NewGuid():N}.xlsx"),
                    FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await content.CopyToAsync(spooled, ct);
                seekable = spooled;
            }

            seekable.Position = 0;
            if (ExcelPackageCheck.Inspect(seekable, limits, maxRows, unreadableCode) is { } refused)
            {
                return Failure.Validation(refused);
            }

            seekable.Position = 0;
            var rows = new List<IDictionary<string, object?>>();
            foreach (var row in await seekable.QueryAsync(useHeaderRow: true, cancellationToken: ct))
            {
                rows.Add((IDictionary<string, object?>)row);
            }

            return Result<IReadOnlyList<IDictionary<string, object?>>>.Ok(rows);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Within the caps but still not a workbook MiniExcel can read (a renamed file, a corrupt part).
            return Failure.Validation(new Error(unreadableCode, "file"));
        }
        finally
        {
            if (spooled is not null)
            {
                await spooled.DisposeAsync();
            }
        }
    }

    /// <summary>The sheet row number of the i-th data row (0-based): the header takes row 1.</summary>
    public static int SheetRow(int index) => index + 2;

    public static string? Text(this IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null && v.ToString() is { Length: > 0 } s ? s.Trim() : null;
}
