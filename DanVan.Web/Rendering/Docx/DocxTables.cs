using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf.Layout;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Web.Rendering.Docx.DocxParagraphs;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using DocCell = DanVan.Domain.Reports.Document.TableCell;
using RunStyle = DanVan.Domain.Reports.Document.RunStyle;
using PdfTable = DanVan.Web.Rendering.Pdf.Layout.TableLayout;

namespace DanVan.Web.Rendering.Docx;

/// <summary>The DOCX's tables: the two-column header, Nơi nhận beside the signature, and data tables, sized as in the PDF.</summary>
internal static class DocxTables
{
    /// <summary>Points of room for the signature and seal between the titles and the name (as the PDF).</summary>
    public static double SignatureSpace => PageGeometry.SignatureRoom;

    private static readonly TextStyle RecipientLine = new(11);

    private static TableProperties BorderlessTable(int width) => new(
        new TableWidth { Width = Str(width), Type = TableWidthUnitValues.Dxa },
        new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
        new DocumentFormat.OpenXml.Wordprocessing.TableLayout { Type = TableLayoutValues.Fixed },
        new TableCellMarginDefault(
            new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
            new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
            new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
            new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }));

    private static WTableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new WTableCell(new TableCellProperties(new TableCellWidth { Width = Str(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(content.Length == 0 ? [new WParagraph()] : content);
        return cell;
    }

    private static WTable TwoColumns(int left, int right) => new(BorderlessTable(left + right), new TableGrid(
        new GridColumn { Width = Str(left) }, new GridColumn { Width = Str(right) }));

    /// <summary>The header block in the PDF's columns, lines and gaps (<see cref="HeaderGeometry"/>).</summary>
    public static WTable Header(HeaderBlock h, FontCache fonts)
    {
        var leftPoints = HeaderGeometry.LeftWidth(h, fonts);
        var rightPoints = PageGeometry.ContentWidth - leftPoints;
        var left = Twips(leftPoints);
        var right = Twips(PageGeometry.ContentWidth) - left;
        var agencyWidth = Math.Min(fonts.Width(FontCache.Normalize(h.Agency), HeaderGeometry.Agency), leftPoints);
        var mottoWidth = fonts.Width(HeaderBlock.Motto, HeaderGeometry.Motto);

        var table = TwoColumns(left, right);
        table.Append(new TableRow(
            Cell(left,
                Centered(h.ParentAgency, RunStyle.Normal, HeaderGeometry.Parent.Size),
                Centered(h.Agency, RunStyle.Bold, HeaderGeometry.Agency.Size),
                ShortRule(leftPoints, HeaderGeometry.AgencyRule(agencyWidth), HeaderGeometry.RuleGap, 0)),
            Cell(right,
                Centered(HeaderBlock.NationalTitle, RunStyle.Bold, HeaderGeometry.National.Size),
                Centered(HeaderBlock.Motto, RunStyle.Bold, HeaderGeometry.Motto.Size),
                ShortRule(rightPoints, mottoWidth, HeaderGeometry.RuleGap, 0))));
        table.Append(new TableRow(
            Cell(left, Centered(h.NumberLine, RunStyle.Normal, HeaderGeometry.Number.Size, before: HeaderGeometry.NumberRowGap)),
            Cell(right, Centered(h.PlaceAndDate, RunStyle.Italic, HeaderGeometry.Date.Size, before: HeaderGeometry.NumberRowGap))));
        return table;
    }

    /// <summary>Nơi nhận bottom left (45%), the signature block bottom right (55%), one row that never splits.</summary>
    public static WTable Signature(SignatureBlock? s, RecipientsBlock? r, FontCache fonts)
    {
        var width = Twips(PageGeometry.ContentWidth);
        var left = width * 45 / 100;
        var right = width - left;
        var leftContent = new List<OpenXmlElement>();
        if (r is not null)
        {
            leftContent.Add(new WParagraph(new ParagraphProperties(Spacing(12)), MakeRun(RecipientsBlock.Label, RunStyle.BoldItalic, 12)));
            var hanging = Str(Twips(fonts.Width("- ", RecipientLine)));
            foreach (var line in r.Lines)
                leftContent.Add(new WParagraph(new ParagraphProperties(Spacing(RecipientLine.Size), new Indentation { Left = hanging, Hanging = hanging }),
                    MakeRun(line, RunStyle.Normal, RecipientLine.Size)));
        }
        var rightContent = new List<OpenXmlElement>();
        if (s is not null)
        {
            foreach (var title in s.TitleLines) rightContent.Add(Centered(title, RunStyle.Bold, BodySize));
            rightContent.Add(Spacer(SignatureSpace));
            rightContent.Add(Centered(s.Name, RunStyle.Bold, BodySize));
        }
        var table = TwoColumns(left, right);
        table.Append(new TableRow(new TableRowProperties(new CantSplit()),
            Cell(left, [.. leftContent]), Cell(right, [.. rightContent])));
        return table;
    }

    /// <summary>A bordered table in the PDF's type size and cell padding; the header row repeats on each page.</summary>
    public static WTable Data(TableBlock t)
    {
        var contentWidth = Twips(PageGeometry.ContentWidth);
        var total = t.ColumnWidths.Sum();
        var widths = t.ColumnWidths.Select(w => (int)(contentWidth * w / total)).ToArray();
        var border = (uint)Math.Round(PdfTable.BorderWidth * 8);
        var padding = Twips(PdfTable.Padding);
        var table = new WTable(
            new TableProperties(
                new TableWidth { Width = Str(contentWidth), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = border }, new LeftBorder { Val = BorderValues.Single, Size = border },
                    new BottomBorder { Val = BorderValues.Single, Size = border }, new RightBorder { Val = BorderValues.Single, Size = border },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = border }, new InsideVerticalBorder { Val = BorderValues.Single, Size = border }),
                new DocumentFormat.OpenXml.Wordprocessing.TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = Str(padding), Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = (short)padding, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = Str(padding), Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = (short)padding, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = Str(w) })));
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
            var p = new WParagraph(new ParagraphProperties(Spacing(PdfTable.FontSize),
                new Justification { Val = Justify(header ? ParagraphAlignment.Center : cell.Alignment) }));
            foreach (var run in cell.Runs) p.Append(MakeRun(run.Text, header ? run.Style | RunStyle.Bold : run.Style, PdfTable.FontSize));
            row.Append(Cell(widths[c], p));
        }
        return row;
    }
}
