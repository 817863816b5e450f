using System.Globalization;
using DanVan.Domain.Reports.Document;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WRun = DocumentFormat.OpenXml.Wordprocessing.Run;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using RunStyle = DanVan.Domain.Reports.Document.RunStyle;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using DocCell = DanVan.Domain.Reports.Document.TableCell;
using FontCache = DanVan.Web.Rendering.Pdf.Layout.FontCache;
using PageGeometry = DanVan.Web.Rendering.Pdf.Layout.PageGeometry;
using TextStyle = DanVan.Web.Rendering.Pdf.Layout.TextStyle;

namespace DanVan.Web.Rendering.Docx;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to DOCX (OpenXml 2.20): A4 11906 × 16838 twips, margins 20/20/30/15 mm,
/// Times New Roman 14 pt (Liberation Serif substitutes with the same metrics), real justified paragraphs with a
/// 1,27 cm first-line indent, the header as a borderless two-column table, page numbers from page 2 (a different
/// first-page header, a PAGE field), Nơi nhận and signature side by side, the appendix after a page break.
/// </summary>
public sealed class DocxReportRenderer
{
    public const string FontName = "Times New Roman";
    private const int ContentWidth = 11906 - 1701 - 851; // twips
    private const int BodyHalfPoints = 28;

    /// <param name="draftMark">The mark of a report not yet approved ("DỰ THẢO"), in the header of every page; null for the final look.</param>
    public byte[] Render(ReportDocument document, string? draftMark = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = Text(document.Title);
            word.PackageProperties.Creator = Text(document.Author);
            word.PackageProperties.Subject = Text("Báo cáo số " + document.Number);

            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = PageNumberHeader();
            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header();
            if (draftMark is not null)
            {
                numbered.Header.PrependChild(DraftMark(draftMark));
                first.Header.Append(DraftMark(draftMark));
            }
            else
            {
                first.Header.Append(new WParagraph());
            }

            using var fonts = new FontCache();
            var body = new Body();
            var blocks = document.Blocks;
            for (var i = 0; i < blocks.Count; i++)
            {
                switch (blocks[i])
                {
                    case HeaderBlock h:
                        body.Append(HeaderTable(h, fonts));
                        body.Append(Spacer(240));
                        break;
                    case TitleBlock t:
                        body.Append(Centered([new TextRun(t.DocumentType, RunStyle.Bold)], BodyHalfPoints));
                        body.Append(Centered([new TextRun(t.Summary, RunStyle.Bold)], BodyHalfPoints));
                        body.Append(ShortRule(ContentWidth, ContentWidth / 3));
                        body.Append(Spacer(120));
                        break;
                    case HeadingBlock h:
                        body.Append(BodyParagraph(h.Label, h.Style, h.Runs.Select(r => r with { Style = r.Style | h.Style }), keepNext: true));
                        break;
                    case ParagraphBlock p:
                        body.Append(BodyParagraph(p.Label, p.LabelStyle, p.Runs, keepNext: false, p.Alignment, p.FirstLineIndent));
                        break;
                    case SignatureBlock s:
                        var recipients = i + 1 < blocks.Count ? blocks[i + 1] as RecipientsBlock : null;
                        if (recipients is not null) i++;
                        body.Append(SignatureTable(s, recipients));
                        break;
                    case RecipientsBlock r:
                        body.Append(SignatureTable(null, r));
                        break;
                    case AppendixBlock a:
                        AppendAppendixTitle(body, a.Title, a.Subtitle);
                        foreach (var line in a.Lines) body.Append(BodyParagraph(line.Label, RunStyle.Normal, line.Runs, keepNext: false));
                        break;
                    case TableBlock t:
                        if (t.StartsOnNewPage) AppendAppendixTitle(body, t.Title ?? "", t.Subtitle);
                        else if (t.Title is not null) body.Append(Centered([new TextRun(t.Title, RunStyle.Bold)], BodyHalfPoints));
                        body.Append(DataTable(t));
                        body.Append(new WParagraph());
                        break;
                }
            }

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
                new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 567U, Footer = 567U, Gutter = 0U },
                new TitlePage()));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string Text(string text) => FontCache.Normalize(text);

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new FontSize { Val = BodyHalfPoints.ToString(CultureInfo.InvariantCulture) },
                    new FontSizeComplexScript { Val = BodyHalfPoints.ToString(CultureInfo.InvariantCulture) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    private static Header PageNumberHeader()
    {
        var props = () => new RunProperties(new FontSize { Val = "26" });
        return new Header(new WParagraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new WRun(props(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new WRun(props(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new WRun(props(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new WRun(props(), new Text("2")),
            new WRun(props(), new FieldChar { FieldCharType = FieldCharValues.End })));
    }

    private static WParagraph DraftMark(string mark)
    {
        var run = MakeRun(mark, RunStyle.Bold, 28);
        run.RunProperties!.Append(new Color { Val = "B02A37" });
        var border = () => new TopBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" };
        return new WParagraph(new ParagraphProperties(
            new ParagraphBorders(border(), new BottomBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" },
                new LeftBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" }, new RightBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" }),
            new Indentation { Left = (ContentWidth - 1900).ToString(CultureInfo.InvariantCulture) },
            new Justification { Val = JustificationValues.Center }), run);
    }

    private static WRun MakeRun(string text, RunStyle style, int halfPoints, bool underline = false)
    {
        var props = new RunProperties();
        if (style.HasFlag(RunStyle.Bold)) props.Append(new Bold());
        if (style.HasFlag(RunStyle.Italic)) props.Append(new Italic());
        if (halfPoints != BodyHalfPoints)
        {
            props.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            props.Append(new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        }
        if (underline) props.Append(new Underline { Val = UnderlineValues.Single });
        return new WRun(props, new Text(Text(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static WParagraph BodyParagraph(string? label, RunStyle labelStyle, IEnumerable<Domain.Reports.Document.Run> runs,
        bool keepNext, ParagraphAlignment alignment = ParagraphAlignment.Justify, bool indent = true)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        props.Append(new SpacingBetweenLines { Before = "0", After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto });
        if (indent) props.Append(new Indentation { FirstLine = "720" });
        props.Append(new Justification { Val = Justify(alignment) });
        var paragraph = new WParagraph(props);
        if (!string.IsNullOrEmpty(label)) paragraph.Append(MakeRun(label + " ", labelStyle, BodyHalfPoints));
        foreach (var run in runs) paragraph.Append(MakeRun(run.Text, run.Style, BodyHalfPoints));
        return paragraph;
    }

    private static JustificationValues Justify(ParagraphAlignment alignment) => alignment switch
    {
        ParagraphAlignment.Left => JustificationValues.Left,
        ParagraphAlignment.Center => JustificationValues.Center,
        ParagraphAlignment.Right => JustificationValues.Right,
        _ => JustificationValues.Both,
    };

    private static WParagraph Centered(IEnumerable<Domain.Reports.Document.Run> runs, int halfPoints, bool underline = false, bool pageBreakBefore = false)
    {
        var props = new ParagraphProperties();
        if (pageBreakBefore) props.Append(new PageBreakBefore());
        props.Append(new Justification { Val = JustificationValues.Center });
        var p = new WParagraph(props);
        foreach (var run in runs) p.Append(MakeRun(run.Text, run.Style, halfPoints, underline));
        return p;
    }

    private static WParagraph Spacer(int afterTwips) => new(new ParagraphProperties(
        new SpacingBetweenLines { Before = "0", After = afterTwips.ToString(CultureInfo.InvariantCulture), Line = "120", LineRule = LineSpacingRuleValues.Exact }));

    /// <summary>A short centred line: an empty paragraph whose bottom border spans <paramref name="lineWidth"/> twips.</summary>
    private static WParagraph ShortRule(int columnWidth, int lineWidth)
    {
        var side = Math.Max(0, (columnWidth - lineWidth) / 2).ToString(CultureInfo.InvariantCulture);
        return new WParagraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6U, Space = 0U, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "60", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side, Right = side }),
            new WRun(new RunProperties(new FontSize { Val = "4" }), new Text("")));
    }

    private static TableProperties BorderlessTable(int width) => new(
        new TableWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
        new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
        new TableLayout { Type = TableLayoutValues.Fixed },
        new TableCellMarginDefault(
            new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
            new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
            new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
            new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }));

    private static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content.Length == 0 ? [new WParagraph()] : content);
        return cell;
    }

    private static WTable HeaderTable(HeaderBlock h, FontCache fonts)
    {
        // Column widths follow the PDF: the left column sized to its text (at most 42%), measured with the same metrics.
        var leftPoints = new[]
        {
            fonts.Width(Text(h.ParentAgency), new TextStyle(13)),
            fonts.Width(Text(h.Agency), new TextStyle(13, true)),
            fonts.Width(Text(h.NumberLine), new TextStyle(13)),
        }.Max() + 16;
        var left = (int)Math.Min(leftPoints * 20, ContentWidth * 0.42);
        var right = ContentWidth - left;
        var agencyWidth = (int)(fonts.Width(Text(h.Agency), new TextStyle(13, true)) * 20);

        var table = new WTable(BorderlessTable(ContentWidth), new TableGrid(
            new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) },
            new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }));
        table.Append(new TableRow(
            Cell(left,
                Centered([new TextRun(h.ParentAgency)], 26),
                Centered([new TextRun(h.Agency, RunStyle.Bold)], 26),
                ShortRule(left, Math.Max(600, Math.Min(agencyWidth, left) * 2 / 5))),
            Cell(right,
                Centered([new TextRun(HeaderBlock.NationalTitle, RunStyle.Bold)], 24),
                Centered([new TextRun(HeaderBlock.Motto, RunStyle.Bold)], 26, underline: true))));
        table.Append(new TableRow(
            Cell(left, Spaced(Centered([new TextRun(h.NumberLine)], 26))),
            Cell(right, Spaced(Centered([new TextRun(h.PlaceAndDate, RunStyle.Italic)], 28)))));
        return table;
    }

    private static WParagraph Spaced(WParagraph p)
    {
        p.ParagraphProperties ??= new ParagraphProperties();
        p.ParagraphProperties.PrependChild(new SpacingBetweenLines { Before = "120", After = "0" });
        return p;
    }

    private static WTable SignatureTable(SignatureBlock? s, RecipientsBlock? r)
    {
        var left = ContentWidth * 45 / 100;
        var right = ContentWidth - left;
        var leftContent = new List<OpenXmlElement>();
        if (r is not null)
        {
            leftContent.Add(new WParagraph(MakeRun(RecipientsBlock.Label, RunStyle.BoldItalic, 24)));
            foreach (var line in r.Lines)
                leftContent.Add(new WParagraph(new ParagraphProperties(new Indentation { Left = "150", Hanging = "150" }), MakeRun(line, RunStyle.Normal, 22)));
        }
        var rightContent = new List<OpenXmlElement>();
        if (s is not null)
        {
            foreach (var title in s.TitleLines) rightContent.Add(Centered([new TextRun(title, RunStyle.Bold)], BodyHalfPoints));
            // The room for the signature and seal images (PageGeometry.SignatureRoomMm), as one paragraph of exact height.
            var room = ((int)Math.Round(PageGeometry.SignatureRoomMm * 1440 / 25.4)).ToString(CultureInfo.InvariantCulture);
            rightContent.Add(new WParagraph(new ParagraphProperties(new SpacingBetweenLines { Line = room, LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" })));
            rightContent.Add(Centered([new TextRun(s.Name, RunStyle.Bold)], BodyHalfPoints));
        }
        var table = new WTable(BorderlessTable(ContentWidth), new TableGrid(
            new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) },
            new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }));
        table.Append(new TableRow(new TableRowProperties(new CantSplit()),
            Cell(left, [.. leftContent]), Cell(right, [.. rightContent])));
        return table;
    }

    private static void AppendAppendixTitle(Body body, string title, string? subtitle)
    {
        body.Append(Centered([new TextRun(title, RunStyle.Bold)], BodyHalfPoints, pageBreakBefore: true));
        if (!string.IsNullOrWhiteSpace(subtitle)) body.Append(Centered([new TextRun(subtitle, RunStyle.Italic)], BodyHalfPoints));
        body.Append(Spacer(240));
    }

    private static WTable DataTable(TableBlock t)
    {
        var total = t.ColumnWidths.Sum();
        var widths = t.ColumnWidths.Select(w => (int)(ContentWidth * w / total)).ToArray();
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
            new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U });
        var table = new WTable(
            new TableProperties(
                new TableWidth { Width = ContentWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                border(),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(t.Header, widths, header: true));
        foreach (var row in t.Rows) table.Append(Row(row, widths, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<DocCell> cells, int[] widths, bool header)
    {
        var props = new TableRowProperties(new CantSplit());
        if (header) props.Append(new TableHeader());
        var row = new TableRow(props);
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < cells.Count ? cells[c] : DocCell.Of("");
            var p = new WParagraph(new ParagraphProperties(new Justification { Val = Justify(header ? ParagraphAlignment.Center : cell.Alignment) }));
            foreach (var run in cell.Runs) p.Append(MakeRun(run.Text, header ? run.Style | RunStyle.Bold : run.Style, 22));
            row.Append(Cell(widths[c], p));
        }
        return row;
    }
}
