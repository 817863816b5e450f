namespace DanVan.Web.Features.Notifications;

public sealed record NotificationDto(long Id, string Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, bool Read);
