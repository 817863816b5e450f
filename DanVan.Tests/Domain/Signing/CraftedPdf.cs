using System.Text;

namespace DanVan.Tests.Domain.Signing;

/// <summary>Small hand-written PDFs for the structure rules: a base file and one incremental update with a signature
/// dictionary whose /ByteRange is filled in as a signing tool does.</summary>
internal static class CraftedPdf
{
    /// <summary>A fake CMS blob: a DER SEQUENCE of 3 content bytes.</summary>
    public static readonly byte[] Der = [0x30, 0x03, 0x02, 0x01, 0x07];

    public const int Slot = 64;

    public static byte[] Base() => Ascii(
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" +
        "xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n");

    /// <summary>The base file plus an update holding a signature; <paramref name="range"/> overrides the computed
    /// /ByteRange (start, length1, end, length2) when given.</summary>
    public static byte[] Signed(byte[] handedOut, byte[]? der = null, Func<long[], long[]>? range = null,
        string contents = "", string extraUpdate = "", int? startxref = null)
    {
        var hex = contents.Length > 0 ? contents : Convert.ToHexString(der ?? Der).PadRight(Slot, '0');
        var head = Encoding.Latin1.GetString(handedOut) +
                   "2 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M (D:20261204120000+07'00') /ByteRange ";
        const string placeholder = "[0000000000 0000000000 0000000000 0000000000]";
        var beforeContents = head + placeholder + " /Contents ";
        var contentsStart = beforeContents.Length;
        var afterContents = "<" + hex + ">";
        var middle = " >>\nendobj\n";
        var xrefAt = beforeContents.Length + afterContents.Length + middle.Length;
        var tail = middle + "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R /Prev 45 >>\nstartxref\n" +
                   (startxref ?? xrefAt) + "\n%%EOF\n" + extraUpdate;
        var total = beforeContents.Length + afterContents.Length + tail.Length;
        long[] computed = [0, contentsStart, contentsStart + afterContents.Length, total - (contentsStart + afterContents.Length)];
        var r = range?.Invoke(computed) ?? computed;
        var filled = $"[{r[0]:D10} {r[1]:D10} {r[2]:D10} {r[3]:D10}]";
        return Latin1(head + filled + " /Contents " + afterContents + tail);
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
