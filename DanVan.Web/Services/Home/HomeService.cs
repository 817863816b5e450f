using DanVan.Domain.Common;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Domain.Organization;
using DanVan.Domain.Submissions;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Home;

public sealed record UnitPeriodRow(
    string PeriodCode, string PeriodName, string UnitCode, string UnitName, SubmissionStatus Status,
    DateOnly UnitDeadline, int DaysLeft, UnitWriteAccess Access, bool IsIllustrative);

public sealed record PeriodCompletenessRow(
    string PeriodCode, string PeriodName, DateOnly UnitDeadline, DateOnly SendDeadline, int DaysLeft, bool IsLocked,
    int Units, int NotStarted, int Draft, int Submitted, int Returned, int Accepted, bool IsIllustrative);

public sealed record AdminSummary(int Users, int DisabledUsers, int Units, int Periods, int Templates);

/// <summary>The read models behind each role's home page.</summary>
public sealed class HomeService(DanVanDbContext db, TimeProvider clock)
{
    private DateOnly Today => VietnamTime.Today(clock);

    public async Task<IReadOnlyList<UnitPeriodRow>> UnitPeriodsAsync(IReadOnlySet<int> unitIds, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var rows = await (
                from p in db.Periods.AsNoTracking()
                from u in db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
                join s in db.Submissions.AsNoTracking() on new { PeriodId = p.Id, UnitId = u.Id } equals new { s.PeriodId, s.UnitId } into subs
                from s in subs.DefaultIfEmpty()
                where s != null || db.PeriodParticipants.Any(pp => pp.PeriodId == p.Id && pp.UnitId == u.Id)
                select new
                {
                    p.Code, p.Name, p.UnitDeadline, p.IsLocked, p.IsIllustrative, p.CutoffTo,
                    UnitCode = u.Code, UnitName = u.Name,
                    Status = s == null ? SubmissionStatus.NotStarted : s.Status,
                    SheetLocked = s != null && s.IsLocked,
                    ReopenedUntil = s == null ? null : s.ReopenedUntil,
                })
            .ToListAsync(ct);
        var today = Today;
        return rows
            .OrderByDescending(r => r.CutoffTo).ThenBy(r => r.UnitCode)
            .Select(r => new UnitPeriodRow(
                r.Code, r.Name, r.UnitCode, r.UnitName, r.Status, r.UnitDeadline,
                r.UnitDeadline.DayNumber - today.DayNumber,
                UnitWriteAccess.Of(r.Status, r.SheetLocked, r.ReopenedUntil, r.IsLocked, r.UnitDeadline, today), r.IsIllustrative))
            .ToList();
    }

    public async Task<IReadOnlyList<PeriodCompletenessRow>> CompletenessAsync(CancellationToken ct)
    {
        var participants = await db.PeriodParticipants.AsNoTracking()
            .GroupBy(p => p.PeriodId).Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PeriodId, g => g.Count, ct);
        var periods = await db.Periods.AsNoTracking().OrderByDescending(p => p.CutoffTo).ToListAsync(ct);
        var counts = await db.Submissions.AsNoTracking()
            .GroupBy(s => new { s.PeriodId, s.Status })
            .Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var today = Today;
        return periods.Select(p =>
        {
            int Count(SubmissionStatus status) => counts.Where(c => c.PeriodId == p.Id && c.Status == status).Sum(c => c.Count);
            var started = counts.Where(c => c.PeriodId == p.Id).Sum(c => c.Count);
            var unitCount = Math.Max(participants.GetValueOrDefault(p.Id), started);
            return new PeriodCompletenessRow(
                p.Code, p.Name, p.UnitDeadline, p.SendDeadline, p.UnitDeadline.DayNumber - today.DayNumber, p.IsLocked,
                unitCount, Math.Max(0, unitCount - started) + Count(SubmissionStatus.NotStarted), Count(SubmissionStatus.Draft),
                Count(SubmissionStatus.Submitted), Count(SubmissionStatus.Returned), Count(SubmissionStatus.Accepted),
                p.IsIllustrative);
        }).ToList();
    }

    public async Task<AdminSummary> AdminSummaryAsync(CancellationToken ct) => new(
        await db.Users.CountAsync(ct),
        await db.Users.CountAsync(u => ((AppUser)u).IsDisabled, ct),
        await db.Units.CountAsync(u => !u.IsRetired, ct),
        await db.Periods.CountAsync(ct),
        await db.Templates.CountAsync(ct));
}
