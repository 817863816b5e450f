using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>The admin sets a period's reminder days (7, 3, 0, −1 by default); audited.</summary>
public sealed class ReminderOffsetsService(DanVanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<string?> GetAsync(string periodCode, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(periodCode, out var code)) return null;
        var p = code.ToString();
        return await db.Periods.AsNoTracking().Where(x => x.Code == p).Select(x => x.ReminderOffsets).SingleOrDefaultAsync(ct);
    }

    /// <summary>Null when saved; otherwise the Vietnamese reason (or "forbidden"/"not found" as the outcome says).</summary>
    public async Task<(bool Found, bool Allowed, string? Error)> SetAsync(string periodCode, string? offsets, CancellationToken ct)
    {
        if (!currentUser.IsInRole(Roles.Admin)) return (true, false, null);
        if (!PeriodCode.TryParse(periodCode, out var code)) return (false, true, null);
        var p = code.ToString();
        var period = await db.Periods.SingleOrDefaultAsync(x => x.Code == p, ct);
        if (period is null) return (false, true, null);
        var old = period.ReminderOffsets;
        try
        {
            period.SetReminderOffsets(offsets);
        }
        catch (DomainException ex)
        {
            return (true, true, ex.Message);
        }
        if (old == period.ReminderOffsets) return (true, true, null);
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, AuditActions.ReminderOffsetsChanged, period.Id,
            oldValue: old, newValue: period.ReminderOffsets));
        try
        {
            await db.SaveChangesAsync(ct);
            return (true, true, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (true, true, "Kỳ báo cáo vừa được người khác cập nhật, vui lòng tải lại trang.");
        }
    }
}
