using System.Security.Cryptography;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Reports;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Features.Signing;
using Microsoft.Extensions.Options;
using DanVan.Web.Infrastructure;
using DanVan.Web.Rendering;
using DanVan.Web.Services.Reports;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.ReportWorkflow;

/// <summary>
/// The report's moves (decision 0021): Trình duyệt (refused with lint errors or units not accepted, unless a reason
/// is typed per unit), Rút lại, Trả lại, Duyệt (freezes snapshot and PDF; issued at once or "Đã duyệt, chờ ký") and
/// Thu hồi (the report stays with its files, a new draft replaces it). Each move is one transaction with its audit.
/// </summary>
public sealed class ReportWorkflowService(
    DanVanDbContext db, ReportService reports, CurrentUser currentUser, TimeProvider clock, ReportRenderer renderer,
    SeparationOfDuties.SeparationOfDuties duties, IOptions<SigningOptions> signing, ILogger<ReportWorkflowService> logger,
    Notifications.Notifier notifier)
{
    public const string RefusedMessage = "Báo cáo chưa thể chuyển đi: còn lỗi hoặc đơn vị chưa được tiếp nhận.";

    public Task<ReportResult> SubmitAsync(string periodCode, IReadOnlyDictionary<string, string>? reasons, CancellationToken ct) =>
        MoveAsync(periodCode, reports.CanEdit, async (report, loaded) =>
        {
            var clean = (reasons ?? new Dictionary<string, string>())
                .Where(r => !string.IsNullOrWhiteSpace(r.Value))
                .ToDictionary(r => r.Key, r => r.Value.Trim(), StringComparer.OrdinalIgnoreCase);
            if (clean.Values.Any(v => v.Length > Report.MaxReasonLength))
                return ReportResult.Invalid(new Dictionary<string, string[]> { ["reasons"] = [$"Mỗi lý do tối đa {Report.MaxReasonLength} ký tự."] });
            var readiness = await ReadinessAsync(loaded, ct);
            var refusals = readiness.Refusals(clean);
            if (refusals.Count > 0) return ReportResult.Refused(RefusedMessage, refusals);
            var needed = readiness.Unaccepted.Select(u => u.UnitCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
            report.SubmitForApproval(clean.Where(r => needed.Contains(r.Key)).ToDictionary());
            var sent = duties.RecordReportSent(loaded.Period.Id);
            db.AuditEntries.Add(report.SendReasonsText is null ? sent
                : AuditEntry.Record(sent.At, sent.UserName, sent.Action, sent.PeriodId, reason: report.SendReasonsText.Replace('\t', ' ').Replace('\n', ';')));
            await notifier.ReportSentForApprovalAsync(loaded.Period, ct);
            return null;
        }, ct);

    public Task<ReportResult> WithdrawAsync(string periodCode, CancellationToken ct) =>
        MoveAsync(periodCode, reports.CanEdit, (report, loaded) =>
        {
            report.Withdraw();
            Audit(AuditActions.ReportWithdrawn, loaded);
            return Task.FromResult<ReportResult?>(null);
        }, ct);

    public Task<ReportResult> RejectAsync(string periodCode, string? comment, CancellationToken ct) =>
        !reports.CanApprove ? Task.FromResult(ReportResult.Forbidden) : string.IsNullOrWhiteSpace(comment)
            ? Task.FromResult(ReportResult.Invalid(new Dictionary<string, string[]> { ["comment"] = ["Cần ghi ý kiến khi trả lại."] }))
            : MoveAsync(periodCode, true, async (report, loaded) =>
            {
                report.Reject(comment.Trim());
                Audit(AuditActions.ReportRejected, loaded, comment.Trim());
                await notifier.ReportReturnedAsync(loaded.Period, comment.Trim(), ct);
                return null;
            }, ct);

    /// <summary>Duyệt: freezes the document (snapshot JSON) and its PDF, in its final look, with their SHA-256.</summary>
    public async Task<ReportResult> ApproveAsync(string periodCode, CancellationToken ct)
    {
        if (reports.CanApprove && await duties.ApprovalRefusalAsync(periodCode, ct) is { } refusal) return ReportResult.Conflict(refusal);
        return await MoveAsync(periodCode, reports.CanApprove, async (report, loaded) =>
        {
            if (report.State != ReportState.PendingApproval) return ReportResult.Conflict("Chỉ duyệt được báo cáo đang trình duyệt.");
            var refusals = (await ReadinessAsync(loaded, ct)).Refusals(report.SendReasons);
            if (refusals.Count > 0) return ReportResult.Refused(RefusedMessage, refusals);
            var document = DocumentBuilder.Build(loaded.Inputs);
            var pdf = renderer.Pdf(document);
            var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
            var now = clock.GetUtcNow();
            report.Approve(JsonSerializer.Serialize(document, ReportService.SnapshotJson), pdf, sha, currentUser.Name, now,
                signing.Value.Required != SigningRequirement.None);
            Audit(AuditActions.ReportApproved, loaded, newValue: sha);
            if (report.State == ReportState.Issued) Audit(AuditActions.ReportIssued, loaded, newValue: sha);
            // The compilers hear of it in the same transaction (decision 0025).
            await (report.State == ReportState.Issued ? notifier.ReportIssuedAsync(loaded.Period, ct) : notifier.ReportApprovedAsync(loaded.Period, ct));
            logger.LogInformation("Report {Period} approved by {User}, PDF SHA-256 {Sha}, state {State}", loaded.Period.Code, currentUser.Name, sha, report.State);
            return null;
        }, ct);
    }

    /// <summary>Thu hồi: the report is marked revoked with its files kept; a new draft with its texts replaces it.</summary>
    public Task<ReportResult> RevokeAsync(string periodCode, string? reason, CancellationToken ct) =>
        !reports.CanApprove ? Task.FromResult(ReportResult.Forbidden) : string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(ReportResult.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Cần ghi lý do thu hồi."] }))
            : MoveAsync(periodCode, true, (report, loaded) =>
            {
                report.Revoke(reason, currentUser.Name, clock.GetUtcNow());
                db.Reports.Add(report.Redraft());
                Audit(AuditActions.ReportRevoked, loaded, reason.Trim(), report.PdfSha256);
                return Task.FromResult<ReportResult?>(null);
            }, ct);

    private async Task<ReportReadiness> ReadinessAsync(ReportService.Loaded loaded, CancellationToken ct) =>
        ReportReadiness.Of(ReportLint.Check(loaded.Inputs), await reports.StandingsAsync(loaded.Period.Id, ct));

    private void Audit(string action, ReportService.Loaded loaded, string? reason = null, string? newValue = null) =>
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, action, loaded.Period.Id, newValue: newValue, reason: reason));

    /// <summary>One move: load, apply (a non-null result refuses it and nothing is saved), save once.</summary>
    private async Task<ReportResult> MoveAsync(string periodCode, bool allowed, Func<Report, ReportService.Loaded, Task<ReportResult?>> move, CancellationToken ct)
    {
        if (!allowed) return ReportResult.Forbidden;
        var loaded = await reports.LoadAsync(periodCode, ct);
        if (loaded is null) return ReportResult.NotFound;
        var report = await reports.TrackedReportAsync(loaded, ct);
        try
        {
            if (await move(report, loaded) is { } refused) return refused;
            await db.SaveChangesAsync(ct);
            return ReportResult.Ok;
        }
        catch (DomainException ex)
        {
            return ReportResult.Conflict(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReportResult.Conflict("Báo cáo vừa được người khác cập nhật. Vui lòng tải lại.");
        }
    }
}
