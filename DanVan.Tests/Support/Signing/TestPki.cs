using System.Security.Cryptography.X509Certificates;
using DanVan.Tests.Reports;

namespace DanVan.Tests.Support.Signing;

/// <summary>
/// A throwaway PKI made once per test run: a root CA (the only trust anchor, written to <see cref="TrustAnchorFolder"/>),
/// the leader (CN = the model report's signer), the agency (CN = <see cref="AgencySubject"/>), a stranger, an expired
/// leader certificate, and a second, untrusted CA with a certificate of its own; every signing key sits in an NSS
/// database (made on first use) under its nickname, and <see cref="SignWithPdfsig"/> signs with poppler's pdfsig as the real tools do
/// (an incremental update). Needs certutil, pk12util and pdfsig (<see cref="Tools"/>).
/// </summary>
public sealed class TestPki
{
    public const string Tools = "pdfsig";
    public const string AgencySubject = "Văn phòng UBND tỉnh Quảng Ngãi";
    public const string LeaderNick = "leader";
    public const string AgencyNick = "agency";
    public const string StrangerNick = "stranger";
    public const string ExpiredNick = "expired";
    public const string OutsiderNick = "outsider";

    private static readonly Lazy<TestPki> LazyShared = new(() => new TestPki());

    /// <summary>The one PKI of the test run, made on first use and deleted when the run ends.</summary>
    public static TestPki Shared => LazyShared.Value;

    private readonly Lazy<NssDatabase> nss;

    private TestPki()
    {
        Folder = Path.Combine(Path.GetTempPath(), "danvan-pki-" + Guid.NewGuid().ToString("N"));
        TrustAnchorFolder = Path.Combine(Folder, "trust-anchors");
        Directory.CreateDirectory(TrustAnchorFolder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Folder);

        var now = DateTimeOffset.UtcNow;
        Root = TestCertificates.CreateCa("DanVan Test Root CA", now);
        OtherCa = TestCertificates.CreateCa("Untrusted Other CA", now);
        Leader = TestCertificates.CreateSigner(Root, LeaderName, "Văn phòng UBND tỉnh Quảng Ngãi", now.AddYears(-1), now.AddYears(2));
        Agency = TestCertificates.CreateSigner(Root, AgencySubject, "UBND tỉnh Quảng Ngãi", now.AddYears(-1), now.AddYears(2));
        Stranger = TestCertificates.CreateSigner(Root, "Nguyễn Văn Khác", "Sở Nội vụ tỉnh Quảng Ngãi", now.AddYears(-1), now.AddYears(2));
        // NSS keeps one nickname per subject: the leader's other certificates differ in O.
        Expired = TestCertificates.CreateSigner(Root, LeaderName, "Văn phòng UBND tỉnh Quảng Ngãi (chứng thư cũ)", now.AddYears(-3), now.AddYears(-1));
        Outsider = TestCertificates.CreateSigner(OtherCa, LeaderName, "Tổ chức ngoài", now.AddYears(-1), now.AddYears(2));
        File.WriteAllBytes(Path.Combine(TrustAnchorFolder, "danvan-test-root.cer"), Root.Export(X509ContentType.Cert));

        nss = new Lazy<NssDatabase>(CreateNssDatabase);
    }

    /// <summary>Settings for a test host (<see cref="ConfiguredFactory"/>) that trusts this PKI's root and requires both signatures.</summary>
    public (string Key, string Value)[] HostSettings =>
    [
        ("Signing:TrustAnchors", TrustAnchorFolder),
        ("Signing:AgencySubject", AgencySubject),
        ("Signing:Required", "LeaderAndAgency"),
    ];

    /// <summary>The signer's name in the model report's metadata (Phạm Xuân Duệ).</summary>
    public static string LeaderName => SeedReport.Inputs.Metadata.SignerName;

    public string Folder { get; }

    /// <summary>Holds the root CA only: point <c>Signing:TrustAnchors</c> here.</summary>
    public string TrustAnchorFolder { get; }

    public X509Certificate2 Root { get; }
    public X509Certificate2 OtherCa { get; }
    public X509Certificate2 Leader { get; }
    public X509Certificate2 Agency { get; }
    public X509Certificate2 Stranger { get; }
    public X509Certificate2 Expired { get; }
    public X509Certificate2 Outsider { get; }

    /// <summary>The NSS database argument for pdfsig -nssdir (verification of served files too).</summary>
    public string NssDir => nss.Value.Argument;

    /// <summary>Adds a signature with the key under <paramref name="nick"/>: <c>pdfsig -add-signature</c>.</summary>
    public byte[] SignWithPdfsig(byte[] pdf, string nick)
    {
        var work = Path.Combine(Folder, "sign-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var input = Path.Combine(work, "in.pdf");
            var output = Path.Combine(work, "out.pdf");
            File.WriteAllBytes(input, pdf);
            NssDatabase.Check("pdfsig", "-add-signature", "-nssdir", NssDir, "-nick", nick, input, output);
            return File.ReadAllBytes(output);
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>The signed file with its newest signature's CMS made again by <paramref name="signer"/> over the same byte
    /// range, in the same /Contents slot: what pdfsig writes for a key NSS refuses to sign with (an expired certificate).</summary>
    /// <param name="digestOid">The CMS digest algorithm; SHA-256 unless a test needs a weak one.</param>
    public static byte[] ResignWith(byte[] signedPdf, X509Certificate2 signer, string digestOid = "2.16.840.1.101.3.4.2.1") =>
        CmsSwap.Resign(signedPdf, signer, digestOid);

    /// <summary>Another certificate for the leader's name from the trusted root (e.g. a wrong key usage or validity).</summary>
    public X509Certificate2 LeaderCertificate(DateTimeOffset notBefore, DateTimeOffset notAfter, X509KeyUsageFlags usage) =>
        TestCertificates.CreateSigner(Root, LeaderName, "Văn phòng UBND tỉnh Quảng Ngãi", notBefore, notAfter, usage);

    /// <summary>pdfsig's report on a signed file (signatures, their validity, whether the whole file is signed).</summary>
    public string Inspect(byte[] pdf)
    {
        var file = Path.Combine(Folder, "inspect-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, pdf);
        try { return ExternalTool.Run("pdfsig", TimeSpan.FromSeconds(60), "-nssdir", NssDir, "-no-ocsp", file).Output; }
        finally { File.Delete(file); }
    }

    /// <summary>Made on first signature: only tests that sign need certutil and pk12util.</summary>
    private NssDatabase CreateNssDatabase()
    {
        var database = new NssDatabase(Path.Combine(Folder, "nss"));
        database.Create();
        database.Trust(Root, "danvan-test-root");
        database.Trust(OtherCa, "untrusted-other-ca"); // NSS signs only with a chain it trusts; the portal does not trust it

        database.Import(Leader, LeaderNick);
        database.Import(Agency, AgencyNick);
        database.Import(Stranger, StrangerNick);
        database.Import(Expired, ExpiredNick);
        database.Import(Outsider, OutsiderNick);
        return database;
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A throwaway folder under /tmp that another process still holds: leaving it must not fail the run.
            Console.Error.WriteLine($"TestPki: could not delete {folder}: {ex.Message}");
        }
    }
}
