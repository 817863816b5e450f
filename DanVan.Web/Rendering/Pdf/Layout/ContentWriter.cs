using System.Buffers;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>
/// A growing byte buffer for content-stream operators (ASCII, fixed-point numbers, glyph ids as hex), rented from the
/// shared pool and returned on dispose.
/// </summary>
internal sealed class ContentWriter : IDisposable
{
    private const string Digits = "0123456789ABCDEF";
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Byte(byte value)
    {
        if (_length == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        _buffer[_length++] = value;
    }

    public void Ascii(string text)
    {
        foreach (var c in text) Byte((byte)c);
    }

    /// <summary>" 123.45": a space, then the value with at most <paramref name="decimals"/> decimals, trailing zeros dropped.</summary>
    public void Number(double value, int decimals)
    {
        Byte((byte)' ');
        var scale = decimals == 3 ? 1000L : 10000L;
        var scaled = (long)Math.Round(value * scale, MidpointRounding.AwayFromZero);
        if (scaled < 0)
        {
            Byte((byte)'-');
            scaled = -scaled;
        }
        Integer(scaled / scale);
        var fraction = scaled % scale;
        if (fraction == 0) return;
        Byte((byte)'.');
        for (var unit = scale / 10; unit > 0 && fraction > 0; unit /= 10)
        {
            Byte((byte)('0' + fraction / unit));
            fraction %= unit;
        }
    }

    /// <summary>Writes the glyph id of <paramref name="c"/> as four hex digits and returns its /W width.</summary>
    public int Glyph(TrueTypeMetrics metrics, char c)
    {
        var glyph = metrics.Glyph(c);
        Byte((byte)Digits[glyph >> 12]);
        Byte((byte)Digits[(glyph >> 8) & 0xF]);
        Byte((byte)Digits[(glyph >> 4) & 0xF]);
        Byte((byte)Digits[glyph & 0xF]);
        return metrics.PdfWidth(glyph);
    }

    private void Integer(long value)
    {
        if (value >= 10) Integer(value / 10);
        Byte((byte)('0' + value % 10));
    }
}
