namespace DanVan.Web.Features.Notifications;

public enum DeliveryOutcome
{
    Sent,
    Temporary,
    Permanent,
}
