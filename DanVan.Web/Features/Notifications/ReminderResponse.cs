namespace DanVan.Web.Features.Notifications;

public sealed record ReminderResponse(IReadOnlyList<string> Reminded, IReadOnlyList<SkippedUnit> Skipped);
