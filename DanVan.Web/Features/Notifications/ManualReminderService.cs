using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Formatting;
using DanVan.Domain.Notifications;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Web.Infrastructure;
using DanVan.Web.Services.Entry;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>
/// “Đôn đốc”: a compiler (or an admin) reminds one unit, several, or every unit not yet sent, now, with an optional
/// message; audited. At most one per unit per ten minutes, enforced by a conditional UPDATE of the unit's
/// <see cref="ManualReminderMark"/>, so two compilers pressing at once remind the unit once.
/// </summary>
public sealed class ManualReminderService(DanVanDbContext db, CurrentUser currentUser, Notifier notifier, TimeProvider clock)
{
    public const int MaxMessageLength = 1000;
    public const int MaxUnits = 500;

    public async Task<ManualReminderResult> RemindAsync(string periodCode, IReadOnlyList<string>? unitCodes, string? message, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Compiler) && !currentUser.IsInRole(Roles.Admin)) return Fail(ManualReminderOutcome.Forbidden);
        if (!PeriodCode.TryParse(periodCode, out var code)) return Fail(ManualReminderOutcome.NotFound);
        var p = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(x => x.Code == p, ct);
        if (period is null) return Fail(ManualReminderOutcome.NotFound);
        if (period.IsLocked) return Fail(ManualReminderOutcome.Invalid, "Kỳ báo cáo đã khóa, đơn vị không nhập được số liệu nữa.");
        if (message?.Length > MaxMessageLength)
            return Fail(ManualReminderOutcome.Invalid, $"Lời nhắn quá dài (tối đa {VietnameseFormat.Count(MaxMessageLength)} ký tự).");
        if (unitCodes?.Count > MaxUnits) return Fail(ManualReminderOutcome.Invalid, "Quá nhiều đơn vị trong một lần đôn đốc.");

        var units = await PeriodEvaluation.EvaluateAsync(db, period, ct);
        var asked = (unitCodes ?? []).Select(c => (c ?? "").Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var unknown = asked.Where(c => units.All(u => u.Unit.Code != c)).ToList();
        if (unknown.Count > 0)
            return Fail(ManualReminderOutcome.Invalid, $"Đơn vị không tham gia kỳ {period.Name}: {string.Join(", ", unknown)}.");
        var chosen = asked.Count == 0 ? units.Where(u => !ReminderTexts.HasSent(u)).ToList() : units.Where(u => asked.Contains(u.Unit.Code)).ToList();

        var skipped = chosen.Where(ReminderTexts.HasSent).Select(u => new SkippedUnit(u.Unit.Code, "Đơn vị đã gửi phiếu.")).ToList();
        var candidates = chosen.Where(u => !ReminderTexts.HasSent(u)).ToList();
        await EnsureMarksAsync(period.Id, candidates.Select(u => u.Unit.Id), ct);

        var now = clock.GetUtcNow();
        var since = now - ManualReminderMark.MinimumInterval;
        var reminded = new List<string>();
        var tooSoon = new List<DateTimeOffset>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            reminded.Clear();
            tooSoon.Clear();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var unit in candidates)
            {
                var taken = await db.ManualReminderMarks
                    .Where(m => m.PeriodId == period.Id && m.UnitId == unit.Unit.Id && m.LastAt <= since)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastAt, now), ct);
                if (taken == 0)
                {
                    var last = await db.ManualReminderMarks.AsNoTracking()
                        .Where(m => m.PeriodId == period.Id && m.UnitId == unit.Unit.Id).Select(m => m.LastAt).SingleAsync(ct);
                    tooSoon.Add(last + ManualReminderMark.MinimumInterval);
                    continue;
                }
                reminded.Add(unit.Unit.Code);
                await notifier.ToUnitAsync(unit.Unit.Id, NotificationKind.ManualReminder, ReminderTexts.ManualTitle(period),
                    ReminderTexts.Body(period, unit, message, currentUser.Name), Notifier.EntryLink(period.Code, unit.Unit.Code), ct);
                db.AuditEntries.Add(AuditEntry.Record(now, currentUser.Name, AuditActions.UnitReminded, period.Id, unit.Unit.Id,
                    reason: string.IsNullOrWhiteSpace(message) ? null : message.Trim()));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });

        var recent = candidates.Where(u => !reminded.Contains(u.Unit.Code))
            .Select(u => new SkippedUnit(u.Unit.Code, "Đơn vị vừa được đôn đốc dưới 10 phút trước.")).ToList();
        skipped.AddRange(recent);
        if (reminded.Count == 0 && recent.Count > 0 && recent.Count == chosen.Count)
            return new ManualReminderResult(ManualReminderOutcome.TooSoon, [], skipped, tooSoon.Min(),
                $"Các đơn vị này vừa được đôn đốc; có thể đôn đốc lại từ {VietnameseFormat.LocalDateTime(tooSoon.Min())}.");
        return new ManualReminderResult(ManualReminderOutcome.Reminded, reminded, skipped);
    }

    /// <summary>Inserts the units' marks if absent (long ago); a concurrent insert of the same key is harmless.</summary>
    private async Task EnsureMarksAsync(int periodId, IEnumerable<int> unitIds, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var existing = await db.ManualReminderMarks.AsNoTracking().Where(m => m.PeriodId == periodId && ids.Contains(m.UnitId))
            .Select(m => m.UnitId).ToListAsync(ct);
        foreach (var id in ids.Except(existing))
        {
            db.ManualReminderMarks.Add(ManualReminderMark.Create(periodId, id, DateTimeOffset.UnixEpoch));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Another request inserted it first; the conditional update below decides.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static ManualReminderResult Fail(ManualReminderOutcome outcome, string? error = null) => new(outcome, [], [], null, error);
}
