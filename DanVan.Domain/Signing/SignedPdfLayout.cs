namespace DanVan.Domain.Signing;

/// <summary>Where the newest signature sits in an uploaded file: the signed byte range
/// [0, <see cref="ContentsStart"/>) + [<see cref="ContentsEnd"/>, length) and the CMS blob (DER) of /Contents.</summary>
public sealed record SignedPdfLayout(int ContentsStart, int ContentsEnd, byte[] SignatureDer)
{
    /// <summary>The bytes the signature covers: the whole file without the /Contents hex string.</summary>
    public byte[] SignedBytes(ReadOnlySpan<byte> uploaded)
    {
        var signed = new byte[ContentsStart + (uploaded.Length - ContentsEnd)];
        uploaded[..ContentsStart].CopyTo(signed);
        uploaded[ContentsEnd..].CopyTo(signed.AsSpan(ContentsStart));
        return signed;
    }
}
