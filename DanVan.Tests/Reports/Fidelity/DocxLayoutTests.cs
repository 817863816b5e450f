using DanVan.Tests.Support;
using UglyToad.PdfPig;

namespace DanVan.Tests.Reports.Fidelity;

public class DocxLayoutTests
{
    private const double TopMargin = 20 * 72 / 25.4;

    /// <summary>Each page's words in reading order, without the page number in the top margin.</summary>
    private static List<List<string>> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .Select(page => page.GetWords()
                .Where(w => page.Number == 1 || w.BoundingBox.Bottom < page.Height - TopMargin)
                .Select(w => w.Text).ToList())
            .ToList();
    }

    [ToolFact("soffice", "libreoffice-writer-nogui")]
    public void LibreOffice_lays_the_docx_out_like_the_pdf()
    {
        var portal = Pages(SeedReport.Pdf);
        var office = Pages(LibreOffice.ConvertToPdf(SeedReport.Docx));

        Assert.InRange(office.Count, portal.Count - 1, portal.Count + 1);
        // The letters in reading order; where a word changes style ("(" upright, "Kế" italic) LibreOffice's glyphs
        // sit a hair apart and PdfPig cuts the word there, so spaces are left out of the comparison.
        Assert.Equal(string.Concat(portal.SelectMany(p => p)), string.Concat(office.SelectMany(p => p)));
    }

    [ToolFact("soffice", "libreoffice-writer-nogui")]
    public void The_trich_yeu_line_is_a_line_of_its_own_under_the_text_in_both()
    {
        foreach (var pdf in new[] { SeedReport.Pdf, LibreOffice.ConvertToPdf(SeedReport.Docx) })
        {
            using var document = PdfDocument.Open(pdf);
            var page = document.GetPage(1);
            // The trích yếu's last line ends "… cuối năm 2021"; its lowest glyph is the dot below "ọ" or "ố".
            var cuoi = page.GetWords().First(w => w.Text == "cuối");
            var lastLine = page.Letters.Where(l => Math.Abs(l.StartBaseLine.Y - cuoi.Letters[0].StartBaseLine.Y) < 0.5).ToList();
            var lowest = lastLine.Min(l => l.BoundingBox.Bottom);
            var third = (page.Width - (30 + 15) * 72 / 25.4) / 3;
            var rule = page.Paths.Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
                .Where(r => Math.Abs(r.Width - third) < 2 && r.Height < 2 && r.Top < lowest).MaxBy(r => r.Top);
            Assert.InRange(lowest - rule.Top, 2, 12);
        }
    }
}
