using DanVan.Domain.Common;
using DanVan.Domain.Signing;

namespace DanVan.Domain.Reports;

/// <summary>
/// A hand-off to the signing tool: two one-time URLs (download the file, upload it signed), bound to one report, one
/// step and the revision handed out (its SHA-256). Only the SHA-256 of each random token is stored; each URL works
/// once and until <see cref="ExpiresAt"/>.
/// </summary>
public class SigningSession
{
    public const int MaxUserLength = 256;

    private SigningSession()
    {
        BaseSha256 = "";
        DownloadTokenHash = "";
        UploadTokenHash = "";
        OpenedBy = "";
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public SigningStep Step { get; private set; }

    /// <summary>The SHA-256 of the file handed out: the approved PDF, or the revision signed by the leader.</summary>
    public string BaseSha256 { get; private set; }
    public string DownloadTokenHash { get; private set; }
    public string UploadTokenHash { get; private set; }
    public string OpenedBy { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? DownloadedAt { get; private set; }
    public DateTimeOffset? UploadedAt { get; private set; }
    public Guid Version { get; private set; }

    public static SigningSession Open(int reportId, SigningStep step, string baseSha256, string downloadTokenHash, string uploadTokenHash,
        string openedBy, DateTimeOffset at, TimeSpan lifetime) => new()
    {
        ReportId = reportId,
        Step = step,
        BaseSha256 = baseSha256,
        DownloadTokenHash = downloadTokenHash,
        UploadTokenHash = uploadTokenHash,
        OpenedBy = openedBy,
        OpenedAt = at,
        ExpiresAt = at + lifetime,
        Version = Guid.NewGuid(),
    };

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Uses the download URL; a second use or a late one is refused.</summary>
    public void UseDownload(DateTimeOffset now)
    {
        if (DownloadedAt is not null) throw new DomainException("Liên kết tải tệp để ký đã được dùng.");
        if (IsExpired(now)) throw new DomainException("Liên kết tải tệp để ký đã hết hạn.");
        DownloadedAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>Uses the upload URL, whatever the verification then says: one attempt per session.</summary>
    public void UseUpload(DateTimeOffset now)
    {
        if (UploadedAt is not null) throw new DomainException("Liên kết gửi tệp đã ký đã được dùng; hãy mở phiên ký mới.");
        if (IsExpired(now)) throw new DomainException("Liên kết gửi tệp đã ký đã hết hạn (15 phút); hãy mở phiên ký mới.");
        UploadedAt = now;
        Version = Guid.NewGuid();
    }
}
