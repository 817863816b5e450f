using DanVan.Domain.Notifications;
using MimeKit;

namespace DanVan.Web.Features.Notifications;

/// <summary>The MIME message of an outbox row: plain text and HTML alternatives, the row's stable Message-Id.</summary>
public static class MailMessages
{
    /// <summary>Null when the row's address cannot be parsed (recorded as a permanent failure by the sender).</summary>
    public static MimeMessage? Build(OutboxMessage row, string from)
    {
        if (!MailboxAddress.TryParse(from, out var sender)) sender = new MailboxAddress("DanVan", "danvan@localhost");
        if (!MailboxAddress.TryParse(row.ToAddress, out var to) || !to.Address.Contains('@', StringComparison.Ordinal)) return null;
        to.Name = row.ToName;
        var body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody };
        var message = new MimeMessage
        {
            Subject = row.Subject,
            Body = body.ToMessageBody(),
            MessageId = row.MessageId,
            Date = row.CreatedAt,
        };
        message.From.Add(sender);
        message.To.Add(to);
        message.Headers.Add("X-DanVan-Kind", row.Kind.ToString());
        return message;
    }

    public const string BadAddress = "Địa chỉ e-mail không hợp lệ";
}
