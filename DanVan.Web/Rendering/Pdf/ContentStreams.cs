using System.IO.Compression;
using PdfSharp.Pdf;

namespace DanVan.Web.Rendering.Pdf;

/// <summary>
/// Compresses the pages' content streams with .NET's zlib. PDFsharp 6.2.4's own Flate encoder leaves the deflate
/// stream unterminated (no final block, no Adler-32), so <c>qpdf --check</c> warns "input stream is complete but
/// output may still be valid" for every page; readers cope, validators do not.
/// </summary>
public static class ContentStreams
{
    /// <summary>Call with <c>Options.CompressContentStreams = false</c>, after every page's XGraphics is disposed.</summary>
    public static void Compress(PdfDocument pdf)
    {
        foreach (var page in pdf.Pages)
        {
            var contents = page.Contents;
            for (var i = 0; i < contents.Elements.Count; i++)
            {
                var content = contents.Elements.GetDictionary(i);
                if (content?.Stream is not { } stream || content.Elements.GetName("/Filter").Length > 0) continue;
                content.Stream.Value = Deflate(stream.Value);
                content.Elements.SetName("/Filter", "/FlateDecode");
            }
        }
    }

    /// <summary>A complete zlib stream of <paramref name="data"/> (final block and Adler-32 included).</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 4 + 64);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }
}
