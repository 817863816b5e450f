namespace DanVan.Domain.Notifications;

public static class NotificationKindText
{
    public static readonly IReadOnlyList<NotificationKind> All = Enum.GetValues<NotificationKind>();

    /// <summary>The Vietnamese label of a kind (account page, admin outbox).</summary>
    public static string Vietnamese(this NotificationKind kind) => kind switch
    {
        NotificationKind.DeadlineReminder => "Nhắc hạn gửi phiếu số liệu",
        NotificationKind.ManualReminder => "Đôn đốc của chuyên viên tổng hợp",
        NotificationKind.SubmissionReturned => "Phiếu bị trả lại",
        NotificationKind.SubmissionAccepted => "Phiếu được tiếp nhận",
        NotificationKind.SubmissionSent => "Đơn vị gửi phiếu",
        NotificationKind.ReportSentForApproval => "Báo cáo trình duyệt",
        NotificationKind.ReportIssued => "Báo cáo được duyệt, ban hành",
        NotificationKind.ReportSigned => "Báo cáo được ký số",
        NotificationKind.ReportReturned => "Báo cáo bị trả lại",
        NotificationKind.DailySummary => "Tổng hợp hằng ngày trong thời gian thu thập",
        _ => kind.ToString(),
    };
}
