using DanVan.Domain.Signing;

namespace DanVan.Domain.Reports;

/// <summary>
/// A signed revision of an approved report: the exact bytes the signing tool returned, verified before they were
/// stored, with their SHA-256, who uploaded them and when, and what the verifier read of the signature.
/// </summary>
public class ReportRevision
{
    public const int MaxTextLength = 512;

    private ReportRevision()
    {
        Sha256 = "";
        UploadedBy = "";
        Bytes = [];
        SignerCommonName = "";
        Issuer = "";
        Serial = "";
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public SigningStep Step { get; private set; }
    public string Sha256 { get; private set; }
    public string UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public long Length { get; private set; }
    public byte[] Bytes { get; private set; }
    public string SignerCommonName { get; private set; }
    public string? Organisation { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string Issuer { get; private set; }
    public string Serial { get; private set; }
    public bool Valid { get; private set; }
    public bool Trusted { get; private set; }

    public SignatureInfo Signature => new(Step, SignerCommonName, Organisation, SignedAt, Issuer, Serial, Valid, Trusted);

    public static ReportRevision Create(int reportId, SignatureInfo signature, byte[] bytes, string sha256, string uploadedBy, DateTimeOffset at) => new()
    {
        ReportId = reportId,
        Step = signature.Step,
        Sha256 = sha256,
        UploadedBy = uploadedBy,
        UploadedAt = at,
        Length = bytes.LongLength,
        Bytes = bytes,
        SignerCommonName = Cut(signature.SignerCommonName),
        Organisation = signature.Organisation is null ? null : Cut(signature.Organisation),
        SignedAt = signature.SignedAt,
        Issuer = Cut(signature.Issuer),
        Serial = Cut(signature.Serial),
        Valid = signature.Valid,
        Trusted = signature.Trusted,
    };

    private static string Cut(string text) => text.Length > MaxTextLength ? text[..MaxTextLength] : text;
}
