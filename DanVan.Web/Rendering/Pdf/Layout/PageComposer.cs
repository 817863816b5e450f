using System.Globalization;
using DanVan.Domain.Reports.Document;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>
/// The page flow: A4 pages with the NĐ 30/2020 margins, a cursor, page breaks, and page numbers from page 2
/// (centred in the top margin, 13 pt; page 1 has none).
/// </summary>
public sealed class PageComposer : IDisposable
{
    public const double PageNumberSize = 13;

    private XGraphics? _gfx;

    /// <param name="draftMark">Printed at the top right of every page ("DỰ THẢO"), framed; null for the final look.</param>
    public PageComposer(PdfDocument document, FontCache fonts, PageText text, string? draftMark = null)
    {
        Document = document;
        Fonts = fonts;
        Text = text;
        _draftMark = draftMark;
        NewPage();
    }

    private readonly string? _draftMark;

    public PdfDocument Document { get; }
    public FontCache Fonts { get; }
    public PageText Text { get; }
    public int PageNumber { get; private set; }
    public double Y { get; set; }
    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page.");

    public static double Left => PageGeometry.MarginLeft;
    public static double Width => PageGeometry.ContentWidth;
    public double Remaining => PageGeometry.ContentBottom - Y;
    public bool AtPageTop => Y <= PageGeometry.ContentTop + 0.01;

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = Document.AddPage();
        page.Width = XUnit.FromPoint(PageGeometry.A4Width);
        page.Height = XUnit.FromPoint(PageGeometry.A4Height);
        _gfx = XGraphics.FromPdfPage(page);
        Text.NewPage();
        PageNumber++;
        Y = PageGeometry.ContentTop;
        if (PageNumber >= 2) DrawPageNumber();
        if (_draftMark is not null) DrawDraftMark(_draftMark);
    }

    private void DrawDraftMark(string mark)
    {
        var style = new TextStyle(14, Bold: true);
        var width = Fonts.Width(mark, style);
        var x = PageGeometry.A4Width - PageGeometry.MarginRight - width - 6;
        var baseline = PageGeometry.MarginTop / 2 + style.Size * 0.35;
        Gfx.DrawRectangle(new XPen(XColors.DarkRed, 1.5), x - 5, baseline - style.Size, width + 10, style.Size * 1.4);
        Text.Show(style, x, baseline, mark);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits (or the page is still empty).</summary>
    public void EnsureSpace(double height)
    {
        if (height > Remaining + 0.01 && !AtPageTop) NewPage();
    }

    private void DrawPageNumber()
    {
        var style = new TextStyle(PageNumberSize);
        var text = PageNumber.ToString(CultureInfo.InvariantCulture);
        var x = PageGeometry.A4Width / 2 - Fonts.Width(text, style) / 2;
        var baseline = PageGeometry.MarginTop / 2 + PageNumberSize * 0.35;
        Text.Show(style, x, baseline, text);
    }

    public LaidParagraph Lay(IEnumerable<(string Text, TextStyle Style)> pieces, double fontSize, double width,
        double firstIndent, double otherIndent, ParagraphAlignment alignment)
    {
        var paragraph = new LaidParagraph(fontSize, alignment);
        TextLayout.Words(pieces, Fonts, paragraph);
        TextLayout.Break(paragraph, width, firstIndent, otherIndent, Fonts);
        return paragraph;
    }

    /// <summary>
    /// Draws a paragraph in the page flow, breaking across pages between lines: never a lone first line at the
    /// foot of a page, never a lone last line at the head of the next.
    /// </summary>
    public void Flow(LaidParagraph paragraph, double spaceAfter, double left = double.NaN)
    {
        var x = double.IsNaN(left) ? Left : left;
        var lh = paragraph.LineHeight;
        var index = 0;
        var total = paragraph.Lines.Count;
        while (index < total)
        {
            var left_ = total - index;
            var fit = (int)Math.Floor((Remaining + 0.01) / lh);
            if (fit >= left_)
            {
                DrawLines(paragraph, index, left_, x);
                index = total;
                break;
            }
            if (AtPageTop) fit = Math.Max(fit, 1);
            else if (fit < 2 && left_ >= 2) fit = 0;
            if (fit > 0 && left_ - fit == 1 && fit >= 3) fit--; // leave two lines for the next page
            if (fit > 0)
            {
                DrawLines(paragraph, index, fit, x);
                index += fit;
            }
            NewPage();
        }
        Y += spaceAfter;
    }

    /// <summary>Draws a laid paragraph at the cursor without page breaks (the caller made room).</summary>
    public void DrawLines(LaidParagraph paragraph, int from, int count, double left)
    {
        var lh = paragraph.LineHeight;
        for (var i = from; i < from + count; i++)
        {
            TextLayout.Draw(Text, paragraph, paragraph.Lines[i], left, Y + paragraph.FontSize * PageGeometry.BaselineOffset);
            Y += lh;
        }
    }

    public void HorizontalLine(double x1, double x2, double y, double thickness = 0.6) =>
        Gfx.DrawLine(new XPen(XColors.Black, thickness), x1, y, x2, y);

    public void Dispose()
    {
        _gfx?.Dispose();
        _gfx = null;
    }
}
