using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Domain.Organization;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.SeparationOfDuties;

/// <summary>
/// Four eyes (issue 19 item 7): nobody issues a report they sent for approval, and nobody accepts the sheet of
/// their own unit (or one they sent). Kept apart from the workflows so that each needs one call; the admin's user
/// form warns when an account's roles combine these duties (<see cref="RoleWarning"/>).
/// </summary>
public sealed class SeparationOfDuties(DanVanDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Audit action of "trình duyệt": who sent the report is what the approval is checked against.</summary>
    public const string ReportSent = "report.submitted";

    public AuditEntry RecordReportSent(int periodId) => AuditEntry.Record(clock.GetUtcNow(), currentUser.Name, ReportSent, periodId);

    /// <summary>Null when the current user may issue the period's report; otherwise why not.</summary>
    public async Task<string?> ApprovalRefusalAsync(string periodCode, CancellationToken ct)
    {
        var sender = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ReportSent && db.Periods.Any(p => p.Id == a.PeriodId && p.Code == periodCode))
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(ct);
        return sender is not null && string.Equals(sender, currentUser.Name, StringComparison.OrdinalIgnoreCase)
            ? "Bạn đã trình báo cáo này nên không được tự duyệt ban hành. Một lãnh đạo khác cần duyệt."
            : null;
    }

    /// <summary>Null when the current user may accept this unit's sheet; otherwise why not.</summary>
    public async Task<string?> AcceptRefusalAsync(int unitId, string? submittedBy, CancellationToken ct)
    {
        if ((await currentUser.UnitIdsAsync(ct)).Contains(unitId))
            return "Bạn thuộc đơn vị này nên không được tiếp nhận phiếu của chính đơn vị mình. Một chuyên viên tổng hợp khác cần tiếp nhận.";
        return submittedBy is not null && string.Equals(submittedBy, currentUser.Name, StringComparison.OrdinalIgnoreCase)
            ? "Bạn đã gửi phiếu này nên không được tự tiếp nhận."
            : null;
    }

    /// <summary>The warning the admin sees when one account holds duties that check each other.</summary>
    public static string? RoleWarning(IEnumerable<string> roles, bool hasUnits)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var parts = new List<string>();
        if (set.Contains(Roles.Compiler) && set.Contains(Roles.Leader))
            parts.Add("vừa là chuyên viên tổng hợp vừa là lãnh đạo: không được duyệt ban hành báo cáo do chính mình trình");
        if (set.Contains(Roles.Compiler) && (set.Contains(Roles.UnitStaff) || hasUnits))
            parts.Add("vừa là chuyên viên tổng hợp vừa là cán bộ đơn vị: không được tiếp nhận phiếu của chính đơn vị mình");
        return parts.Count == 0 ? null : "Lưu ý phân tách nhiệm vụ: tài khoản này " + string.Join("; ", parts) + ".";
    }
}
