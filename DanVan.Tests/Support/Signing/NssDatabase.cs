using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DanVan.Tests.Support.Signing;

/// <summary>An NSS database (certutil, pk12util) holding the signing keys pdfsig signs with, each under a nickname.</summary>
internal sealed class NssDatabase(string folder)
{
    private const string Password = "danvan-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Folder { get; } = folder;

    public string Argument => "sql:" + Folder;

    public void Create()
    {
        Directory.CreateDirectory(Folder);
        Check("certutil", "-N", "--empty-password", "-d", Argument);
    }

    /// <summary>Imports the certificate with its private key under <paramref name="nickname"/> (the PKCS#12 friendly name).</summary>
    public void Import(X509Certificate2 certificate, string nickname)
    {
        var file = Path.Combine(Folder, nickname + ".p12");
        File.WriteAllBytes(file, Pkcs12(certificate, nickname));
        Check("pk12util", "-i", file, "-d", Argument, "-W", Password);
        File.Delete(file);
    }

    /// <summary>Adds a CA certificate trusted for signing, so pdfsig reports chains to it as trusted.</summary>
    public void Trust(X509Certificate2 ca, string nickname)
    {
        var file = Path.Combine(Folder, nickname + ".cer");
        File.WriteAllBytes(file, ca.Export(X509ContentType.Cert));
        Check("certutil", "-A", "-n", nickname, "-t", "CT,C,C", "-i", file, "-d", Argument);
        File.Delete(file);
    }

    public static (int ExitCode, string Output) Check(string tool, params string[] arguments)
    {
        var (code, output) = ExternalTool.Run(tool, Timeout, arguments);
        if (code != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({code}): {output}");
        return (code, output);
    }

    private static byte[] Pkcs12(X509Certificate2 certificate, string nickname)
    {
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048);
        var keyId = new Pkcs9LocalKeyId(SHA1.HashData(certificate.RawData));
        var friendlyName = FriendlyName(nickname);
        var safe = new Pkcs12SafeContents();
        var certBag = safe.AddCertificate(certificate);
        certBag.Attributes.Add(keyId);
        certBag.Attributes.Add(friendlyName);
        using var key = certificate.GetRSAPrivateKey()!;
        var keyBag = safe.AddShroudedKey(key, Password, pbe);
        keyBag.Attributes.Add(keyId);
        keyBag.Attributes.Add(friendlyName);
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(safe);
        builder.SealWithMac(Password, HashAlgorithmName.SHA256, 2048);
        return builder.Encode();
    }

    /// <summary>PKCS#9 friendlyName (1.2.840.113549.1.9.20): a BMPString, UTF-16 big-endian.</summary>
    private static Pkcs9AttributeObject FriendlyName(string name)
    {
        var text = Encoding.BigEndianUnicode.GetBytes(name);
        if (text.Length > 127) throw new ArgumentException("Nickname too long for the short DER form.", nameof(name));
        byte[] der = [0x1E, (byte)text.Length, .. text];
        return new Pkcs9AttributeObject(new Oid("1.2.840.113549.1.9.20"), der);
    }
}
