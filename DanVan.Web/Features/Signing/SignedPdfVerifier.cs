using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using DanVan.Domain.Signing;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.Signing;

/// <summary>
/// Verifies an uploaded signed PDF against the file handed out for the step (decision 0023): the structure rules of
/// <see cref="SignedPdfParser"/>, then the CMS signature over the byte range (detached, SHA-256 or stronger), the
/// signer certificate's validity at the signing time and key usage, its chain to a trust anchor (no revocation check:
/// offline), and the signer the step needs. The first failed check is the answer.
/// </summary>
public sealed class SignedPdfVerifier
{
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly HashSet<string> StrongDigests = new(StringComparer.Ordinal)
    {
        "2.16.840.1.101.3.4.2.1", // SHA-256
        "2.16.840.1.101.3.4.2.2", // SHA-384
        "2.16.840.1.101.3.4.2.3", // SHA-512
    };

    private static readonly HashSet<string> WeakSignatureAlgorithms = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.1.4", // md5WithRSAEncryption
        "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
        "1.2.840.10045.4.1", // ecdsa-with-SHA1
        "1.2.840.10040.4.3", // dsa-with-sha1
    };

    private readonly SigningOptions options;
    private readonly Lazy<X509Certificate2Collection> anchors;

    public SignedPdfVerifier(IOptions<SigningOptions> options, IHostEnvironment environment, ILogger<SignedPdfVerifier> logger)
    {
        this.options = options.Value;
        var folder = string.IsNullOrWhiteSpace(this.options.TrustAnchors)
            ? "" : Path.GetFullPath(this.options.TrustAnchors, environment.ContentRootPath);
        anchors = new Lazy<X509Certificate2Collection>(() => TrustAnchorStore.Load(folder, logger));
    }

    public long MaxUploadBytes => options.MaxUploadBytes;

    /// <summary>Who must sign a step: the report's signer for the leader, the configured agency for the agency.</summary>
    public ExpectedSigner ExpectedFor(SigningStep step, string reportSignerName) =>
        new(step, step == SigningStep.Agency ? options.AgencySubject : reportSignerName);

    public SignatureVerification Verify(ReadOnlySpan<byte> handedOut, ReadOnlySpan<byte> uploaded, ExpectedSigner expected, DateTimeOffset now)
    {
        if (uploaded.Length > options.MaxUploadBytes) return SignatureVerification.TooLarge(options.MaxUploadBytes);
        var parse = SignedPdfParser.Parse(handedOut, uploaded);
        if (parse.Layout is not { } layout) return parse.Failure!;
        try
        {
            return VerifyCms(layout, layout.SignedBytes(uploaded), expected, now);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or NotSupportedException or FormatException)
        {
            // A malformed certificate or attribute deep inside the CMS: the upload is refused, never a 500.
            return SignatureVerification.UnreadableSignature();
        }
    }

    private SignatureVerification VerifyCms(SignedPdfLayout layout, byte[] signedBytes, ExpectedSigner expected, DateTimeOffset now)
    {
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        try { cms.Decode(layout.SignatureDer); }
        catch (CryptographicException) { return SignatureVerification.UnreadableSignature(); }
        // Embedded content (adbe.pkcs7.sha1 and the like) would be verified instead of the file's bytes: refused.
        if (!cms.Detached || cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } certificate)
            return SignatureVerification.UnreadableSignature();
        var signer = cms.SignerInfos[0];

        if (!StrongDigests.Contains(signer.DigestAlgorithm.Value ?? "") || WeakSignatureAlgorithms.Contains(signer.SignatureAlgorithm.Value ?? ""))
            return SignatureVerification.WeakDigest(signer.DigestAlgorithm.FriendlyName ?? signer.DigestAlgorithm.Value ?? "?");
        try { signer.CheckSignature(verifySignatureOnly: true); }
        catch (CryptographicException) { return SignatureVerification.Modified(); }

        var signedAt = SigningTime(signer) ?? layout.DictionaryTime;
        // The signing time is the signer's claim; one later than the upload cannot be, so the check is then at "now".
        var at = signedAt is { } t && t <= now + ClockSkew ? t : now;
        if (at < new DateTimeOffset(certificate.NotBefore)) return SignatureVerification.NotYetValid();
        if (at > new DateTimeOffset(certificate.NotAfter)) return SignatureVerification.Expired();
        if (!AllowsSigning(certificate)) return SignatureVerification.KeyUsageForbidsSigning();
        if (!ChainsToAnchor(certificate, cms.Certificates, at)) return SignatureVerification.Untrusted();

        var commonName = Rdn(certificate.SubjectName, "2.5.4.3") ?? "";
        var wanted = expected.Step == SigningStep.Agency ? options.AgencySubject : expected.ExpectedCommonName;
        if (!SignerName.Matches(commonName, wanted))
            return SignatureVerification.WrongSigner(expected.Step, SignerName.Normalise(commonName), SignerName.Normalise(wanted));

        return SignatureVerification.Accepted(new SignatureInfo(
            expected.Step, SignerName.Normalise(commonName), Rdn(certificate.SubjectName, "2.5.4.10"), signedAt,
            certificate.IssuerName.Name, certificate.SerialNumber, Valid: true, Trusted: true));
    }

    private static DateTimeOffset? SigningTime(SignerInfo signer)
    {
        var value = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == SigningTimeOid)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .FirstOrDefault();
        if (value is null) return null;
        return new DateTimeOffset(DateTime.SpecifyKind(new Pkcs9SigningTime(value.RawData).SigningTime, DateTimeKind.Utc));
    }

    /// <summary>No key usage extension means no restriction (RFC 5280); otherwise digital signature or non-repudiation.</summary>
    private static bool AllowsSigning(X509Certificate2 certificate)
    {
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return usage is null
            || (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;
    }

    private bool ChainsToAnchor(X509Certificate2 certificate, X509Certificate2Collection included, DateTimeOffset at)
    {
        if (anchors.Value.Count == 0) return false;
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(anchors.Value);
        policy.ExtraStore.AddRange(included);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.UtcDateTime;
        var built = chain.Build(certificate);
        return built;
    }

    private static string? Rdn(X500DistinguishedName name, string oid) =>
        name.EnumerateRelativeDistinguishedNames()
            .Where(r => !r.HasMultipleElements && r.GetSingleElementType().Value == oid)
            .Select(r => r.GetSingleElementValue())
            .FirstOrDefault();
}
