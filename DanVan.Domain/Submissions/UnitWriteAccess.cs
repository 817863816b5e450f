using DanVan.Domain.Formatting;

namespace DanVan.Domain.Submissions;

/// <summary>Whether the unit's time window for writing is open, and if not what closed it.</summary>
public enum UnitWriteWindow
{
    Open,
    Reopened,
    SheetLocked,
    PeriodLocked,
    PastDeadline,
}

/// <summary>
/// "May this unit write its sheet now, and if not, why": the one rule behind the entry form, the API, the unit's
/// home page and the admin's period page. The window (locks, deadline, reopening) and the status (a sent sheet is
/// read-only) are kept apart so that pages can say which one closed it.
/// </summary>
public sealed record UnitWriteAccess(UnitWriteWindow Window, bool IsSent, DateOnly? ReopenedUntil, string? Reason)
{
    public bool MayWrite => Reason is null;

    public bool WindowOpen => Window is UnitWriteWindow.Open or UnitWriteWindow.Reopened;

    /// <param name="status">NotStarted when the unit has no submission yet.</param>
    public static UnitWriteAccess Of(
        SubmissionStatus status, bool sheetLocked, DateOnly? reopenedUntil, bool periodLocked, DateOnly unitDeadline, DateOnly today)
    {
        var sent = status is not (SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned);
        var periodOpen = !periodLocked && today <= unitDeadline;
        var reopened = !periodOpen && reopenedUntil is { } until && today <= until;
        var window = sheetLocked ? UnitWriteWindow.SheetLocked
            : periodOpen ? UnitWriteWindow.Open
            : reopened ? UnitWriteWindow.Reopened
            : periodLocked ? UnitWriteWindow.PeriodLocked
            : UnitWriteWindow.PastDeadline;
        var reason = window == UnitWriteWindow.SheetLocked ? "Quản trị đã khóa phiếu của đơn vị trong kỳ này, đơn vị không thể sửa số liệu."
            : sent ? "Phiếu đã gửi hoặc đã được tiếp nhận, không thể sửa."
            : window == UnitWriteWindow.PeriodLocked ? "Kỳ báo cáo đã khóa, đơn vị không thể sửa số liệu."
            : window == UnitWriteWindow.PastDeadline ? $"Đã quá hạn gửi số liệu ({VietnameseFormat.ShortDate(unitDeadline)}), đơn vị không thể sửa."
            : null;
        return new UnitWriteAccess(window, sent, reopened ? reopenedUntil : null, reason);
    }
}
