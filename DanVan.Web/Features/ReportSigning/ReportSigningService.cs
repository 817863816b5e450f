using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Organization;
using DanVan.Domain.Reports;
using DanVan.Domain.Signing;
using DanVan.Web.Features.Signing;
using DanVan.Web.Infrastructure;
using DanVan.Web.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.ReportSigning;

/// <summary>
/// The signatures of an approved report (decisions 0020, 0022): opens one-time signing sessions, hands out the exact
/// file for a step, verifies what comes back (<see cref="SignedPdfVerifier"/>) before anything is stored, keeps each
/// signed revision, and issues the report when the last required signature is in. Everything is audited.
/// </summary>
public sealed class ReportSigningService(
    DanVanDbContext db, CurrentUser currentUser, TimeProvider clock, SignedPdfVerifier verifier, IOptions<SigningOptions> options,
    ILogger<ReportSigningService> logger)
{
    private const int MaxTokenLength = 100;

    public SigningRequirement Requirement => options.Value.Required;

    public long MaxUploadBytes => verifier.MaxUploadBytes;

    /// <summary>Who may sign a step: the leader the leader's step, the văn thư the agency's.</summary>
    public bool MaySign(SigningStep step) => currentUser.IsInRole(step == SigningStep.Agency ? Roles.Clerk : Roles.Leader);

    /// <summary>Leaders and văn thư sign; nobody else opens a session or uploads.</summary>
    public bool MaySignAnyStep => MaySign(SigningStep.Leader) || MaySign(SigningStep.Agency);

    /// <summary>The verified signatures of a report, in signing order.</summary>
    public async Task<IReadOnlyList<ReportRevisionView>> RevisionsAsync(int reportId, CancellationToken ct) =>
        await db.ReportRevisions.AsNoTracking().Where(r => r.ReportId == reportId).OrderBy(r => r.Id)
            .Select(r => new ReportRevisionView(new SignatureInfo(r.Step, r.SignerCommonName, r.Organisation, r.SignedAt, r.Issuer, r.Serial, r.Valid, r.Trusted),
                r.Sha256, r.UploadedBy, r.UploadedAt, r.Length))
            .ToListAsync(ct);

    /// <summary>The next signature due for a report awaiting signatures (null otherwise).</summary>
    public async Task<SigningStep?> NextStepAsync(Report report, CancellationToken ct) =>
        report.State != ReportState.AwaitingSignature ? null
            : SigningSteps.Next(Requirement, await db.ReportRevisions.Where(r => r.ReportId == report.Id).Select(r => r.Step).ToListAsync(ct));

    public async Task<SigningResult> OpenSessionAsync(string periodCode, SigningStep step, string baseUrl, CancellationToken ct)
    {
        if (!MaySign(step)) return SigningResult.Forbidden;
        var (report, refusal) = await ReportForStepAsync(periodCode, step, ct);
        if (report is null) return refusal!;
        var handedOut = await HandedOutAsync(report, step, ct);
        var download = NewToken();
        var upload = NewToken();
        var now = clock.GetUtcNow();
        var session = SigningSession.Open(report.Id, step, Sha(handedOut), Hash(download), Hash(upload), currentUser.Name, now, SigningSessionLifetime);
        db.SigningSessions.Add(session);
        Audit(AuditActions.SigningSessionOpened, report.PeriodId, SigningSteps.ApiName(step), session.BaseSha256);
        await db.SaveChangesAsync(ct);
        var root = baseUrl.TrimEnd('/');
        return new SigningResult(SigningOutcome.Ok)
        {
            Urls = new SessionUrls($"{root}/api/v1/signing/{download}/file", $"{root}/api/v1/signing/{upload}/signed", session.ExpiresAt),
        };
    }

    /// <summary>15 minutes (the issue's rule), on the portal's clock.</summary>
    public static readonly TimeSpan SigningSessionLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The one-time download: the exact bytes handed out for the session's step.</summary>
    public async Task<(HandedOutFile? File, SigningResult? Refusal)> DownloadAsync(string token, CancellationToken ct)
    {
        var session = await SessionAsync(false, token, ct);
        if (session is null) return (null, SigningResult.NotFound);
        try { session.UseDownload(clock.GetUtcNow()); }
        catch (DomainException ex) { return (null, SigningResult.Gone(ex.Message)); }
        var report = await db.Reports.SingleAsync(r => r.Id == session.ReportId, ct);
        var bytes = await HandedOutAsync(report, session.Step, ct);
        if (Sha(bytes) != session.BaseSha256 || report.State != ReportState.AwaitingSignature)
            return (null, SigningResult.Gone("Báo cáo đã thay đổi từ khi mở phiên ký; hãy mở phiên ký mới."));
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), session.OpenedBy, AuditActions.SignedFileDownloaded, report.PeriodId, newValue: session.BaseSha256));
        if (!await SavedAsync(ct)) return (null, SigningResult.Gone("Liên kết tải tệp để ký đã được dùng."));
        return (new HandedOutFile(bytes, ReportFileName.For(report.Number, SigningSteps.ApiName(session.Step), "pdf")), null);
    }

    /// <summary>The one-time upload from the signing tool: one attempt; verified before anything is stored.</summary>
    public async Task<SigningResult> UploadAsync(string token, byte[] uploaded, CancellationToken ct)
    {
        var session = await SessionAsync(true, token, ct);
        if (session is null) return SigningResult.NotFound;
        try { session.UseUpload(clock.GetUtcNow()); }
        catch (DomainException ex) { return SigningResult.Gone(ex.Message); }
        var report = await db.Reports.SingleAsync(r => r.Id == session.ReportId, ct);
        if (await NextStepAsync(report, ct) != session.Step)
        {
            await SavedAsync(ct);
            return SigningResult.Conflict("Bước ký của phiên này không còn chờ ký; hãy mở phiên ký mới.");
        }
        var handedOut = await HandedOutAsync(report, session.Step, ct);
        if (Sha(handedOut) != session.BaseSha256)
        {
            await SavedAsync(ct);
            return SigningResult.Gone("Báo cáo đã thay đổi từ khi mở phiên ký; hãy mở phiên ký mới.");
        }
        return await AcceptAsync(report, session.Step, handedOut, uploaded, session.OpenedBy, ct);
    }

    /// <summary>The manual way: a signed-in leader or văn thư uploads the file they signed in any tool.</summary>
    public async Task<SigningResult> UploadSignedInAsync(string periodCode, SigningStep step, byte[] uploaded, CancellationToken ct)
    {
        if (!MaySign(step)) return SigningResult.Forbidden;
        var (report, refusal) = await ReportForStepAsync(periodCode, step, ct);
        if (report is null) return refusal!;
        return await AcceptAsync(report, step, await HandedOutAsync(report, step, ct), uploaded, currentUser.Name, ct);
    }

    private async Task<SigningResult> AcceptAsync(Report report, SigningStep step, byte[] handedOut, byte[] uploaded, string uploader, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var verification = verifier.Verify(handedOut, uploaded, verifier.ExpectedFor(step, report.SignerName), now);
        var stepName = SigningSteps.ApiName(step);
        if (!verification.Ok)
        {
            db.AuditEntries.Add(AuditEntry.Record(now, uploader, AuditActions.SignatureRefused, report.PeriodId, oldValue: stepName,
                reason: $"{verification.FailedCheck}: {verification.FailureMessage}"));
            await SavedAsync(ct);
            logger.LogInformation("Signed file for {Step} refused: {Check}", stepName, verification.FailedCheck);
            return SigningResult.Verified(verification);
        }
        var sha = Sha(uploaded);
        db.ReportRevisions.Add(ReportRevision.Create(report.Id, verification.Signature!, uploaded, sha, uploader, now));
        db.AuditEntries.Add(AuditEntry.Record(now, uploader, AuditActions.SignatureAccepted, report.PeriodId, oldValue: stepName, newValue: sha,
            reason: verification.Signature!.SignerCommonName));
        var done = await db.ReportRevisions.Where(r => r.ReportId == report.Id).Select(r => r.Step).ToListAsync(ct);
        if (SigningSteps.Next(Requirement, [.. done, step]) is null)
        {
            report.Issue(uploader, now);
            db.AuditEntries.Add(AuditEntry.Record(now, uploader, AuditActions.ReportIssued, report.PeriodId, newValue: sha));
        }
        if (!await SavedAsync(ct)) return SigningResult.Conflict("Báo cáo vừa được cập nhật bởi người khác (đã có chữ ký bước này). Vui lòng tải lại.");
        logger.LogInformation("Signature {Step} accepted for report {ReportId}, SHA-256 {Sha}", stepName, report.Id, sha);
        return SigningResult.Verified(verification);
    }

    private async Task<(Report? Report, SigningResult? Refusal)> ReportForStepAsync(string periodCode, SigningStep step, CancellationToken ct)
    {
        var report = await db.Reports.Where(r => db.Periods.Any(p => p.Id == r.PeriodId && p.Code == periodCode) && r.State != ReportState.Revoked)
            .SingleOrDefaultAsync(ct);
        if (report is null) return (null, SigningResult.NotFound);
        if (report.State != ReportState.AwaitingSignature)
            return (null, SigningResult.Conflict(report.State == ReportState.Issued ? "Báo cáo đã ban hành." : "Báo cáo chưa được duyệt nên chưa ký số được."));
        var next = await NextStepAsync(report, ct);
        if (next == step) return (report, null);
        return (null, SigningResult.Conflict(next == SigningStep.Leader
            ? "Chưa có chữ ký số của lãnh đạo: văn thư ký số của cơ quan sau khi lãnh đạo đã ký."
            : step == SigningStep.Leader ? "Lãnh đạo đã ký số báo cáo này." : "Bước ký này không được yêu cầu (Signing:Required)."));
    }

    /// <summary>The file to sign: the approved PDF for the leader, the leader-signed revision for the agency.</summary>
    private async Task<byte[]> HandedOutAsync(Report report, SigningStep step, CancellationToken ct) =>
        step == SigningStep.Leader || !SigningSteps.Required(Requirement).Contains(SigningStep.Leader)
            ? report.PdfBytes!
            : await db.ReportRevisions.Where(r => r.ReportId == report.Id && r.Step == SigningStep.Leader).Select(r => r.Bytes).SingleOrDefaultAsync(ct) ?? report.PdfBytes!;

    private async Task<SigningSession?> SessionAsync(bool upload, string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        var hash = Hash(token);
        return upload
            ? await db.SigningSessions.SingleOrDefaultAsync(s => s.UploadTokenHash == hash, ct)
            : await db.SigningSessions.SingleOrDefaultAsync(s => s.DownloadTokenHash == hash, ct);
    }

    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private void Audit(string action, int periodId, string step, string sha) =>
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, action, periodId, oldValue: step, newValue: sha));

    /// <summary>256 random bits, URL-safe; only its SHA-256 is stored.</summary>
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
