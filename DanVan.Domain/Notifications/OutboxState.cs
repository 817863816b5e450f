namespace DanVan.Domain.Notifications;

public enum OutboxState
{
    /// <summary>Waiting to be sent (or to be retried after a temporary failure).</summary>
    Pending = 0,
    Sent = 1,
    /// <summary>Refused for good (bad address, 5xx answer) or out of attempts; an admin can resend it.</summary>
    Failed = 2,
}
