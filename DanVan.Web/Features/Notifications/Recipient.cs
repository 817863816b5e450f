namespace DanVan.Web.Features.Notifications;

public sealed record Recipient(string UserId, string? Email, string Name);
