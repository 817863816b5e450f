namespace DanVan.Domain.Signing;

/// <summary>Where the newest signature sits in an uploaded file: the signed byte range
/// [0, <see cref="ContentsStart"/>) + [<see cref="ContentsEnd"/>, length), the CMS blob (DER) of /Contents, and the
/// dictionary's signing time /M (covered by the signature; the signer's claim, as CMS signingTime is).</summary>
public sealed record SignedPdfLayout(int ContentsStart, int ContentsEnd, byte[] SignatureDer, DateTimeOffset? DictionaryTime)
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
