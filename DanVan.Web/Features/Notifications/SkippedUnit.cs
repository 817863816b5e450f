namespace DanVan.Web.Features.Notifications;

public sealed record SkippedUnit(string Unit, string Reason);
