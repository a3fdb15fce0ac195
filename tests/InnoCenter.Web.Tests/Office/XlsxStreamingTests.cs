using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InnoCenter.Web.Infrastructure.Web;

namespace InnoCenter.Web.Tests.Office;

/// <summary>A large export is written to its file as its rows arrive, not gathered in memory and written at the end.</summary>
public sealed class XlsxStreamingTests
{
    [Fact]
    public async Task A_large_export_reaches_its_file_while_its_rows_are_still_being_read()
    {
        const int rows = 60_000;
        var path = Path.Combine(Path.GetTempPath(), $"innocenter-streaming-{Guid.NewGuid():N}.xlsx");
        long writtenAtHalf = -1;
        try
        {
            // Opened as ExcelExport opens its temporary file: seekable, read and write.
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.Asynchronous))
            {
                async IAsyncEnumerable<IDictionary<string, object?>> Read()
                {
                    for (var i = 1; i <= rows; i++)
                    {
                        if (i == rows / 2)
                        {
                            writtenAtHalf = new FileInfo(path).Length;
                        }

                        await Task.Yield();
                        yield return new Dictionary<string, object?>
                        {
                            ["序号"] = i, ["名称"] = $"第{i}条成果记录 {Guid.NewGuid():N}", ["金额（元）"] = i * 1.25m, ["日期"] = new DateOnly(2026, 1, 1).AddDays(i % 365),
                        };
                    }
                }

                await XlsxWriter.WriteAsync(file, "成果", null, Read(), template: false, CancellationToken.None);
            }

            var final = new FileInfo(path).Length;
            using var doc = SpreadsheetDocument.Open(path, false);
            using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(doc.WorkbookPart!.WorksheetParts.Single());
            var count = 0;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    count++;
                }
            }

            Assert.Equal(rows + 1, count);
            // Half the rows read: a good part of the file is on disk already (a buffered package writes nothing until it closes).
            Assert.True(writtenAtHalf > final / 4, $"{writtenAtHalf} of {final} bytes written when half the rows were read");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
