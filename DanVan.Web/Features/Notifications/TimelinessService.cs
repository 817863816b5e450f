using DanVan.Data;
using DanVan.Domain.Common;
using DanVan.Domain.Notifications;
using DanVan.Domain.Periods;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>
/// Sent on time or late by N days against the unit deadline, for the board and the dashboard, and each unit's record
/// over the last <see cref="RecordPeriods"/> periods up to this one (the day sent is the local day of the last send).
/// </summary>
public sealed class TimelinessService(DanVanDbContext db, TimeProvider clock)
{
    public const int RecordPeriods = 6;

    public async Task<IReadOnlyDictionary<string, UnitTimeliness>> ForPeriodAsync(string periodCode, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code)) return new Dictionary<string, UnitTimeliness>();
        var p = code.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(x => x.Code == p, ct);
        if (period is null) return new Dictionary<string, UnitTimeliness>();
        var today = VietnamTime.Today(clock);
        var periods = await db.Periods.AsNoTracking().Where(x => x.CutoffTo <= period.CutoffTo && x.Kind == period.Kind)
            .OrderByDescending(x => x.CutoffTo).Take(RecordPeriods)
            .Select(x => new { x.Id, x.UnitDeadline }).ToListAsync(ct);
        var ids = periods.Select(x => x.Id).ToList();
        var taking = await (from pp in db.PeriodParticipants
                            join u in db.Units on pp.UnitId equals u.Id
                            where ids.Contains(pp.PeriodId) && !u.IsAgency
                            select new { pp.PeriodId, u.Id, u.Code, u.Name, u.SortOrder })
            .AsNoTracking().ToListAsync(ct);
        var sent = (await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.PeriodId))
                .Where(s => s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Accepted)
                .Select(s => new { s.PeriodId, s.UnitId, s.SubmittedAt }).ToListAsync(ct))
            .ToDictionary(s => (s.PeriodId, s.UnitId), s => s.SubmittedAt is { } at ? DateOnly.FromDateTime(VietnamTime.Local(at).DateTime) : today);
        var deadlines = periods.ToDictionary(x => x.Id, x => x.UnitDeadline);

        var result = new Dictionary<string, UnitTimeliness>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in taking.Where(t => t.PeriodId == period.Id).OrderBy(t => t.SortOrder))
        {
            Timeliness Of(int periodId) => Timeliness.Of(deadlines[periodId], sent.TryGetValue((periodId, unit.Id), out var day) ? day : null, today);
            // Only periods whose outcome is known count in the record: sent, or not sent once the deadline passed.
            var record = taking.Where(t => t.Id == unit.Id).Select(t => Of(t.PeriodId))
                .Where(t => t.Sent || t.DaysLate > 0).ToList();
            result[unit.Code] = new UnitTimeliness(unit.Code, unit.Name, Of(period.Id),
                record.Count(t => t.OnTime), record.Count(t => t.Sent && !t.OnTime), record.Count(t => !t.Sent), record.Count);
        }
        return result;
    }
}
