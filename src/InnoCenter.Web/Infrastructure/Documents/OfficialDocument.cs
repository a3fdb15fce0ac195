using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace InnoCenter.Web.Infrastructure.Documents;

/// <summary>
/// The layout of an official document (公文, after GB/T 9704): the issuing body in red over a red rule, the document
/// number, a centred title, the addressee, the body in 仿宋 at 三号, then the issuer and the date at the right.
/// </summary>
public sealed record OfficialDocument(
    string IssuingBody,
    string? DocumentNumber,
    string Title,
    string? Addressee,
    IReadOnlyList<string> Body,
    string Signature,
    string Date)
{
    /// <summary>Tables set after the body (an assessment result's scorecard, say), each under its caption.</summary>
    public IReadOnlyList<DocumentTable> Tables { get; init; } = [];

    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string HeaderFont = "方正小标宋简体";

    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(IssuingBody, HeaderFont, 52, JustificationValues.Center, color: "FF0000", bold: true));
            if (DocumentNumber is not null)
            {
                body.Append(Paragraph(DocumentNumber, BodyFont, 32, JustificationValues.Center));
            }

            body.Append(RedRule());
            body.Append(Paragraph(Title, TitleFont, 44, JustificationValues.Center, spacingBefore: 400, spacingAfter: 400));
            if (Addressee is not null)
            {
                body.Append(Paragraph(Addressee + "：", BodyFont, 32, JustificationValues.Left));
            }

            foreach (var line in Body)
            {
                body.Append(Paragraph(line, BodyFont, 32, JustificationValues.Both, firstLineChars: 200));
            }

            foreach (var table in Tables)
            {
                body.Append(Paragraph(table.Caption, BodyFont, 28, JustificationValues.Center, bold: true, spacingBefore: 200));
                body.Append(TableOf(table));
            }

            body.Append(Paragraph(Signature, BodyFont, 32, JustificationValues.Right, spacingBefore: 600));
            body.Append(Paragraph(Date, BodyFont, 32, JustificationValues.Right));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(
        string text, string font, int halfPoints, JustificationValues align,
        string? color = null, bool bold = false, int spacingBefore = 0, int spacingAfter = 0, int firstLineChars = 0)
    {
        var runProps = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
            new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProps.Append(new Bold());
        }

        if (color is not null)
        {
            runProps.Append(new Color { Val = color });
        }

        var paraProps = new ParagraphProperties(
            new Justification { Val = align },
            new SpacingBetweenLines
            {
                Before = spacingBefore.ToString(System.Globalization.CultureInfo.InvariantCulture),
                After = spacingAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Line = "560",
                LineRule = LineSpacingRuleValues.Exact,
            });
        if (firstLineChars > 0)
        {
            paraProps.Append(new Indentation { FirstLineChars = firstLineChars });
        }

        return new Paragraph(paraProps, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table TableOf(DocumentTable t)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(t.Header, bold: true));
        foreach (var row in t.Rows)
        {
            table.Append(Row(row, bold: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var runProps = new RunProperties(
                new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont },
                new FontSize { Val = "21" });
            if (bold)
            {
                runProps.Append(new Bold());
            }

            row.Append(new TableCell(new Paragraph(new Run(runProps, new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }

    private static Paragraph RedRule() =>
        new(new ParagraphProperties(new ParagraphBorders(
            new BottomBorder { Val = BorderValues.Single, Color = "FF0000", Size = 18, Space = 1 })));
}

/// <summary>A table of an official document: a caption, a header row and the rows, all as text.</summary>
public sealed record DocumentTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
