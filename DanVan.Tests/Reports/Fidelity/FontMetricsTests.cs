using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf;
using DanVan.Web.Rendering.Pdf.Layout;
using PdfSharp.Drawing;

namespace DanVan.Tests.Reports.Fidelity;

/// <summary>Our widths from the faces' own tables are PDFsharp's MeasureString widths, so the layout did not move.</summary>
public class FontMetricsTests
{
    [Fact]
    public void Every_word_of_the_model_report_measures_as_PDFsharp_measures_it_in_every_face()
    {
        LiberationFontResolver.Register();
        var fonts = new FontCache();
        using var measure = XGraphics.CreateMeasureContext(new XSize(600, 800), XGraphicsUnit.Point, XPageDirection.Downwards);
        var words = SeedReport.Document.PlainText().Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Append("ẤẦẨẪẬẮẰẲẴẶƠƯơưđĐ₫…“”–").Select(FontCache.Normalize).Distinct().ToList();
        foreach (var style in new[] { new TextStyle(14), new TextStyle(13, true), new TextStyle(14, false, true), new TextStyle(10.5, true, true) })
            foreach (var word in words)
                Assert.Equal(measure.MeasureString(word, fonts.Font(style)).Width, fonts.Width(word, style), 9);
    }
}
