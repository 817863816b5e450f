using DanVan.Domain.Notifications;

namespace DanVan.Web.Features.Notifications;

public sealed record OutboxRow(
    long Id, NotificationKind Kind, string ToAddress, string Subject, OutboxState State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError, string MessageId);
