using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace DanVan.Tests.Support.Signing;

/// <summary>Replaces the newest signature's CMS blob of a signed PDF, keeping its byte range (see <see cref="TestPki.ResignWith"/>).</summary>
internal static partial class CmsSwap
{
    public static byte[] Resign(byte[] signedPdf, X509Certificate2 signer, string digestOid = "2.16.840.1.101.3.4.2.1")
    {
        var text = Encoding.Latin1.GetString(signedPdf);
        var range = ByteRange().Matches(text).Last();
        var start = int.Parse(range.Groups[2].Value);
        var end = int.Parse(range.Groups[3].Value);
        var covered = signedPdf[..start].Concat(signedPdf[end..]).ToArray();

        var cms = new SignedCms(new ContentInfo(covered), detached: true);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer) { DigestAlgorithm = new Oid(digestOid) };
        cmsSigner.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        cms.ComputeSignature(cmsSigner, silent: true);
        var hex = Convert.ToHexString(cms.Encode());

        var slot = end - start - 2;
        if (hex.Length > slot) throw new InvalidOperationException("The new signature does not fit the /Contents slot.");
        var result = (byte[])signedPdf.Clone();
        Encoding.ASCII.GetBytes(hex.PadRight(slot, '0')).CopyTo(result, start + 1);
        return result;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
