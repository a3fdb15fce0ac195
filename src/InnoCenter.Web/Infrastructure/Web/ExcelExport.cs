using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>
/// Writes rows to an .xlsx as they stream from the database. The workbook goes through a temporary file that deletes
/// itself when the response is done, so memory stays flat however many rows there are.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<FileStreamHttpResult> ToXlsxAsync<T>(
        IAsyncEnumerable<T> rows, Func<T, IDictionary<string, object?>> toRow, string fileName, string sheetName, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"innocenter-export-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var projected = rows.ToBlockingEnumerable(ct).Select(toRow);
            await MiniExcel.SaveAsAsync(file, projected, sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: ct);
            file.Position = 0;
            return TypedResults.File(file, ContentType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
