using DanVan.Data;
using DanVan.Domain.Common;
using DanVan.Domain.Notifications;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Web.Services.Entry;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>
/// Computes the reminders due today and the compilers' daily summary (decision 0026). Each is written once: its mark
/// (unit × period × offset, or period × day) is inserted in the same transaction as its notices and outbox rows,
/// and the mark's unique key refuses a second writer, whether a restart, a late timer or another portal instance.
/// </summary>
public sealed class ReminderScheduler(DanVanDbContext db, Notifier notifier, TimeProvider clock, ILogger<ReminderScheduler> logger)
{
    /// <summary>Writes what is due now; returns how many reminders and summaries it wrote.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        // Reminder days lie within 60 days before and 30 (+ catch-up) after the deadline (ReminderSchedule's limits).
        var from = today.AddDays(-(ReminderSchedule.MaxOffset + ReminderSchedule.CatchUpDays));
        var to = today.AddDays(-ReminderSchedule.MinOffset + ReminderSchedule.CatchUpDays);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => !p.IsIllustrative && !p.IsLocked && p.UnitDeadline >= from && p.UnitDeadline <= to)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var written = 0;
        foreach (var period in periods)
        {
            var offsets = period.ReminderOffsetList;
            var due = ReminderSchedule.DueOffset(period.UnitDeadline, offsets, today);
            var summary = ReminderSchedule.InCollectionWindow(period.UnitDeadline, offsets, today);
            if (due is null && !summary) continue;
            var units = await PeriodEvaluation.EvaluateAsync(db, period, ct);
            if (due is { } offset) written += await RemindAsync(period, units, offset, ct);
            if (summary) written += await SummaryAsync(period, units, today, ct);
        }
        return written;
    }

    private async Task<int> RemindAsync(ReportingPeriod period, IReadOnlyList<UnitEvaluation> units, int offset, CancellationToken ct)
    {
        var marked = (await db.ReminderMarks.AsNoTracking().Where(m => m.PeriodId == period.Id && m.OffsetDays == offset)
            .Select(m => m.UnitId).ToListAsync(ct)).ToHashSet();
        var written = 0;
        foreach (var unit in units.Where(u => !ReminderTexts.HasSent(u) && u.Submission?.IsLocked != true && !marked.Contains(u.Unit.Id)))
        {
            db.ReminderMarks.Add(ReminderMark.Create(period.Id, unit.Unit.Id, offset, clock.GetUtcNow()));
            await notifier.ToUnitAsync(unit.Unit.Id, NotificationKind.DeadlineReminder, ReminderTexts.ScheduledTitle(period, offset),
                ReminderTexts.Body(period, unit), Notifier.EntryLink(period.Code, unit.Unit.Code), ct);
            if (await SaveOnceAsync(ct)) written++;
            else logger.LogInformation("Reminder {Period}/{Unit}/{Offset} already written by another instance", period.Code, unit.Unit.Code, offset);
        }
        return written;
    }

    private async Task<int> SummaryAsync(ReportingPeriod period, IReadOnlyList<UnitEvaluation> units, DateOnly today, CancellationToken ct)
    {
        if (await db.SummaryMarks.AnyAsync(m => m.PeriodId == period.Id && m.Day == today, ct)) return 0;
        db.SummaryMarks.Add(SummaryMark.Create(period.Id, today, clock.GetUtcNow()));
        await notifier.ToRoleAsync(Roles.Compiler, NotificationKind.DailySummary, ReminderTexts.SummaryTitle(period, today),
            ReminderTexts.SummaryBody(period, units, today), Notifier.BoardLink(period), ct);
        return await SaveOnceAsync(ct) ? 1 : 0;
    }

    /// <summary>Saves the mark with its notices; false when the mark's key was already taken (nothing is written then).</summary>
    private async Task<bool> SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
