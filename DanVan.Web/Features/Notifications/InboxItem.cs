using DanVan.Domain.Notifications;

namespace DanVan.Web.Features.Notifications;

public sealed record InboxItem(long Id, NotificationKind Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
