using DanVan.Data;
using DanVan.Domain.Common;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using DanVan.Web.Authorization;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

public sealed record BoardRow(
    string UnitCode, string UnitName, SubmissionStatus Status, string? LastChangedBy, DateTimeOffset? LastChangedAt,
    int Violations, int Explained, int Missing, DateOnly? ReopenedUntil, bool IsLocked = false);

public sealed record Board(
    string PeriodCode, string PeriodName, bool IsLocked, bool IsIllustrative, DateOnly UnitDeadline, int DaysLeft,
    IReadOnlyList<BoardRow> Rows);

public sealed record PeriodViolation(string UnitCode, string Rule, string Message, Severity Severity, string? Explanation);

/// <summary>The compiler's side: completeness board, accept, return; the admin's reopen.</summary>
public sealed class ReviewService(
    DanVanDbContext db, CurrentUser currentUser, Access access, TimeProvider clock, DanVan.Web.Features.SeparationOfDuties.SeparationOfDuties duties,
    DanVan.Web.Features.Notifications.Notifier notifier)
{
    public const int MaxReasonLength = 1000;
    private const string ReasonTooLong = "Lý do quá dài (tối đa 1.000 ký tự).";

    private DateOnly Today => VietnamTime.Today(clock);

    public async Task<Board?> BoardAsync(string periodCode, CancellationToken ct)
    {
        var period = await FindPeriodAsync(periodCode, ct);
        if (period is null) return null;
        var rows = (await PeriodEvaluation.EvaluateAsync(db, period, ct)).Select(e => new BoardRow(
            e.Unit.Code, e.Unit.Name, e.Submission?.Status ?? SubmissionStatus.NotStarted, e.Submission?.LastChangedBy,
            e.Submission?.LastChangedAt, e.Violations.Count, e.Violations.Count(v => !string.IsNullOrWhiteSpace(v.Explanation)),
            e.Missing.Count, e.Submission?.ReopenedUntil, e.Submission?.IsLocked ?? false)).ToList();
        return new Board(period.Code, period.Name, period.IsLocked, period.IsIllustrative, period.UnitDeadline,
            period.DaysToUnitDeadline(Today), rows);
    }

    public async Task<IReadOnlyList<PeriodViolation>?> ViolationsAsync(string periodCode, CancellationToken ct)
    {
        var period = await FindPeriodAsync(periodCode, ct);
        return period is null ? null : (await PeriodEvaluation.EvaluateAsync(db, period, ct)).SelectMany(e => e.Violations).ToList();
    }

    public Task<ServiceResult> AcceptAsync(string periodCode, string unitCode, CancellationToken ct) =>
        ReviewAsync(periodCode, unitCode, (s, user, at) => s.Accept(user, at), ct, accepting: true);

    public Task<ServiceResult> ReturnAsync(string periodCode, string unitCode, string? comment, CancellationToken ct)
    {
        var invalid = string.IsNullOrWhiteSpace(comment) ? ServiceResult.Invalid("comment", "Cần ghi ý kiến khi trả lại.")
            : comment.Length > Submission.MaxCommentLength ? ServiceResult.Invalid("comment", $"Ý kiến quá dài (tối đa {Submission.MaxCommentLength} ký tự).")
            : null;
        return ReviewAsync(periodCode, unitCode, (s, user, at) => s.Return(user, at, comment!), ct, invalid: invalid);
    }

    /// <summary>Admin: let a unit edit after the deadline or lock until a day (recorded in the audit log).</summary>
    public async Task<ServiceResult> ReopenAsync(
        string periodCode, string unitCode, DateOnly until, string? reason, CancellationToken ct)
    {
        var invalid = until < Today ? ServiceResult.Invalid("until", "Ngày mở lại phải từ hôm nay trở đi.")
            : reason?.Length > MaxReasonLength ? ServiceResult.Invalid("reason", ReasonTooLong)
            : null;
        return await AdministerAsync(periodCode, unitCode, (s, user, at) => s.Reopen(until, user, at, reason ?? ""), invalid, ct);
    }

    /// <summary>Admin: close one unit's sheet in the period, whatever the period's state, until reopened (audited).</summary>
    public async Task<ServiceResult> LockAsync(string periodCode, string unitCode, string? reason, CancellationToken ct)
    {
        var invalid = reason?.Length > MaxReasonLength ? ServiceResult.Invalid("reason", ReasonTooLong) : null;
        return await AdministerAsync(periodCode, unitCode, (s, user, at) => s.Lock(user, at, reason ?? ""), invalid, ct);
    }

    private async Task<ServiceResult> AdministerAsync(
        string periodCode, string unitCode, Func<Submission, string, DateTimeOffset, Domain.Auditing.AuditEntry> action,
        ServiceResult? invalid, CancellationToken ct)
    {
        var (submission, period, unit) = await LoadAsync(periodCode, unitCode, ct);
        if (period is null || unit is null) return ServiceResult.NotFound;
        if (!await access.CanAsync(Operations.Administer, new UnitSheet(unit.Id))) return ServiceResult.Forbidden;
        if (invalid is not null) return invalid;
        if (submission is null)
        {
            if (!await db.PeriodParticipants.AnyAsync(p => p.PeriodId == period.Id && p.UnitId == unit.Id, ct))
                return ServiceResult.NotFound;
            submission = db.Submissions.Add(Submission.Start(period.Id, unit.Id)).Entity;
        }
        try
        {
            db.AuditEntries.Add(action(submission, currentUser.Name, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return ServiceResult.Ok();
        }
        catch (DomainException ex)
        {
            return ServiceResult.Invalid("", ex.Message);
        }
        catch (DbUpdateException)
        {
            // A concurrency token, or two admins starting the same (period, unit) submission at once.
            return ServiceResult.Conflict("Phiếu vừa được cập nhật, vui lòng thử lại.");
        }
    }

    private async Task<ServiceResult> ReviewAsync(
        string periodCode, string unitCode, Func<Submission, string, DateTimeOffset, Domain.Auditing.AuditEntry> action, CancellationToken ct,
        bool accepting = false, ServiceResult? invalid = null)
    {
        var (submission, period, unit) = await LoadAsync(periodCode, unitCode, ct);
        if (period is null || unit is null) return ServiceResult.NotFound;
        if (!await access.CanAsync(Operations.Review, new UnitSheet(unit.Id))) return ServiceResult.Forbidden;
        if (invalid is not null) return invalid;
        if (submission is null) return ServiceResult.Refused("Đơn vị chưa gửi phiếu số liệu.");
        if (accepting && await duties.AcceptRefusalAsync(unit.Id, submission.SubmittedBy, ct) is { } refusal) return ServiceResult.Refused(refusal);
        try
        {
            db.AuditEntries.Add(action(submission, currentUser.Name, clock.GetUtcNow()));
            // The unit hears of it in the same transaction (decision 0025).
            var unitRef = new UnitRef(unit.Id, unit.Code, unit.Name);
            if (accepting) await notifier.SubmissionAcceptedAsync(period, unitRef, ct);
            else await notifier.SubmissionReturnedAsync(period, unitRef, submission.ReturnComment ?? "", ct);
            await db.SaveChangesAsync(ct);
            return ServiceResult.Ok();
        }
        catch (DomainException ex)
        {
            return ServiceResult.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict("Phiếu vừa được cập nhật, vui lòng tải lại trang.");
        }
    }

    private async Task<(Submission?, ReportingPeriod?, Unit?)> LoadAsync(string periodCode, string unitCode, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code) || unitCode.Length > 32) return (null, null, null);
        var p = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(x => x.Code == p, ct);
        var u = unitCode.ToUpperInvariant();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(x => x.Code == u && !x.IsAgency, ct);
        if (period is null || unit is null) return (null, period, unit);
        var submission = await db.Submissions.Include(s => s.Explanations)
            .SingleOrDefaultAsync(s => s.PeriodId == period.Id && s.UnitId == unit.Id, ct);
        return (submission, period, unit);
    }

    private async Task<ReportingPeriod?> FindPeriodAsync(string periodCode, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code)) return null;
        var p = code.ToString();
        return await db.Periods.AsNoTracking().SingleOrDefaultAsync(x => x.Code == p, ct);
    }
}
