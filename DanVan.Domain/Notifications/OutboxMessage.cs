namespace DanVan.Domain.Notifications;

/// <summary>
/// One e-mail to send, written to the outbox in the same transaction as its event (decision 0025). A sender claims
/// it atomically (ClaimToken, ClaimedUntil), sends it with its stable Message-Id, and marks it sent or failed.
/// </summary>
public class OutboxMessage
{
    public const int MaxAddressLength = 256;
    public const int MaxSubjectLength = 300;
    public const int MaxErrorLength = 2000;
    public const int MaxAttempts = 10;

    /// <summary>The first retry comes after this; each next one waits twice as long, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    private OutboxMessage()
    {
        MessageId = "";
        ToAddress = "";
        ToName = "";
        Subject = "";
        TextBody = "";
        HtmlBody = "";
    }

    public long Id { get; private set; }

    /// <summary>The RFC 5322 Message-Id, fixed when the row is written: a re-send after a crash carries the same one.</summary>
    public string MessageId { get; private set; }
    public string? UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string ToAddress { get; private set; }
    public string ToName { get; private set; }
    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public string HtmlBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The SMTP server's answer (or the connection error) of the last failed attempt.</summary>
    public string? LastError { get; private set; }

    public static OutboxMessage Create(
        string? userId, NotificationKind kind, string toAddress, string toName, string subject, string textBody, string htmlBody,
        DateTimeOffset at, string messageDomain) => new()
    {
        MessageId = $"{Guid.NewGuid():N}@{messageDomain}",
        UserId = userId,
        Kind = kind,
        ToAddress = Notification.Clip(toAddress, MaxAddressLength),
        ToName = Notification.Clip(toName, MaxAddressLength),
        Subject = Notification.Clip(subject, MaxSubjectLength),
        TextBody = textBody,
        HtmlBody = htmlBody,
        CreatedAt = at,
        State = OutboxState.Pending,
        NextAttemptAt = at,
    };

    /// <summary>The wait before the attempt after <paramref name="failedAttempts"/> failures: 15 s, 30 s, 1 min, … 1 h.</summary>
    public static TimeSpan RetryDelay(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }

    /// <summary>Where the row goes after a failed attempt: retried later, or failed for good.</summary>
    public static (OutboxState State, DateTimeOffset NextAttemptAt) AfterFailure(int attemptsSoFar, bool permanent, DateTimeOffset now) =>
        permanent || attemptsSoFar >= MaxAttempts
            ? (OutboxState.Failed, now)
            : (OutboxState.Pending, now + RetryDelay(attemptsSoFar));

    public static string ClipError(string error) => Notification.Clip(error, MaxErrorLength);
}
