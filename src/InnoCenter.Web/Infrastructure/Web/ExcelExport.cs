using Microsoft.AspNetCore.Http.HttpResults;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// Writes rows to an .xlsx as they stream from the database (<see cref="XlsxWriter"/>). The workbook goes through a
/// temporary file that deletes itself when the response is done, so memory stays flat however many rows there are.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="columns">The header row, written even when no row follows; null: the keys of the first row.</param>
    /// <param name="template">An import template: coded columns get a dropdown of their choices.</param>
    public static async Task<FileStreamHttpResult> ToXlsxAsync<T>(
        IAsyncEnumerable<T> rows, Func<T, IDictionary<string, object?>> toRow, string fileName, string sheetName, CancellationToken ct,
        IReadOnlyList<SheetColumn>? columns = null, bool template = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"innocenter-export-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await XlsxWriter.WriteAsync(file, sheetName, columns, Project(rows, toRow, ct), template, ct);
            file.Position = 0;
            return TypedResults.File(file, ContentType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Project<T>(
        IAsyncEnumerable<T> rows, Func<T, IDictionary<string, object?>> toRow, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return toRow(row);
        }
    }
}
