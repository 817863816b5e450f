using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DanVan.Web.Features.Signing;

/// <summary>Reads the CA certificates of the <c>Signing:TrustAnchors</c> folder (DER or PEM, one or more per file).</summary>
public static class TrustAnchorStore
{
    private static readonly string[] Extensions = [".cer", ".crt", ".der", ".pem"];

    public static X509Certificate2Collection Load(string folder, ILogger logger)
    {
        var anchors = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            logger.LogWarning("Signing trust anchor folder {Folder} is missing: no signature will be trusted", folder);
            return anchors;
        }
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) continue;
            try
            {
                var text = File.ReadAllText(file);
                if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) anchors.ImportFromPem(text);
                else anchors.Add(X509CertificateLoader.LoadCertificateFromFile(file));
            }
            catch (CryptographicException e)
            {
                logger.LogWarning(e, "Signing trust anchor {File} is not a certificate and is ignored", file);
            }
        }
        logger.LogInformation("Signing trusts {Count} CA certificate(s) from {Folder}", anchors.Count, folder);
        return anchors;
    }
}
