namespace DanVan.Web.Features.Notifications;

/// <summary>POST /api/v1/periods/{period}/reminders: units by code (empty or absent: every unit not yet sent) and a message.</summary>
public sealed record ReminderRequest(List<string>? Units, string? Message);
