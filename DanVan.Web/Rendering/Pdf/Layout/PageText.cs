using System.Buffers;
using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>
/// The text of every page, written as PDF text operators by us rather than by one <c>XGraphics.DrawString</c> per
/// word: one <c>Tm</c> per line and one <c>TJ</c> array per run of a face, each word placed where the layout put it
/// by a positioning number in thousandths of an em, computed from the widths a reader takes from the font's /W array
/// (<see cref="TrueTypeMetrics.PdfWidth"/>) — so every word starts exactly where it did when each had its own
/// <c>Tm</c>, and text, layout and extraction stay the same. The fonts stay PDFsharp's: at the end each face draws its
/// distinct characters once on a scratch page (registering the glyphs for the embedded subset and the ToUnicode map;
/// its glyph ids are checked against ours), the scratch pages are removed and the pages' /Font resources point at
/// those fonts.
/// </summary>
public sealed class PageText
{
    private readonly record struct Piece(TextStyle Style, double X, double Baseline, ReadOnlyMemory<char> Text, bool Space);

    // Every page's pieces in one array rented from the pool (returned by WriteTo); a page is a range of it.
    private Piece[] _pieces = ArrayPool<Piece>.Shared.Rent(4096);
    private int _count;
    private readonly List<int> _pageStarts = [];
    private readonly ulong[][] _chars = [new ulong[1024], new ulong[1024], new ulong[1024], new ulong[1024]];

    public void NewPage() => _pageStarts.Add(_count);

    public void Show(TextStyle style, double x, double baseline, string text) => Show(style, x, baseline, text.AsMemory(), false);

    /// <summary>
    /// Draws <paramref name="text"/> (already NFC), then a space if <paramref name="space"/>, with its baseline's
    /// left end at (x, baseline), y downwards.
    /// </summary>
    public void Show(TextStyle style, double x, double baseline, ReadOnlyMemory<char> text, bool space)
    {
        if (text.Length == 0) return;
        if (_count == _pieces.Length)
        {
            var larger = ArrayPool<Piece>.Shared.Rent(_pieces.Length * 2);
            _pieces.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<Piece>.Shared.Return(_pieces, clearArray: true);
            _pieces = larger;
        }
        _pieces[_count++] = new Piece(style, x, baseline, text, space);
        var chars = _chars[style.Face];
        foreach (var c in text.Span) chars[c >> 6] |= 1UL << (c & 63);
        if (space) chars[0] |= 1UL << ' ';
    }

    /// <summary>Appends each page's text as a compressed content stream; call once, after all drawing and before saving.</summary>
    public void WriteTo(PdfDocument pdf, FontCache fonts)
    {
        var faces = new PdfItem?[4];
        for (var face = 0; face < 4; face++) faces[face] = Register(pdf, fonts, face, Distinct(_chars[face]));

        using var output = new ContentWriter();
        for (var p = 0; p < _pageStarts.Count; p++)
        {
            var end = p + 1 < _pageStarts.Count ? _pageStarts[p + 1] : _count;
            var pieces = _pieces.AsSpan(_pageStarts[p], end - _pageStarts[p]);
            if (pieces.IsEmpty) continue;
            output.Clear();
            Write(output, pieces);
            var stream = pdf.Pages[p].Contents.AppendContent();
            stream.CreateStream(ContentStreams.Deflate(output.Written));
            stream.Elements.SetName("/Filter", "/FlateDecode");

            var page = pdf.Pages[p];
            var resources = page.Resources.Elements.GetDictionary("/Font");
            if (resources is null)
            {
                resources = new PdfDictionary(pdf);
                page.Resources.Elements["/Font"] = resources;
            }
            for (var face = 0; face < 4; face++)
                if (faces[face] is { } font) resources.Elements[FontName(face)] = font;
        }
        ArrayPool<Piece>.Shared.Return(_pieces, clearArray: true);
        _pieces = [];
        _count = 0;
    }

    private static string FontName(int face) => "/DV" + face.ToString(CultureInfo.InvariantCulture);

