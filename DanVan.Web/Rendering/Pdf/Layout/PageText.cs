using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>
/// The text of every page, written as PDF text operators by us rather than by one <c>XGraphics.DrawString</c> per
/// word: PDFsharp formats each glyph and coordinate through string formatting, which was most of a report's time and
/// memory. Every piece keeps the position it had (one "Tm … Tj" per word, as PDFsharp's "Td … Tj"), so text,
/// layout and extraction stay the same. The fonts stay PDFsharp's: at the end each face draws its distinct
/// characters once on a scratch page — registering the glyphs for the embedded subset and the ToUnicode map, and
/// telling us their glyph ids — the scratch pages are removed and the pages' /Font resources point at those fonts.
/// </summary>
public sealed class PageText
{
    private readonly record struct Piece(TextStyle Style, double X, double Baseline, string Text);

    private readonly List<List<Piece>> _pages = [];
    private readonly HashSet<int>[] _runes = [[], [], [], []];

    public void NewPage() => _pages.Add([]);

    /// <summary>Draws <paramref name="text"/> (already NFC) with its baseline's left end at (x, baseline), y downwards.</summary>
    public void Show(TextStyle style, double x, double baseline, string text)
    {
        if (text.Length == 0) return;
        _pages[^1].Add(new Piece(style, x, baseline, text));
        var runes = _runes[Face(style)];
        foreach (var rune in text.EnumerateRunes()) runes.Add(rune.Value);
    }

    /// <summary>Appends each page's text as a content stream; call once, after all drawing and before saving.</summary>
    public void WriteTo(PdfDocument pdf, FontCache fonts)
    {
        var faces = new (PdfItem Font, Dictionary<int, ushort> Glyphs)?[4];
        for (var face = 0; face < 4; face++)
            if (_runes[face].Count > 0) faces[face] = Register(pdf, fonts, face, _runes[face]);

        var buffer = new MemoryStream();
        for (var p = 0; p < _pages.Count; p++)
        {
            var page = pdf.Pages[p];
            var pieces = _pages[p];
            if (pieces.Count == 0) continue;
            buffer.SetLength(0);
            Write(buffer, pieces, faces);
            page.Contents.AppendContent().CreateStream(buffer.ToArray());

            var resources = page.Resources.Elements.GetDictionary("/Font");
            if (resources is null)
            {
                resources = new PdfDictionary(pdf);
                page.Resources.Elements["/Font"] = resources;
            }
            for (var face = 0; face < 4; face++)
                if (faces[face] is { } f) resources.Elements[FontName(face)] = f.Font;
        }
    }

    private static int Face(TextStyle style) => (style.Bold ? 1 : 0) + (style.Italic ? 2 : 0);

    private static string FontName(int face) => "/DV" + face.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lets PDFsharp draw the face's characters on a scratch page and reads back its font and glyph ids.</summary>
    private static (PdfItem, Dictionary<int, ushort>) Register(PdfDocument pdf, FontCache fonts, int face, HashSet<int> runes)
    {
        var style = new TextStyle(10, Bold: (face & 1) != 0, Italic: (face & 2) != 0);
        var ordered = runes.Order().ToList();
        var scratch = pdf.AddPage();
        using (var gfx = XGraphics.FromPdfPage(scratch))
        {
            // One call per character: the hex string then holds exactly one glyph id per call.
            foreach (var rune in ordered)
                gfx.DrawString(char.ConvertFromUtf32(rune), fonts.Font(style), XBrushes.Black, 0, 10, XStringFormats.BaseLineLeft);
        }
        var content = Encoding.Latin1.GetString(scratch.Contents.Elements.GetDictionary(0)!.Stream.Value);
        var fontResources = scratch.Resources.Elements.GetDictionary("/Font")!;
        var font = fontResources.Elements[fontResources.Elements.Keys.Single()]!;
        pdf.Pages.Remove(scratch);

        var glyphs = new Dictionary<int, ushort>(ordered.Count);
        var at = 0;
        foreach (var rune in ordered)
        {
            var start = content.IndexOf('<', at);
            var end = content.IndexOf('>', start);
            if (start < 0 || end - start != 5) throw new InvalidOperationException("Unexpected text encoding in PDFsharp's content stream.");
            glyphs[rune] = ushort.Parse(content.AsSpan(start + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at = end + 1;
        }
        return (font, glyphs);
    }

    private static void Write(MemoryStream output, List<Piece> pieces, (PdfItem Font, Dictionary<int, ushort> Glyphs)?[] faces)
    {
        Span<byte> number = stackalloc byte[32];
        Ascii(output, "BT\n");
        var currentFace = -1;
        var currentSize = double.NaN;
        foreach (var piece in pieces)
        {
            var face = Face(piece.Style);
            if (face != currentFace || piece.Style.Size != currentSize)
            {
                Ascii(output, FontName(face));
                Number(output, piece.Style.Size, number);
                Ascii(output, " Tf\n");
                currentFace = face;
                currentSize = piece.Style.Size;
            }
            Ascii(output, "1 0 0 1");
            Number(output, piece.X, number);
            Number(output, PageGeometry.A4Height - piece.Baseline, number);
            Ascii(output, " Tm <");
            var glyphs = faces[face]!.Value.Glyphs;
            foreach (var rune in piece.Text.EnumerateRunes())
            {
                var id = glyphs[rune.Value];
                Hex(output, id >> 8);
                Hex(output, id & 0xFF);
            }
            Ascii(output, "> Tj\n");
        }
        Ascii(output, "ET\n");
    }

    private static void Ascii(MemoryStream output, string text)
    {
        foreach (var c in text) output.WriteByte((byte)c);
    }

    private static void Number(MemoryStream output, double value, Span<byte> buffer)
    {
        output.WriteByte((byte)' ');
        value.TryFormat(buffer, out var written, "0.####", CultureInfo.InvariantCulture);
        output.Write(buffer[..written]);
    }

    private static void Hex(MemoryStream output, int value)
    {
        const string digits = "0123456789ABCDEF";
        output.WriteByte((byte)digits[value >> 4]);
        output.WriteByte((byte)digits[value & 0xF]);
    }
}
