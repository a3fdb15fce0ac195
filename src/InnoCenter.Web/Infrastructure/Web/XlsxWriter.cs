using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InnoCenter.Web.Infrastructure.Web;

/// <summary>A column of a written sheet: its header and, for an import template, the choices a dropdown offers.</summary>
public sealed record SheetColumn(string Header, IReadOnlyList<string>? Choices = null);

/// <summary>
/// Writes the one kind of workbook the platform hands out, as a person opens it in Excel or LibreOffice: a bold, frozen
/// header row (there even when no row follows), column widths fitted to the header and the first rows, dates as date
/// cells with a date format, numbers as numbers, and in templates a dropdown on every coded column (its choices on a
/// hidden sheet, so long lists fit). The sheet is written with the SDK's forward-only writer straight into the entry of
/// a zip opened for creation (the package's few other parts are small and written whole), so a 100,000-row export
/// streams to disk as its rows are read and never sits in memory.
/// </summary>
public static class XlsxWriter
{
    /// <summary>How many rows are read ahead to fit the column widths.</summary>
    private const int SampleRows = 200;

    /// <summary>How far down a template's dropdowns reach.</summary>
    public const int TemplateRows = 1000;

    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;

    public static async Task WriteAsync(
        Stream output, string sheetName, IReadOnlyList<SheetColumn>? columns, IAsyncEnumerable<IDictionary<string, object?>> rows,
        bool template, CancellationToken ct)
    {
        var sample = new List<IDictionary<string, object?>>();
        await using var e = rows.GetAsyncEnumerator(ct);
        var more = true;
        while (sample.Count < SampleRows && (more = await e.MoveNextAsync()))
        {
            sample.Add(e.Current);
        }

        var cols = columns ?? (sample.Count > 0 ? sample[0].Keys.Select(k => new SheetColumn(k)).ToList() : []);
        var withChoices = template ? cols.Select((c, i) => (c, i)).Where(x => x.c.Choices is { Count: > 0 }).ToList() : [];

        // The package is written entry by entry into a zip opened for creation: System.IO.Packaging (under the SDK's
        // SpreadsheetDocument) opens a read-write stream in update mode, which holds every part uncompressed in memory
        // until the file closes; here the sheet's rows go to the file as they are read.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteXml(zip, "[Content_Types].xml", ContentTypes(withChoices.Count > 0));
        WriteXml(zip, "_rels/.rels", Relationships(("rId1", OfficeDocument, "xl/workbook.xml")));
        var sheetEntry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        await using (var sheetStream = sheetEntry.Open())
        using (var w = OpenXmlWriter.Create(sheetStream, Encoding.UTF8))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
            { WorkbookViewId = 0, TabSelected = true }));
            if (cols.Count > 0)
            {
                w.WriteElement(new Columns(cols.Select((c, i) => new Column
                {
                    Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Width(c.Header, sample.Select(r => r.TryGetValue(c.Header, out var v) ? v : null)),
                    CustomWidth = true,
                })));
            }

            w.WriteStartElement(new SheetData());
            uint rowIndex = 1;
            WriteRow(w, rowIndex, cols.Select(c => (object?)c.Header).ToList(), HeaderStyle);
            foreach (var row in sample)
            {
                WriteRow(w, ++rowIndex, cols.Select(c => row.TryGetValue(c.Header, out var v) ? v : null).ToList(), null);
            }

            while (more && await e.MoveNextAsync())
            {
                var row = e.Current;
                WriteRow(w, ++rowIndex, cols.Select(c => row.TryGetValue(c.Header, out var v) ? v : null).ToList(), null);
            }

            w.WriteEndElement();
            if (withChoices.Count > 0)
            {
                w.WriteElement(new DataValidations(withChoices.Select((x, k) => new DataValidation(
                    new Formula1($"'{ListsSheet}'!${ColumnName(k)}$1:${ColumnName(k)}${x.c.Choices!.Count}"))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ShowInputMessage = true,
                    SequenceOfReferences = new ListValue<StringValue>([$"{ColumnName(x.i)}2:{ColumnName(x.i)}{TemplateRows + 1}"]),
                }))
                { Count = (uint)withChoices.Count });
            }

            w.WriteEndElement();
        }

        List<(string Id, string Type, string Target)> parts = [("rId1", WorksheetRelationship, "worksheets/sheet1.xml")];
        var sheets = new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = SheetName(sheetName) });
        if (withChoices.Count > 0)
        {
            var data = new SheetData();
            var longest = withChoices.Max(x => x.c.Choices!.Count);
            for (var r = 0; r < longest; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var k = 0; k < withChoices.Count; k++)
                {
                    var choices = withChoices[k].c.Choices!;
                    if (r < choices.Count)
                    {
                        row.Append(TextCell($"{ColumnName(k)}{r + 1}", choices[r], null));
                    }
                }

                data.Append(row);
            }

            WriteXml(zip, "xl/worksheets/sheet2.xml", new Worksheet(data).OuterXml);
            parts.Add(("rId2", WorksheetRelationship, "worksheets/sheet2.xml"));
            sheets.Append(new Sheet { Id = "rId2", SheetId = 2, Name = ListsSheet, State = SheetStateValues.Hidden });
        }

        parts.Add(("rIdStyles", StylesRelationship, "styles.xml"));
        WriteXml(zip, "xl/styles.xml", Stylesheet().OuterXml);
        WriteXml(zip, "xl/workbook.xml", new Workbook(sheets).OuterXml);
        WriteXml(zip, "xl/_rels/workbook.xml.rels", Relationships([.. parts]));
    }

    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    private const string WorksheetRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

    private const string StylesRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

    private static void WriteXml(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(xml);
    }

    private static string ContentTypes(bool withLists)
    {
        var sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
        return "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
               + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
               + $"<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"{sheet}\"/>"
               + (withLists ? $"<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"{sheet}\"/>" : string.Empty)
               + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
               + "</Types>";
    }

    private static string Relationships(params (string Id, string Type, string Target)[] relationships) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(relationships.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{r.Type}\" Target=\"{r.Target}\"/>"))
        + "</Relationships>";

    private const string ListsSheet = "lists";

    private static void WriteRow(OpenXmlWriter w, uint index, IReadOnlyList<object?> values, uint? style)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < values.Count; i++)
        {
            if (CellOf($"{ColumnName(i)}{index}", values[i], style) is { } cell)
            {
                w.WriteElement(cell);
            }
        }

        w.WriteEndElement();
    }

    private static Cell? CellOf(string reference, object? value, uint? style) => value switch
    {
        null => null,
        string s when s.Length == 0 => null,
        string s => TextCell(reference, s, style),
        DateOnly d => Number(reference, d.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle),
        DateTime dt => Number(reference, dt.ToOADate(), dt.TimeOfDay == TimeSpan.Zero ? DateStyle : DateTimeStyle),
        DateTimeOffset dto => Number(reference, dto.ToOffset(TimeSpan.FromHours(8)).DateTime.ToOADate(), DateTimeStyle),
        int or long or short or byte or uint or ulong or ushort => Number(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), style),
        decimal m => new Cell { CellReference = reference, CellValue = new CellValue(m), StyleIndex = style },
        double x when double.IsFinite(x) => Number(reference, x, style),
        float f when float.IsFinite(f) => Number(reference, f, style),
        _ => TextCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, style),
    };

    private static Cell Number(string reference, double value, uint? style) =>
        new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell TextCell(string reference, string text, uint? style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>XML cannot carry most control characters; a pasted one must not break the whole file.</summary>
    private static string Clean(string s) =>
        s.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r'))
            ? new string(s.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray())
            : s;

    /// <summary>Characters as a spreadsheet measures them: a Chinese character takes two.</summary>
    private static double Width(string header, IEnumerable<object?> values)
    {
        var widest = Measure(header) + 2;
        foreach (var v in values)
        {
            widest = Math.Max(widest, v switch
            {
                null => 0,
                DateOnly => 12,
                DateTime or DateTimeOffset => 17,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Length + 2,
                _ => Measure(v.ToString() ?? string.Empty),
            });
        }

        return Math.Clamp(widest + 1, 8, 60);
    }

    private static int Measure(string s)
    {
        var longestLine = 0;
        foreach (var line in s.Split('\n'))
        {
            longestLine = Math.Max(longestLine, line.Sum(ch => ch > 0x2E80 ? 2 : 1));
        }

        return longestLine;
    }

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Sheet names are at most 31 characters and cannot hold []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => "[]:*?/\\".IndexOf(ch) < 0).ToArray()).Trim('\'');
        clean = clean.Length == 0 ? "Sheet1" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 },
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