    private static string Distinct(ulong[] bits)
    {
        var chars = new StringBuilder();
        for (var c = 32; c < bits.Length * 64; c++)
            if ((bits[c >> 6] & (1UL << (c & 63))) != 0 && !char.IsSurrogate((char)c)) chars.Append((char)c);
        return chars.ToString();
    }

    /// <summary>
    /// Lets PDFsharp draw the face's characters on a scratch page, so that its subset and ToUnicode map hold them,
    /// checks that its glyph ids are ours and returns its font.
    /// </summary>
    private static PdfItem? Register(PdfDocument pdf, FontCache fonts, int face, string chars)
    {
        if (chars.Length == 0) return null;
        var style = new TextStyle(10, Bold: (face & 1) != 0, Italic: (face & 2) != 0);
        var scratch = pdf.AddPage();
        using (var gfx = XGraphics.FromPdfPage(scratch))
            gfx.DrawString(chars, fonts.Font(style), XBrushes.Black, 0, 10, XStringFormats.BaseLineLeft);
        var content = Encoding.Latin1.GetString(scratch.Contents.Elements.GetDictionary(0)!.Stream.Value);
        var fontResources = scratch.Resources.Elements.GetDictionary("/Font")!;
        var font = fontResources.Elements[fontResources.Elements.Keys.Single()]!;
        pdf.Pages.Remove(scratch);

        var start = content.IndexOf('<');
        var end = start < 0 ? -1 : content.IndexOf('>', start + 1);
        var hex = end < 0 ? "" : string.Concat(content.AsSpan(start + 1, end - start - 1).ToString().Where(char.IsAsciiHexDigit));
        if (hex.Length != 4 * chars.Length) throw new InvalidOperationException("Unexpected text encoding in PDFsharp's content stream.");
        var metrics = TrueTypeMetrics.Of(face);
        for (var i = 0; i < chars.Length; i++)
        {
            var glyph = ushort.Parse(hex.AsSpan(4 * i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (glyph != metrics.Glyph(chars[i])) throw new InvalidOperationException($"PDFsharp maps U+{(int)chars[i]:X4} to glyph {glyph}, the font's cmap to {metrics.Glyph(chars[i])}.");
        }
        return font;
    }

    private static void Write(ContentWriter output, ReadOnlySpan<Piece> pieces)
    {
        output.Ascii("BT\n");
        var face = -1;
        var size = double.NaN;
        var baseline = double.NaN;
        var pen = 0.0;
        var inArray = false;
        foreach (var piece in pieces)
        {
            var newFont = piece.Style.Face != face || piece.Style.Size != size;
            var newLine = piece.Baseline != baseline;
            if (inArray && (newFont || newLine))
            {
                output.Ascii("]TJ\n");
                inArray = false;
            }
            if (newFont)
            {
                face = piece.Style.Face;
                size = piece.Style.Size;
                output.Ascii(FontName(face));
                output.Number(size, 4);
                output.Ascii(" Tf\n");
            }
            if (newLine)
            {
                baseline = piece.Baseline;
                pen = piece.X;
                output.Ascii("1 0 0 1");
                output.Number(piece.X, 4);
                output.Number(PageGeometry.A4Height - piece.Baseline, 4);
                output.Ascii(" Tm\n");
            }
            if (!inArray)
            {
                output.Ascii("[");
                inArray = true;
            }
            // A TJ number moves the pen left by number/1000 em: the gap to where the layout puts this piece.
            var adjust = Math.Round((pen - piece.X) * 1000 / size, 3);
            if (adjust != 0)
            {
                output.Number(adjust, 3);
                pen -= adjust * size / 1000;
            }
            pen += Glyphs(output, piece, TrueTypeMetrics.Of(face)) * size / 1000;
        }
        if (inArray) output.Ascii("]TJ\n");
        output.Ascii("ET\n");
    }

    /// <summary>Writes the piece's glyph ids as a hex string and returns their width in thousandths of an em.</summary>
    private static int Glyphs(ContentWriter output, Piece piece, TrueTypeMetrics metrics)
    {
        output.Byte((byte)'<');
        var width = 0;
        foreach (var c in piece.Text.Span) width += output.Glyph(metrics, c);
        if (piece.Space) width += output.Glyph(metrics, ' ');
        output.Byte((byte)'>');
        return width;
    }
}
