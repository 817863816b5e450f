using System.Security.Cryptography;

namespace DanVan.Domain.Signing;

/// <summary>
/// The structure rules for an uploaded signed PDF (decision 0023), with no cryptography beyond SHA-256: the file is a
/// PDF; it begins with exactly the bytes handed out for the step; what follows is one incremental update (one
/// startxref, one %%EOF) that holds the newest signature dictionary; that signature's /ByteRange covers the whole file
/// except its /Contents hex string. The CMS inside is checked by the web layer's verifier.
/// </summary>
public static class SignedPdfParser
{
    private static ReadOnlySpan<byte> Header => "%PDF-"u8;
    private static ReadOnlySpan<byte> Eof => "%%EOF"u8;
    private static ReadOnlySpan<byte> StartXref => "startxref"u8;
    private static ReadOnlySpan<byte> ByteRangeKey => "/ByteRange"u8;
    private static ReadOnlySpan<byte> ContentsKey => "/Contents"u8;
    private static ReadOnlySpan<byte> EndObj => "endobj"u8;

    public static SignedPdfParse Parse(ReadOnlySpan<byte> handedOut, ReadOnlySpan<byte> uploaded)
    {
        if (!LooksLikePdf(uploaded)) return Refuse(SignatureVerification.NotPdf());
        if (uploaded.Length <= handedOut.Length)
            return Refuse(uploaded.SequenceEqual(handedOut) ? SignatureVerification.NoSignature() : SignatureVerification.WrongPrefix());
        if (!HasPrefix(uploaded, handedOut)) return Refuse(SignatureVerification.WrongPrefix());

        var prefix = handedOut.Length;
        var tail = uploaded[prefix..];
        if (!IsOneIncrementalUpdate(uploaded, prefix)) return Refuse(SignatureVerification.NotIncremental());

        var key = tail.LastIndexOf(ByteRangeKey);
        if (key < 0) return Refuse(SignatureVerification.NoSignature());
        key += prefix;
        if (!TryReadByteRange(uploaded[(key + ByteRangeKey.Length)..], out var range)) return Refuse(SignatureVerification.BadByteRange());

        var (start, length1, end, length2) = range;
        if (start != 0 || length1 < prefix || end <= length1 + 1 || end + length2 != uploaded.Length)
            return Refuse(SignatureVerification.BadByteRange());
        int contentsStart = (int)length1, contentsEnd = (int)end;
        if (uploaded[contentsStart] != (byte)'<' || uploaded[contentsEnd - 1] != (byte)'>'
            || !PrecededByContentsKey(uploaded, contentsStart)
            || uploaded[Math.Min(key, contentsStart)..Math.Max(key, contentsEnd)].IndexOf(EndObj) >= 0)
            return Refuse(SignatureVerification.BadByteRange());

        var der = DecodeSignature(uploaded[(contentsStart + 1)..(contentsEnd - 1)]);
        return der is null
            ? Refuse(SignatureVerification.UnreadableSignature())
            : SignedPdfParse.Found(new SignedPdfLayout(contentsStart, contentsEnd, der, SigningTimeEntry(uploaded, prefix, contentsStart, contentsEnd)));
    }

    /// <summary>A PDF header first and an end-of-file marker somewhere (bytes after the last one are caught by the
    /// byte range: they are not signed).</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> file) =>
        file.StartsWith(Header) && file.LastIndexOf(Eof) > 0;

