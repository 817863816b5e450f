namespace DanVan.Domain.Submissions;

public enum SubmissionStatus
{
    /// <summary>Chưa nhập.</summary>
    NotStarted = 0,
    /// <summary>Đang nhập.</summary>
    Draft = 1,
    /// <summary>Đã gửi.</summary>
    Submitted = 2,
    /// <summary>Bị trả lại.</summary>
    Returned = 3,
    /// <summary>Đã tiếp nhận.</summary>
    Accepted = 4,
}

public static class SubmissionStatusText
{
    public static string Vietnamese(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.NotStarted => "Chưa nhập",
        SubmissionStatus.Draft => "Đang nhập",
        SubmissionStatus.Submitted => "Đã gửi",
        SubmissionStatus.Returned => "Bị trả lại",
        SubmissionStatus.Accepted => "Đã tiếp nhận",
        _ => status.ToString(),
    };
}
