using DanVan.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.Notifications;

/// <summary>
/// With no SMTP host configured (the demo, a fresh clone): each message becomes an .eml file in Email:PickupFolder
/// (App_Data/mail/ by default), named after its outbox row, so a re-send overwrites rather than duplicates.
/// </summary>
public sealed class PickupFolderTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment) : IMailTransport
{
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupFolder));

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var results = new List<DeliveryResult>();
        foreach (var row in messages)
        {
            var message = MailMessages.Build(row, options.Value.From);
            if (message is null)
            {
                results.Add(new DeliveryResult(row.Id, DeliveryOutcome.Permanent, $"{MailMessages.BadAddress}: {row.ToAddress}"));
                continue;
            }
            var path = Path.Combine(Folder, $"{row.Id:D8}.eml");
            var temporary = path + ".tmp";
            await using (var file = File.Create(temporary))
            {
                await message.WriteToAsync(file, ct);
            }
            File.Move(temporary, path, overwrite: true);
            results.Add(new DeliveryResult(row.Id, DeliveryOutcome.Sent, "Đã ghi " + Path.GetFileName(path)));
        }
        return results;
    }
}