    /// <summary>The upload's first bytes are the handed-out file: the same SHA-256 over that prefix.</summary>
    public static bool HasPrefix(ReadOnlySpan<byte> uploaded, ReadOnlySpan<byte> handedOut) =>
        uploaded.Length >= handedOut.Length
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(uploaded[..handedOut.Length]), SHA256.HashData(handedOut));

    /// <summary>After the prefix: exactly one startxref and one %%EOF, and that startxref points into
    /// the update at a cross-reference table or stream.</summary>
    public static bool IsOneIncrementalUpdate(ReadOnlySpan<byte> uploaded, int prefix)
    {
        var tail = uploaded[prefix..];
        if (Count(tail, Eof) != 1 || Count(tail, StartXref) != 1) return false;
        var at = tail.IndexOf(StartXref) + StartXref.Length;
        var digits = SkipWhiteSpace(tail[at..]);
        if (!TryReadNumber(ref digits, out var offset) || offset < prefix || offset >= uploaded.Length) return false;
        var target = uploaded[(int)offset..];
        return target.StartsWith("xref"u8) || IsObjectHeader(target);
    }

    /// <summary>The /M entry of the signature's object (between its "obj" and "endobj"), if it is a PDF date.</summary>
    private static DateTimeOffset? SigningTimeEntry(ReadOnlySpan<byte> file, int prefix, int contentsStart, int contentsEnd)
    {
        var before = file[prefix..contentsStart];
        var objectStart = before.LastIndexOf("obj"u8);
        var after = file[contentsEnd..];
        var objectEnd = after.IndexOf(EndObj);
        if (objectStart < 0 || objectEnd < 0) return null;
        var dictionary = System.Text.Encoding.Latin1.GetString(before[objectStart..]) + System.Text.Encoding.Latin1.GetString(after[..objectEnd]);
        var match = System.Text.RegularExpressions.Regex.Match(dictionary, @"/M\s*\((D:[0-9Z+\-']+)\)");
        return match.Success ? PdfDate.Parse(match.Groups[1].Value) : null;
    }

    private static SignedPdfParse Refuse(SignatureVerification failure) => SignedPdfParse.Refused(failure);

    private static bool TryReadByteRange(ReadOnlySpan<byte> text, out (long, long, long, long) range)
    {
        range = default;
        text = SkipWhiteSpace(text);
        if (text.IsEmpty || text[0] != (byte)'[') return false;
        text = text[1..];
        Span<long> values = stackalloc long[4];
        for (var i = 0; i < 4; i++)
        {
            text = SkipWhiteSpace(text);
            if (!TryReadNumber(ref text, out values[i])) return false;
        }
        text = SkipWhiteSpace(text);
        if (text.IsEmpty || text[0] != (byte)']') return false;
        range = (values[0], values[1], values[2], values[3]);
        return true;
    }

    private static bool PrecededByContentsKey(ReadOnlySpan<byte> file, int at) =>
        TrimEndWhiteSpace(file[..at]).EndsWith(ContentsKey);

    /// <summary>The hex string's bytes, cut to the DER length of the CMS blob. Null when it is not hex, not a complete
    /// DER SEQUENCE, or followed by anything but zero padding.</summary>
    public static byte[]? DecodeSignature(ReadOnlySpan<byte> hex)
    {
        var bytes = new List<byte>(hex.Length / 2);
        var high = -1;
        foreach (var c in hex)
        {
            if (IsWhiteSpace(c)) continue;
            var v = HexValue(c);
            if (v < 0) return null;
            if (high < 0) high = v;
            else { bytes.Add((byte)(high * 16 + v)); high = -1; }
        }
        if (high >= 0) bytes.Add((byte)(high * 16));
        var length = DerLength(bytes);
        if (length is null) return null;
        // Only zero padding may follow the blob: nothing unsigned can ride along in the slot.
        for (var i = length.Value; i < bytes.Count; i++) if (bytes[i] != 0) return null;
        return bytes.GetRange(0, length.Value).ToArray();
    }

    /// <summary>The total length of the DER SEQUENCE at the start, or null. Indefinite length (BER) keeps every byte.</summary>
    private static int? DerLength(List<byte> bytes)
    {
        if (bytes.Count < 2 || bytes[0] != 0x30) return null;
        int first = bytes[1];
        if (first == 0x80) return bytes.Count;
        if (first < 0x80) return 2 + first <= bytes.Count ? 2 + first : null;
        var count = first & 0x7F;
        if (count > 3 || bytes.Count < 2 + count) return null;
        var length = 0;
        for (var i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
        var total = 2 + count + length;
        return total <= bytes.Count ? total : null;
    }

    private static bool IsObjectHeader(ReadOnlySpan<byte> text)
    {
        if (!TryReadNumber(ref text, out _)) return false;
        text = SkipWhiteSpace(text);
        if (!TryReadNumber(ref text, out _)) return false;
        return SkipWhiteSpace(text).StartsWith("obj"u8);
    }

    private static bool TryReadNumber(ref ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        var i = 0;
        while (i < text.Length && i < 12 && text[i] is >= (byte)'0' and <= (byte)'9') value = value * 10 + (text[i++] - '0');
        if (i == 0 || (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9')) return false;
        text = text[i..];
        return true;
    }

    private static int Count(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        var count = 0;
        for (var i = text.IndexOf(word); i >= 0; i = text.IndexOf(word))
        {
            count++;
            text = text[(i + word.Length)..];
        }
        return count;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsWhiteSpace(byte c) => c is 0 or 9 or 10 or 12 or 13 or 32;

    private static ReadOnlySpan<byte> SkipWhiteSpace(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && IsWhiteSpace(text[i])) i++;
        return text[i..];
    }

    private static ReadOnlySpan<byte> TrimEndWhiteSpace(ReadOnlySpan<byte> text)
    {
        var n = text.Length;
        while (n > 0 && IsWhiteSpace(text[n - 1])) n--;
        return text[..n];
    }
}
