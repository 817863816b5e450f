namespace DanVan.Web.Features.Notifications;

/// <summary>What happened to one message: accepted, refused for now (retry), or refused for good (with the server's answer).</summary>
public sealed record DeliveryResult(long MessageId, DeliveryOutcome Outcome, string? Error = null);
