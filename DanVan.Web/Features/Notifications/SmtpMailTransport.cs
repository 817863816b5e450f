using DanVan.Domain.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.Notifications;

/// <summary>MailKit over SMTP (Email:Smtp:*): one connection per batch; 5xx answers are permanent, the rest retried.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options, ILogger<SmtpMailTransport> logger) : IMailTransport
{
    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var settings = options.Value;
        var results = new List<DeliveryResult>();
        using var client = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
        try
        {
            var security = settings.Smtp.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(settings.Smtp.Host ?? "localhost", settings.Smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(settings.Smtp.User)) await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("SMTP server {Host}:{Port} not reachable: {Error}", settings.Smtp.Host, settings.Smtp.Port, ex.Message);
            return messages.Select(m => new DeliveryResult(m.Id, DeliveryOutcome.Temporary, "Không kết nối được máy chủ thư: " + ex.Message)).ToList();
        }

        foreach (var row in messages)
        {
            if (!client.IsConnected)
            {
                results.Add(new DeliveryResult(row.Id, DeliveryOutcome.Temporary, "Mất kết nối với máy chủ thư."));
                continue;
            }
            var message = MailMessages.Build(row, settings.From);
            if (message is null)
            {
                results.Add(new DeliveryResult(row.Id, DeliveryOutcome.Permanent, $"{MailMessages.BadAddress}: {row.ToAddress}"));
                continue;
            }
            try
            {
                var answer = await client.SendAsync(message, ct);
                results.Add(new DeliveryResult(row.Id, DeliveryOutcome.Sent, answer));
            }
            catch (SmtpCommandException ex)
            {
                var permanent = (int)ex.StatusCode >= 500;
                results.Add(new DeliveryResult(row.Id, permanent ? DeliveryOutcome.Permanent : DeliveryOutcome.Temporary,
                    $"{(int)ex.StatusCode} {ex.Message}"));
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or ServiceNotConnectedException or TimeoutException)
            {
                results.Add(new DeliveryResult(row.Id, DeliveryOutcome.Temporary, ex.Message));
            }
        }
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException)
            {
                logger.LogDebug("SMTP QUIT failed: {Error}", ex.Message);
            }
        }
        return results;
    }
}
