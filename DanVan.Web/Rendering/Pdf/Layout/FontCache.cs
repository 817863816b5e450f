using System.Text;
using DanVan.Domain.Reports.Document;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>A size and a face of Liberation Serif.</summary>
public readonly record struct TextStyle(double Size, bool Bold = false, bool Italic = false)
{
    public TextStyle With(RunStyle style) => this with
    {
        Bold = Bold || style.HasFlag(RunStyle.Bold),
        Italic = Italic || style.HasFlag(RunStyle.Italic),
    };
}

/// <summary>
/// Fonts and text widths for one document. Fonts are embedded as subsets with a Unicode ToUnicode map so the text
/// extracts exactly; every width is measured with <see cref="XGraphics.MeasureString(string, XFont)"/> and cached.
/// Not thread-safe: one instance per rendering.
/// </summary>
public sealed class FontCache : IDisposable
{
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private readonly Dictionary<TextStyle, XFont> _fonts = [];
    private readonly Dictionary<(TextStyle, string), double> _widths = [];
    private readonly XGraphics _measure;

    public FontCache()
    {
        LiberationFontResolver.Register();
        _measure = XGraphics.CreateMeasureContext(new XSize(PageGeometry.A4Width, PageGeometry.A4Height), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(TextStyle style)
    {
        if (_fonts.TryGetValue(style, out var font)) return font;
        var face = (style.Bold, style.Italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        };
        font = new XFont(LiberationFontResolver.FamilyName, style.Size, face, Options);
        _fonts[style] = font;
        return font;
    }

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0) return 0;
        if (_widths.TryGetValue((style, text), out var width)) return width;
        width = _measure.MeasureString(text, Font(style)).Width;
        _widths[(style, text)] = width;
        return width;
    }

    /// <summary>Text as drawn: NFC, so stacked Vietnamese marks render from precomposed glyphs.</summary>
    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    public void Dispose() => _measure.Dispose();
}
