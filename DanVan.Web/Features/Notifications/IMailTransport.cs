using DanVan.Domain.Notifications;

namespace DanVan.Web.Features.Notifications;

/// <summary>Hands messages to a mail server (or a folder). Never throws for a refused message: it reports it.</summary>
public interface IMailTransport
{
    Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct);
}
