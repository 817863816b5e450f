namespace DanVan.Domain.Auditing;

/// <summary>One attributable change: who, when, what, old and new, and why when a reason was required.</summary>
public class AuditEntry
{
    private AuditEntry()
    {
        UserName = "";
        Action = "";
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserName { get; private set; }
    public string Action { get; private set; }
    public int? PeriodId { get; private set; }
    public int? UnitId { get; private set; }
    public string? IndicatorCode { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string? Reason { get; private set; }

    public static AuditEntry Record(
        DateTimeOffset at, string userName, string action, int? periodId = null, int? unitId = null,
        string? indicatorCode = null, string? oldValue = null, string? newValue = null, string? reason = null) => new()
    {
        At = at,
        UserName = userName,
        Action = action,
        PeriodId = periodId,
        UnitId = unitId,
        IndicatorCode = indicatorCode,
        OldValue = oldValue,
        NewValue = newValue,
        Reason = reason,
    };
}

public static class AuditActions
{
    public const string ValueChanged = "value.changed";
    public const string NarrativeChanged = "narrative.changed";
    public const string Submitted = "submission.submitted";
    public const string Accepted = "submission.accepted";
    public const string Returned = "submission.returned";
    public const string Reopened = "submission.reopened";
    public const string PeriodLocked = "period.locked";
    public const string PeriodReopened = "period.reopened";
    public const string PeriodCreated = "period.created";
    public const string PeriodDeadlinesChanged = "period.deadlines";
    public const string PeriodUnitsJoined = "period.units-joined";
    public const string SubmissionLocked = "submission.locked";
    public const string UnitCreated = "unit.created";
    public const string UnitRenamed = "unit.renamed";
    public const string UnitMoved = "unit.moved";
    public const string UnitRetired = "unit.retired";
    public const string UnitRestored = "unit.restored";
    public const string UnitReminded = "notification.reminded";
    public const string OutboxResent = "notification.resent";
    public const string ReminderOffsetsChanged = "period.reminder-offsets";
    public const string ReportWithdrawn = "report.withdrawn";
    public const string ReportRejected = "report.rejected";
    public const string ReportApproved = "report.approved";
    public const string ReportIssued = "report.issued";
    public const string ReportRevoked = "report.revoked";
    public const string SigningSessionOpened = "report.signing-opened";
    public const string SignedFileDownloaded = "report.signing-downloaded";
    public const string SignatureAccepted = "report.signature-accepted";
    public const string SignatureRefused = "report.signature-refused";

    /// <summary>The Vietnamese label of an action for change logs; an unknown action shows as stored.</summary>
    public static string Vietnamese(string action) => action switch
    {
        ValueChanged => "Sửa số liệu",
        NarrativeChanged => "Sửa nội dung",
        Submitted => "Gửi phiếu",
        Accepted => "Tiếp nhận phiếu",
        Returned => "Trả lại phiếu",
        PeriodCreated => "Tạo kỳ báo cáo",
        PeriodDeadlinesChanged => "Sửa hạn gửi",
        PeriodLocked => "Khóa kỳ",
        PeriodReopened => "Mở lại kỳ",
        PeriodUnitsJoined => "Đơn vị tham gia kỳ",
        SubmissionLocked => "Khóa phiếu của đơn vị",
        Reopened => "Mở lại phiếu của đơn vị",
        UnitCreated => "Thêm đơn vị",
        UnitRenamed => "Đổi tên",
        UnitMoved => "Chuyển đơn vị cấp trên",
        UnitRetired => "Ngừng hoạt động",
        UnitRestored => "Hoạt động trở lại",
        UnitReminded => "Đôn đốc đơn vị",
        OutboxResent => "Gửi lại thư",
        ReminderOffsetsChanged => "Sửa ngày nhắc hạn",
        ReportWithdrawn => "Rút lại báo cáo trình duyệt",
        ReportRejected => "Trả lại dự thảo báo cáo",
        ReportApproved => "Duyệt báo cáo",
        ReportIssued => "Ban hành báo cáo",
        ReportRevoked => "Thu hồi báo cáo",
        SigningSessionOpened => "Mở phiên ký số",
        SignedFileDownloaded => "Tải tệp để ký số",
        SignatureAccepted => "Nhận tệp đã ký số",
        SignatureRefused => "Từ chối tệp ký số",
        _ => action,
    };
}
