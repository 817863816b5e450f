using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring lives in the database, so in every backup of it. In Production it is encrypted with
/// a certificate kept outside the database (<c>DataProtection:CertificatePath</c>, a PFX, and
/// <c>DataProtection:CertificatePassword</c> from the environment): a stolen backup alone mints no cookie or token.
/// Development and the demo stay unprotected, with the framework's "No XML encryptor configured" warning.
/// </summary>
public static class KeyRingProtection
{
    public const string Section = "DataProtection";

    public static void Configure(IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration[$"{Section}:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (environment.IsProduction() && !configuration.GetValue<bool>($"{Section}:AllowUnprotectedKeys"))
            {
                throw new InvalidOperationException(
                    "DataProtection:CertificatePath is not set: in Production the key ring must be encrypted with a certificate " +
                    "(see docs/deployment.md, \"Keys and backups\"), or DataProtection:AllowUnprotectedKeys must be true.");
            }
            return;
        }

        var password = configuration[$"{Section}:CertificatePassword"];
        if (!File.Exists(path))
        {
            if (!configuration.GetValue<bool>($"{Section}:CreateCertificateIfMissing"))
                throw new InvalidOperationException($"DataProtection:CertificatePath points to a missing file ({path}).");
            Create(path, password);
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        var previous = (configuration[$"{Section}:PreviousCertificatePaths"] ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => X509CertificateLoader.LoadPkcs12FromFile(p, password, X509KeyStorageFlags.EphemeralKeySet));
        builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
    }

    /// <summary>A self-signed key-encryption certificate for a first start (docker compose); RSA 3072, ten years.</summary>
    private static void Create(string path, string? password)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=DanVan Data Protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
