using DanVan.Domain.Reports.Document;
using PdfSharp.Drawing;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>
/// Tables in the page flow: columns sized from relative weights, cells wrapped, a row never split; after a page
/// break the header row is drawn again before the next row.
/// </summary>
public static class TableLayout
{
    public const double FontSize = 10.5;
    public const double Padding = 3;
    public const double BorderWidth = 0.5;

    public static void Draw(PageComposer page, TableBlock table)
    {
        var total = table.ColumnWidths.Sum();
        var widths = table.ColumnWidths.Select(w => PageComposer.Width * w / total).ToArray();
        var header = Lay(page, table.Header, widths, bold: true);
        var rows = table.Rows.Select(r => Lay(page, r, widths, bold: false)).ToList();

        page.EnsureSpace(header.Height + (rows.Count > 0 ? rows[0].Height : 0));
        DrawRow(page, header, widths);
        foreach (var row in rows)
        {
            if (row.Height > page.Remaining + 0.01)
            {
                page.NewPage();
                DrawRow(page, header, widths);
            }
            DrawRow(page, row, widths);
        }
        page.Y += PageGeometry.ParagraphSpacing;
    }

    private sealed record LaidRow(IReadOnlyList<LaidParagraph> Cells, double Height);

    private static LaidRow Lay(PageComposer page, IReadOnlyList<TableCell> cells, double[] widths, bool bold)
    {
        var laid = new List<LaidParagraph>();
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < cells.Count ? cells[c] : TableCell.Of("");
            var style = new TextStyle(FontSize, bold);
            laid.Add(page.Lay(cell.Runs.Select(r => (r.Text, style.With(r.Style))), FontSize, widths[c] - 2 * Padding, 0, 0,
                bold ? ParagraphAlignment.Center : cell.Alignment));
        }
        var height = laid.Max(l => Math.Max(1, l.Lines.Count) * l.LineHeight) + 2 * Padding;
        return new LaidRow(laid, height);
    }

    private static void DrawRow(PageComposer page, LaidRow row, double[] widths)
    {
        var top = page.Y;
        var x = PageComposer.Left;
        var pen = new XPen(XColors.Black, BorderWidth);
        for (var c = 0; c < widths.Length; c++)
        {
            page.Y = top + Padding;
            page.DrawLines(row.Cells[c], 0, row.Cells[c].Lines.Count, x + Padding);
            page.Gfx.DrawRectangle(pen, x, top, widths[c], row.Height);
            x += widths[c];
        }
        page.Y = top + row.Height;
    }
}
