using System.Buffers.Binary;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>
/// The horizontal metrics of one shipped Liberation Serif face, read once from its TrueType tables (head, hhea, hmtx,
/// cmap format 4): glyph ids and advance widths. Widths are computed as PDFsharp's <c>XGraphics.MeasureString</c>
/// computes them (the sum of the advances in font units × size / unitsPerEm, control characters skipped, no kerning),
/// so the layout is the same, without PDFsharp's per-call overhead. Immutable and thread-safe.
/// </summary>
public sealed class TrueTypeMetrics
{
    private static readonly TrueTypeMetrics?[] Faces = new TrueTypeMetrics?[4];

    private readonly ushort[] _glyphOfChar = new ushort[char.MaxValue + 1];
    private readonly ushort[] _advances;

    private TrueTypeMetrics(byte[] font)
    {
        var tables = Tables(font);
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["head"] + 18));
        var hMetrics = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["hhea"] + 34));
        _advances = new ushort[hMetrics];
        for (var i = 0; i < hMetrics; i++) _advances[i] = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["hmtx"] + 4 * i));
        ReadCmap(font, tables["cmap"]);
    }

    public int UnitsPerEm { get; }

    /// <summary>The metrics of a face: 0 regular, 1 bold, 2 italic, 3 bold italic.</summary>
    public static TrueTypeMetrics Of(int face)
    {
        var metrics = Volatile.Read(ref Faces[face]);
        if (metrics is not null) return metrics;
        var name = face switch { 1 => "LiberationSerif-Bold", 2 => "LiberationSerif-Italic", 3 => "LiberationSerif-BoldItalic", _ => "LiberationSerif-Regular" };
        metrics = new TrueTypeMetrics(LiberationFontResolver.Load(name));
        Interlocked.CompareExchange(ref Faces[face], metrics, null);
        return Faces[face]!;
    }

    public ushort Glyph(char c) => _glyphOfChar[c];

    /// <summary>The advance of a glyph in font units (the last metric for glyphs past numberOfHMetrics, as the spec says).</summary>
    public int Advance(int glyph) => _advances[Math.Min(glyph, _advances.Length - 1)];

    /// <summary>The advance as PDFsharp writes it into the font's /W array: thousandths of an em, truncated.</summary>
    public int PdfWidth(int glyph) => UnitsPerEm == 1000 ? Advance(glyph) : Advance(glyph) * 1000 / UnitsPerEm;

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Width(ReadOnlySpan<char> text, double size)
    {
        var units = 0;
        foreach (var c in text)
        {
            if (c < 32) continue;
            units += Advance(_glyphOfChar[c]);
        }
        return units * size / UnitsPerEm;
    }

    private static Dictionary<string, int> Tables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            var tag = System.Text.Encoding.ASCII.GetString(font, record, 4);
            tables[tag] = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
        }
        return tables;
    }

    /// <summary>The Windows Unicode BMP subtable (platform 3, encoding 1), format 4.</summary>
    private void ReadCmap(byte[] font, int cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + 8 * i;
            var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record));
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(record + 2));
            var table = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 4));
            if (platform != 3 || encoding != 1 || BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(table)) != 4) continue;
            var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(table + 6)) / 2;
            var ends = table + 14;
            var starts = ends + 2 * segments + 2;
            var deltas = starts + 2 * segments;
            var offsets = deltas + 2 * segments;
            for (var s = 0; s < segments; s++)
            {
                int end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(ends + 2 * s));
                int start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(starts + 2 * s));
                var delta = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(deltas + 2 * s));
                int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offsets + 2 * s));
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    int glyph;
                    if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                    else
                    {
                        var at = offsets + 2 * s + rangeOffset + 2 * (c - start);
                        glyph = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
                        if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                    }
                    _glyphOfChar[c] = (ushort)glyph;
                }
            }
            return;
        }
        throw new InvalidOperationException("The font has no Unicode BMP cmap (format 4).");
    }
}
