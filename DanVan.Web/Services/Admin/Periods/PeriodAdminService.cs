using System.Globalization;
using DanVan.Data;
using DanVan.Data.Periods;
using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Formatting;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Submissions;
using DanVan.Web.Authorization;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Admin.Periods;

/// <summary>
/// Admin: periods. Creates a period from a kind and a year (dates derived, bound to the current template version,
/// participants recorded), edits its deadlines, locks and reopens it. Every write is audited.
/// </summary>
public sealed class PeriodAdminService(Access access, DanVanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private DateOnly Today => VietnamTime.Today(clock);

    public async Task<IReadOnlyList<PeriodRow>> ListAsync(CancellationToken ct)
    {
        var periods = await (
                from p in db.Periods.AsNoTracking()
                join t in db.Templates.AsNoTracking() on p.TemplateId equals t.Id
                orderby p.CutoffTo descending, p.CutoffFrom descending
                select new { Period = p, t.Code, t.Version })
            .ToListAsync(ct);
        var participants = await db.PeriodParticipants.AsNoTracking()
            .GroupBy(p => p.PeriodId).Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PeriodId, g => g.Count, ct);
        var counts = await db.Submissions.AsNoTracking()
            .GroupBy(s => new { s.PeriodId, s.Status })
            .Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return periods.Select(x => Row(x.Period, x.Code, x.Version,
            Math.Max(participants.GetValueOrDefault(x.Period.Id), counts.Where(c => c.PeriodId == x.Period.Id).Sum(c => c.Count)),
            counts.Where(c => c.PeriodId == x.Period.Id && c.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted).Sum(c => c.Count),
            counts.Where(c => c.PeriodId == x.Period.Id && c.Status == SubmissionStatus.Accepted).Sum(c => c.Count))).ToList();
    }

    /// <summary>The period a kind and a year would create, or the errors by field.</summary>
    public async Task<(PeriodPreview? Preview, IReadOnlyDictionary<string, string> Errors)> PreviewAsync(
        string? kind, string? year, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var code = ParseCode(kind, year, errors);
        if (code is null) return (null, errors);
        var template = await CurrentTemplateAsync(ct);
        var period = ReportingPeriod.Create(code.Value, template?.Id ?? 0);
        var text = code.Value.ToString();
        var exists = await db.Periods.AnyAsync(p => p.Code == text, ct);
        var units = template is null ? 0 : (await Participation.EligibleUnitIdsAsync(db, template.Id, ct)).Count;
        return (new PeriodPreview(text, code.Value.KindToken, code.Value.Year, period.Name, period.CutoffFrom, period.CutoffTo,
            period.UnitDeadline, period.SendDeadline, template?.Name, template?.Version, units, exists), errors);
    }

    /// <summary>
    /// Creates the period: dates from the kind and year, the deadlines given (or the defaults), the current template
    /// version, and as participants the active units with something to send in it.
    /// </summary>
    public async Task<(ServiceResult<string> Result, ReportingPeriod? Period)> CreateAsync(
        string? kind, string? year, string? unitDeadline, string? sendDeadline, CancellationToken ct)
    {
        if (!await access.CanAsync(Operations.Administer, PeriodResource.All)) return (ServiceResult.Forbidden, null);
        var errors = new Dictionary<string, string>();
        var code = ParseCode(kind, year, errors);
        var unitDate = ParseDate(unitDeadline, PeriodFields.UnitDeadline, errors);
        var sendDate = ParseDate(sendDeadline, PeriodFields.SendDeadline, errors);
        if (code is null || errors.Count > 0) return (ServiceResult.Invalid(errors), null);

        var template = await CurrentTemplateAsync(ct);
        if (template is null) return (ServiceResult.Invalid("", "Chưa có đề cương báo cáo; hãy nhập đề cương trước khi tạo kỳ."), null);
        var text = code.Value.ToString();
        if (await db.Periods.AnyAsync(p => p.Code == text, ct)) return (Exists(code.Value), null);

        var period = ReportingPeriod.Create(code.Value, template.Id);
        if (unitDate is not null || sendDate is not null)
        {
            var (u, s) = (unitDate ?? period.UnitDeadline, sendDate ?? period.SendDeadline);
            var (unitError, sendError) = period.CheckDeadlines(u, s);
            if (unitError is not null) errors[PeriodFields.UnitDeadline] = unitError;
            if (sendError is not null) errors[PeriodFields.SendDeadline] = sendError;
            if (errors.Count > 0) return (ServiceResult.Invalid(errors), null);
            period.SetDeadlines(u, s);
        }
        var units = await Participation.EligibleUnitIdsAsync(db, template.Id, ct);
        period.Enrol(units);

        try
        {
            // The audit entry names the period's id, which exists once the period is inserted: one transaction.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Periods.Add(period);
            await db.SaveChangesAsync(ct);
            db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, AuditActions.PeriodCreated, period.Id,
                newValue: $"{period.Code}: chốt số liệu {Short(period.CutoffFrom)} – {Short(period.CutoffTo)}; hạn đơn vị {Short(period.UnitDeadline)}; "
                    + $"hạn gửi báo cáo {Short(period.SendDeadline)}; đề cương {template.Code} phiên bản {template.Version}; {units.Count} đơn vị tham gia"));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (ServiceResult<string>.Ok(period.Code), period);
        }
        catch (DbUpdateException)
        {
            // Another admin created it a moment ago: the unique code refused this one.
            db.ChangeTracker.Clear();
            if (await db.Periods.AnyAsync(p => p.Code == text, ct)) return (Exists(code.Value), null);
            throw;
        }
    }

    public async Task<PeriodDetail?> DetailAsync(string periodCode, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code)) return null;
        var text = code.ToString();
        var found = await (
                from p in db.Periods.AsNoTracking()
                join t in db.Templates.AsNoTracking() on p.TemplateId equals t.Id
                where p.Code == text
                select new { Period = p, t.Code, t.Version })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var period = found.Period;
        var id = period.Id;

        var units = await (
                from u in db.Units.AsNoTracking()
                join s in db.Submissions.AsNoTracking().Where(s => s.PeriodId == id) on u.Id equals s.UnitId into subs
                from s in subs.DefaultIfEmpty()
                where !u.IsAgency && (s != null || db.PeriodParticipants.Any(pp => pp.PeriodId == id && pp.UnitId == u.Id))
                orderby u.SortOrder, u.Code
                select new ParticipantRow(u.Code, u.Name, u.IsRetired, s == null ? SubmissionStatus.NotStarted : s.Status,
                    s != null && s.IsLocked, s == null ? null : s.ReopenedUntil))
            .ToListAsync(ct);
        var today = Today;
        units = units.Select(u => u with
        {
            Access = UnitWriteAccess.Of(u.Status, u.IsLocked, u.ReopenedUntil, period.IsLocked, period.UnitDeadline, today),
        }).ToList();

        var log = await (
                from a in db.AuditEntries.AsNoTracking()
                where a.PeriodId == id && (a.Action.StartsWith("period.") || a.Action == AuditActions.SubmissionLocked || a.Action == AuditActions.Reopened)
                orderby a.Id descending
                select a)
            .Take(50)
            .ToListAsync(ct);
        var unitCodes = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);

        var row = Row(period, found.Code, found.Version, units.Count,
            units.Count(u => u.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted),
            units.Count(u => u.Status == SubmissionStatus.Accepted));
        return new PeriodDetail(row, period.Version, period.IsOpenForUnits(Today), Today, units,
            log.Select(a => new AuditRow(a.At, a.UserName, a.Action, a.UnitId is { } u ? unitCodes.GetValueOrDefault(u) : null,
                a.OldValue, a.NewValue, a.Reason)).ToList());
    }

    public async Task<ServiceResult<string>> SetDeadlinesAsync(
        string periodCode, Guid? version, string? unitDeadline, string? sendDeadline, string? reason, CancellationToken ct)
    {
        if (!await access.CanAsync(Operations.Administer, PeriodResource.All)) return ServiceResult.Forbidden;
        var errors = new Dictionary<string, string>();
        var unitDate = ParseDate(unitDeadline, PeriodFields.UnitDeadline, errors, required: true);
        var sendDate = ParseDate(sendDeadline, PeriodFields.SendDeadline, errors, required: true);
        if (reason?.Length > AdminAuditText.MaxReasonLength) errors[PeriodFields.Reason] = ReasonTooLong;
        if (errors.Count > 0) return ServiceResult.Invalid(errors);

        return await ChangeAsync(periodCode, version, period =>
        {
            var (unitError, sendError) = period.CheckDeadlines(unitDate!.Value, sendDate!.Value);
            if (unitError is not null) errors[PeriodFields.UnitDeadline] = unitError;
            if (sendError is not null) errors[PeriodFields.SendDeadline] = sendError;
            if (errors.Count > 0) return ServiceResult.Invalid(errors);
            if (period.UnitDeadline == unitDate && period.SendDeadline == sendDate)
                return ServiceResult.Invalid(PeriodFields.UnitDeadline, "Hạn gửi không thay đổi.");
            var old = Deadlines(period.UnitDeadline, period.SendDeadline);
            period.SetDeadlines(unitDate.Value, sendDate.Value);
            return Audit(period, AuditActions.PeriodDeadlinesChanged, old, Deadlines(period.UnitDeadline, period.SendDeadline), reason);
        }, ct);
    }

    public Task<ServiceResult<string>> LockAsync(string periodCode, Guid? version, string? reason, CancellationToken ct) =>
        LockOrReopenAsync(periodCode, version, reason, lockIt: true, ct);

    public Task<ServiceResult<string>> ReopenAsync(string periodCode, Guid? version, string? reason, CancellationToken ct) =>
        LockOrReopenAsync(periodCode, version, reason, lockIt: false, ct);

    private async Task<ServiceResult<string>> LockOrReopenAsync(string periodCode, Guid? version, string? reason, bool lockIt, CancellationToken ct)
    {
        if (!await access.CanAsync(Operations.Administer, PeriodResource.All)) return ServiceResult.Forbidden;
        if (string.IsNullOrWhiteSpace(reason))
            return ServiceResult.Invalid(PeriodFields.Reason, lockIt ? "Cần ghi lý do khóa kỳ." : "Cần ghi lý do mở lại kỳ.");
        if (reason.Length > AdminAuditText.MaxReasonLength) return ServiceResult.Invalid(PeriodFields.Reason, ReasonTooLong);
        return await ChangeAsync(periodCode, version, period =>
        {
            if (lockIt) period.Lock();
            else period.Reopen();
            return Audit(period, lockIt ? AuditActions.PeriodLocked : AuditActions.PeriodReopened,
                lockIt ? "mở" : "khóa", lockIt ? "khóa" : "mở", reason);
        }, ct);
    }

    /// <summary>
    /// Loads the period for a change, refuses a stale form (another admin saved since it was shown), applies the change
    /// and saves it with its audit entry in one SaveChanges.
    /// </summary>
    private async Task<ServiceResult<string>> ChangeAsync(string periodCode, Guid? version, Func<ReportingPeriod, ServiceResult<string>> change, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code)) return ServiceResult.NotFound;
        var text = code.ToString();
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Code == text, ct);
        if (period is null) return ServiceResult.NotFound;
        if (version is { } expected && expected != period.Version) return Stale(period.Code);
        try
        {
            var result = change(period);
            if (!result.IsOk) return result;
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DomainException ex)
        {
            return ServiceResult.Invalid("", ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(period.Code);
        }
    }

    private ServiceResult<string> Audit(ReportingPeriod period, string action, string? oldValue, string? newValue, string? reason)
    {
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, action, period.Id,
            oldValue: oldValue, newValue: newValue, reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        return ServiceResult<string>.Ok(period.Code);
    }

    private static ServiceResult<string> Stale(string code) =>
        ServiceResult.Conflict("Kỳ báo cáo vừa được người khác cập nhật. Trang đã được tải lại với dữ liệu mới; vui lòng xem lại rồi thực hiện lại.").With(code);

    private static ServiceResult<string> Exists(PeriodCode code) =>
        ServiceResult.Conflict($"Kỳ {code} ({code.Name}) đã có, không tạo lại.").With(code.ToString());

    private sealed record TemplateRef(int Id, string Code, string Name, int Version);

    /// <summary>The current template: the newest published version (periods bind to it when they are created).</summary>
    private Task<TemplateRef?> CurrentTemplateAsync(CancellationToken ct) =>
        db.Templates.AsNoTracking().Where(t => !t.IsDraft).OrderByDescending(t => t.Version).ThenByDescending(t => t.Id)
            .Select(t => new TemplateRef(t.Id, t.Code, t.Name, t.Version)).FirstOrDefaultAsync(ct);

    /// <summary>A period code from a kind token and a year typed by a person or sent by the API, or null with errors.</summary>
    public static PeriodCode? ParseCode(string? kind, string? year, IDictionary<string, string> errors)
    {
        var token = kind?.Trim().ToUpperInvariant() ?? "";
        if (token.Length == 0) errors[PeriodFields.Kind] = "Chọn loại kỳ.";
        else if (PeriodKinds.All.All(k => k.Token != token)) errors[PeriodFields.Kind] = "Loại kỳ không hợp lệ (H1, 9M, Y, Q1–Q4, M01–M12).";
        var yearText = year?.Trim() ?? "";
        int value = 0;
        if (yearText.Length == 0) errors[PeriodFields.Year] = "Nhập năm.";
        else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value is < PeriodCode.MinYear or > PeriodCode.MaxYear)
            errors[PeriodFields.Year] = $"Năm phải là số từ {PeriodCode.MinYear} đến {PeriodCode.MaxYear}.";
        if (errors.ContainsKey(PeriodFields.Kind) || errors.ContainsKey(PeriodFields.Year)) return null;
        return PeriodCode.FromKindToken(token, value);
    }

    private static DateOnly? ParseDate(string? text, string field, IDictionary<string, string> errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors[field] = "Nhập ngày.";
            return null;
        }
        // <input type="date"> sends yyyy-MM-dd; people typing by hand write dd/MM/yyyy.
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= PeriodCode.MinYear - 1 and <= PeriodCode.MaxYear + 1)
            return date;
        errors[field] = "Ngày không hợp lệ (ngày/tháng/năm).";
        return null;
    }

    private static PeriodRow Row(ReportingPeriod p, string templateCode, int templateVersion, int units, int sent, int accepted) => new(
        p.Code, p.Name, p.CutoffFrom, p.CutoffTo, p.UnitDeadline, p.SendDeadline, templateCode, templateVersion, p.IsLocked,
        p.IsIllustrative, units, sent, accepted);

    private static string Short(DateOnly date) => VietnameseFormat.ShortDate(date);

    private static string Deadlines(DateOnly unit, DateOnly send) => $"hạn đơn vị {Short(unit)}; hạn gửi báo cáo {Short(send)}";

    private const string ReasonTooLong = "Lý do quá dài (tối đa 1.000 ký tự).";
}
