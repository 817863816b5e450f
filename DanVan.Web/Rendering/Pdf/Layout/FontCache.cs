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

    /// <summary>0 regular, 1 bold, 2 italic, 3 bold italic.</summary>
    public int Face => (Bold ? 1 : 0) + (Italic ? 2 : 0);
}

/// <summary>
/// Fonts and text widths for one document. Fonts are embedded as subsets with a Unicode ToUnicode map so the text
/// extracts exactly; widths come from the faces' own metrics (<see cref="TrueTypeMetrics"/>), equal to what
/// <see cref="XGraphics.MeasureString(string, XFont)"/> gives. Not thread-safe: one instance per rendering.
/// </summary>
public sealed class FontCache
{
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private readonly Dictionary<TextStyle, XFont> _fonts = [];

    public FontCache() => LiberationFontResolver.Register();

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

    public double Width(string text, TextStyle style) => Width(text.AsSpan(), style);

    public double Width(ReadOnlySpan<char> text, TextStyle style) =>
        text.IsEmpty ? 0 : TrueTypeMetrics.Of(style.Face).Width(text, style.Size);

    /// <summary>Text as drawn: NFC, so stacked Vietnamese marks render from precomposed glyphs.</summary>
    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
