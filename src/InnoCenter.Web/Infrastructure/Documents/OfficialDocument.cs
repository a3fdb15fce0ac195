using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace InnoCenter.Web.Infrastructure.Documents;

/// <summary>
/// An official document (公文) laid out after GB/T 9704-2012 (党政机关公文格式): on A4 with the standard type area, the
/// issuing body's mark (发文机关标志) in red 小标宋 35 mm below the top of the type area, the document number (发文字号)
/// two lines below it over a red rule as wide as the type area, the title in 二号小标宋 two lines further, the addressee
/// (主送机关) flush left, the body in 三号仿宋 indented two characters, then the issuer's name (署名) centred over the
/// date (成文日期, right-indented four characters) under a seal area (印章), the imprint (版记) at the foot of the last
/// page and page numbers as "— 1 —" in 四号宋体. It is always written in the document's language (Chinese for a
/// commission's documents), never the reader's: callers give it finished Chinese text.
/// </summary>
public sealed record OfficialDocument(
    string Issuer,
    string? DocumentNumber,
    string Title,
    string? Addressee,
    IReadOnlyList<string> Body,
    DateOnly Date)
{
    /// <summary>Tables set after the body (an assessment result's scorecard, say), each under its caption.</summary>
    public IReadOnlyList<DocumentTable> Tables { get; init; } = [];

    /// <summary>The red mark at the top: the issuer followed by 文件 unless a document says otherwise.</summary>
    public string? Mark { get; init; }

    /// <summary>A draft carries no seal and says so in its seal area.</summary>
    public bool Draft { get; init; }

    // The font names GB/T 9704 asks for; a machine without them substitutes, the document still names them.
    private const string MarkFont = "方正小标宋简体";
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";
    private const string PageNumberFont = "宋体";

    // Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt.
    private const int Size2 = 44;
    private const int Size3 = 32;
    private const int Size4 = 28;
    private const int SizeSmall4 = 24;

    // A4 with the type area of 156 × 225 mm: top 37 mm, left 28 mm (twips: 1 mm = 56.7).
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 2098;
    private const int MarginBottom = 1984;
    private const int MarginLeft = 1588;
    private const int MarginRight = 1474;
    private const int TypeWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>22 lines in the 225 mm type area: a line pitch of 28.95 pt.</summary>
    private const int Line = 579;

    /// <summary>A character of 三号 (16 pt) in twips: the unit of "右空四字".</summary>
    private const int Char = 320;

    /// <summary>The seal: a 42 mm circle, the usual size of an organ's seal.</summary>
    private const double SealPt = 119;

    private static readonly string Red = "FF0000";

    public static string ChineseDate(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            AddSettings(main);
            var (oddFooter, evenFooter) = AddFooters(main);
            var body = new Body();

            // 发文机关标志: its top edge 35 mm below the top of the type area.
            var mark = Mark ?? Issuer + "文件";
            body.Append(MarkParagraph(mark));
            if (DocumentNumber is not null)
            {
                // Two blank lines under the mark, then the number, centred; the red rule 4 mm below it.
                body.Append(Para(DocumentNumber, BodyFont, Size3, JustificationValues.Center, before: Line * 2));
            }

            body.Append(RedRule());
            body.Append(Para(Title, TitleFont, Size2, JustificationValues.Center, before: Line * 2 - 113, after: Line));
            if (Addressee is not null)
            {
                body.Append(Para(Addressee + "：", BodyFont, Size3, JustificationValues.Left));
            }

            foreach (var line in Body)
            {
                body.Append(Para(line, BodyFont, Size3, JustificationValues.Both, firstLineChars: 200));
            }

            foreach (var table in Tables)
            {
                var caption = Para(table.Caption, HeadingFont, Size3, JustificationValues.Center, before: Line / 2, after: 120);
                caption.ParagraphProperties!.PrependChild(new KeepNext());
                body.Append(caption);
                body.Append(TableOf(table));
            }

            AppendSignature(body);
            body.Append(Imprint());
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(oddFooter) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(evenFooter) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 1304, Gutter = 0 },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = Line }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The issuer's mark in red 小标宋, as large as fits one line of the type area: narrowed rather than wrapped when the
    /// issuer's name is long.
    /// </summary>
    private static Paragraph MarkParagraph(string mark)
    {
        const int halfPoints = 84; // 42 pt, about 15 mm high
        var natural = Width(mark, halfPoints);
        var scale = Math.Clamp(TypeWidth * 100 / Math.Max(natural, 1), 33, 100);
        var run = new RunProperties(
            Fonts(MarkFont), new Color { Val = Red }, new CharacterScale { Val = scale },
            new FontSize { Val = Half(halfPoints) }, new FontSizeComplexScript { Val = Half(halfPoints) });
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Before = "1985", After = "0", Line = "1100", LineRule = LineSpacingRuleValues.Exact },
            new Justification { Val = JustificationValues.Center });
        return new Paragraph(props, new Run(run, new Text(mark)));
    }

    /// <summary>
    /// 署名 centred over 成文日期, the date right-indented four characters; the seal over both, the two lines a little
    /// below its centre, its top within a line of the body.
    /// </summary>
    private void AppendSignature(Body body)
    {
        var date = ChineseDate(Date);
        var dateWidth = Width(date, Size3);
        var signatureWidth = Width(Issuer, Size3);
        var dateRight = 4 * Char;
        var signatureRight = dateRight + ((dateWidth - signatureWidth) / 2);
        if (signatureRight < 0)
        {
            dateRight -= signatureRight;
            signatureRight = 0;
        }

        // Two blank lines rather than spacing before: Word and LibreOffice then agree on where the paragraph (and so
        // the seal anchored to it) begins.
        body.Append(Para(string.Empty, BodyFont, Size3, JustificationValues.Left));
        body.Append(Para(string.Empty, BodyFont, Size3, JustificationValues.Left));
        var signature = Para(Issuer, BodyFont, Size3, JustificationValues.Right, rightIndent: signatureRight);
        signature.ParagraphProperties!.PrependChild(new KeepNext());
        var centreX = (TypeWidth - dateRight - (dateWidth / 2)) / 20.0;

        // The two lines span 2 × 28.95 pt; their middle sits 8 pt (about 3 mm) below the seal's centre.
        var centreY = (Line / 20.0) - 8;
        signature.Append(Seal(centreX - (SealPt / 2), centreY - (SealPt / 2), Draft));
        body.Append(signature);
        body.Append(Para(date, BodyFont, Size3, JustificationValues.Right, rightIndent: dateRight));
    }

    /// <summary>
    /// The seal area: a red circle behind the text where the seal is pressed (盖章处), drawn as a VML oval anchored to the
    /// signature, which Word and LibreOffice both place.
    /// </summary>
    private static Run Seal(double leftPt, double topPt, bool draft)
    {
        var label = draft ? "草稿　不盖章" : "（印章）";
        var style = FormattableString.Invariant(
            $"position:absolute;margin-left:{leftPt:0.#}pt;margin-top:{topPt:0.#}pt;width:{SealPt}pt;height:{SealPt}pt;z-index:-251650048;mso-position-horizontal-relative:margin;mso-position-vertical-relative:paragraph;v-text-anchor:top");
        var xml = $"""
            <w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word">
              <v:oval id="seal" style="{style}" filled="f" strokecolor="#FF0000" strokeweight="1.5pt">
                <v:stroke dashstyle="{(draft ? "dash" : "solid")}"/>
                <v:textbox inset="0,16pt,0,0">
                  <w:txbxContent>
                    <w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>
                      <w:r><w:rPr><w:rFonts w:ascii="{BodyFont}" w:hAnsi="{BodyFont}" w:eastAsia="{BodyFont}"/><w:color w:val="FF0000"/><w:sz w:val="{Size4}"/></w:rPr><w:t xml:space="preserve">{label}</w:t></w:r>
                    </w:p>
                  </w:txbxContent>
                </v:textbox>
                <w10:wrap anchorx="margin" anchory="paragraph"/>
              </v:oval>
            </w:pict>
            """;
        return new Run(new Picture(xml));
    }

    /// <summary>
    /// 版记: the issuing office and the date of issue between two thick rules, set at the foot of the last page (a frame
    /// aligned to the bottom of the type area, so the last rule meets its lower edge).
    /// </summary>
    private Paragraph Imprint()
    {
        var rule = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 8, Space = 4, Color = "000000" },
            () => new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 4, Color = "000000" },
        };
        var props = new ParagraphProperties(
            new FrameProperties
            {
                Width = TypeWidth.ToString(CultureInfo.InvariantCulture),
                HorizontalPosition = HorizontalAnchorValues.Margin,
                VerticalPosition = VerticalAnchorValues.Margin,
                XAlign = HorizontalAlignmentValues.Center,
                YAlign = VerticalAlignmentValues.Bottom,
                Wrap = TextWrappingValues.Around,
            },
            new ParagraphBorders(rule.Select(r => r())),
            new Tabs(new TabStop { Val = TabStopValues.Right, Position = TypeWidth - Char }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = Line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = (Char * 14 / 16).ToString(CultureInfo.InvariantCulture) });
        var run = new RunProperties(Fonts(BodyFont), new FontSize { Val = Half(Size4) });
        return new Paragraph(
            props,
            new Run(run, new Text(Issuer)),
            new Run((RunProperties)run.CloneNode(true), new TabChar(), new Text(ChineseDate(Date) + "印发")));
    }

    private static Paragraph Para(
        string text, string font, int halfPoints, JustificationValues align,
        int before = 0, int after = 0, int firstLineChars = 0, int rightIndent = 0, string? color = null)
    {
        var run = new RunProperties(Fonts(font), new FontSize { Val = Half(halfPoints) }, new FontSizeComplexScript { Val = Half(halfPoints) });
        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        var props = new ParagraphProperties(
            new SpacingBetweenLines
            {
                Before = before.ToString(CultureInfo.InvariantCulture),
                After = after.ToString(CultureInfo.InvariantCulture),
                Line = Line.ToString(CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Exact,
            });
        if (firstLineChars > 0 || rightIndent > 0)
        {
            var indent = new Indentation();
            if (firstLineChars > 0)
            {
                indent.FirstLineChars = firstLineChars;
                indent.FirstLine = (Char * firstLineChars / 100).ToString(CultureInfo.InvariantCulture);
            }

            if (rightIndent > 0)
            {
                indent.Right = rightIndent.ToString(CultureInfo.InvariantCulture);
            }

            props.Append(indent);
        }

        props.Append(new Justification { Val = align });
        return new Paragraph(props, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table TableOf(DocumentTable t)
    {
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 8 }, new BottomBorder { Val = BorderValues.Single, Size = 8 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            borders,
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })));
        table.Append(Row(t.Header, header: true));
        foreach (var row in t.Rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        // A row never breaks across pages; the header row repeats on each.
        var row = new TableRow(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));

        foreach (var cell in cells)
        {
            var run = new RunProperties(Fonts(header ? HeadingFont : BodyFont), new FontSize { Val = Half(SizeSmall4) });
            var props = new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "360", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = header ? JustificationValues.Center : JustificationValues.Left });
            row.Append(new TableCell(
                new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                new Paragraph(props, new Run(run, new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }

    /// <summary>The red rule under the number: as wide as the type area, 4 mm below the number.</summary>
    private static Paragraph RedRule() =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Color = Red, Size = 12, Space = 0 }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "113", LineRule = LineSpacingRuleValues.Exact }));

    /// <summary>Defaults so that any paragraph without its own settings is still 三号仿宋 on the 22-line grid.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = Half(Size3) }, new FontSizeComplexScript { Val = Half(Size3) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = Line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>Odd and even pages carry their page number on different sides.</summary>
    private static void AddSettings(MainDocumentPart main)
    {
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new EvenAndOddHeaders(), new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });
        settings.Settings.Save();
    }

    /// <summary>"— 1 —" in 四号 宋体: right with one character's space on odd pages, left on even ones.</summary>
    private static (FooterPart Odd, FooterPart Even) AddFooters(MainDocumentPart main)
    {
        FooterPart Make(JustificationValues align)
        {
            var part = main.AddNewPart<FooterPart>();
            var run = () => new RunProperties(Fonts(PageNumberFont), new FontSize { Val = Half(Size4) });
            var indent = align == JustificationValues.Right ? new Indentation { Right = "280" } : new Indentation { Left = "280" };
            part.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = align }, indent),
                new Run(run(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(run(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(run(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(run(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(run(), new Text("1")),
                new Run(run(), new FieldChar { FieldCharType = FieldCharValues.End }),
                new Run(run(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
            part.Footer.Save();
            return part;
        }

        return (Make(JustificationValues.Right), Make(JustificationValues.Left));
    }

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static string Half(int halfPoints) => halfPoints.ToString(CultureInfo.InvariantCulture);

    /// <summary>The width of a line in twips: a Chinese character is a full em, anything else half of one.</summary>
    private static int Width(string text, int halfPoints)
    {
        var em = halfPoints * 10;
        var halves = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            halves += rune.Value > 0x2E80 ? 2 : 1;
        }

        return halves * em / 2;
    }
}

/// <summary>A table of an official document: a caption, a header row and the rows, all as text.</summary>
public sealed record DocumentTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
