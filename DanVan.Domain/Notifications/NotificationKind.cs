namespace DanVan.Domain.Notifications;

/// <summary>What a notification is about; each user can turn e-mail off per kind (the portal keeps the notice).</summary>
public enum NotificationKind
{
    /// <summary>A scheduled reminder before or after the unit deadline.</summary>
    DeadlineReminder = 0,
    /// <summary>“Đôn đốc”: a compiler reminded the unit now.</summary>
    ManualReminder = 1,
    SubmissionReturned = 2,
    SubmissionAccepted = 3,
    SubmissionSent = 4,
    ReportSentForApproval = 5,
    /// <summary>Issued (ban hành): at approval without signatures, or once the agency's signature is verified.</summary>
    ReportIssued = 6,
    /// <summary>Signed digitally; raised by the signing feature through Notifier.ReportSigned.</summary>
    ReportSigned = 7,
    ReportReturned = 8,
    DailySummary = 9,
    /// <summary>Approved, waiting for the signatures (Signing:Required is not None).</summary>
    ReportApproved = 10,
}
