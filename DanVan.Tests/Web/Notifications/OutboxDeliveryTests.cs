using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using DanVan.Domain.Notifications;
using DanVan.Tests.Support;
using DanVan.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Notifications;

/// <summary>Nothing lost, nothing twice: the outbox against a mail server that is down, a sender that dies, two hosts.</summary>
public sealed class OutboxDeliveryTests
{
    private static async Task RemindAllAsync(DanVanFactory app)
    {
        var compiler = await app.ApiAsync("tonghop@danvan.local");
        var response = await compiler.PostAsJsonAsync("/api/v1/periods/2021-Y/reminders", new { units = Array.Empty<string>(), message = "Đề nghị gửi sớm." });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_mail_server_down_when_a_reminder_is_due_then_up_delivers_it_once()
    {
        var smtp = new TestSmtpServer(); // not listening yet
        await using var app = NotificationTestHost.Portal(smtp);
        await RemindAllAsync(app);
        var rows = await app.DbAsync(db => db.Outbox.CountAsync());
        Assert.True(rows > 0);

        Assert.Equal(0, await app.RunSenderAsync());
        var waiting = await app.DbAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.All(waiting, m =>
        {
            Assert.Equal(OutboxState.Pending, m.State);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("Không kết nối được máy chủ thư", m.LastError);
            Assert.InRange(m.NextAttemptAt - app.Clock.GetUtcNow(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        });
        Assert.Equal(0, await app.RunSenderAsync()); // not due again yet

        smtp.Start();
        try
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(rows, await app.RunSenderAsync());
            app.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(0, await app.RunSenderAsync());
            Assert.Equal(rows, smtp.Received.Count);
            Assert.Equal(rows, smtp.Received.Select(m => m.MessageId).Distinct().Count());
            Assert.True(await app.DbAsync(db => db.Outbox.AllAsync(m => m.State == OutboxState.Sent && m.Attempts == 2)));
        }
        finally
        {
            await smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_portal_stopped_between_claiming_and_sending_delivers_once_after_the_restart()
    {
        await using var smtp = TestSmtpServer.Started();
        // A folder of our own: a factory given one keeps its database when it is disposed (the restart reopens it).
        var folder = Path.Combine(Path.GetTempPath(), "danvan-tests", Guid.NewGuid().ToString("N"));
        var first = NotificationTestHost.Portal(smtp, folder);
        int claimed;
        DateTimeOffset stoppedAt;
        try
        {
            await RemindAllAsync(first);
            var (_, rows) = await first.WithAsync<OutboxSender, (Guid, IReadOnlyList<OutboxMessage>)>(s => s.ClaimAsync(CancellationToken.None));
            claimed = rows.Count;
            Assert.True(claimed > 0);
            stoppedAt = first.Clock.GetUtcNow();
        }
        finally
        {
            await first.DisposeAsync(); // the process ends with the rows claimed and nothing sent
        }
        Assert.Empty(smtp.Received);

        await using var restarted = NotificationTestHost.Portal(smtp, folder);
        restarted.Clock.SetUtcNow(stoppedAt.AddMinutes(1));
        await restarted.RunSenderAsync();
        var stillClaimed = await restarted.DbAsync(db => db.Outbox.CountAsync(m => m.ClaimToken != null));
        Assert.Equal(claimed, stillClaimed); // the claim still holds: nobody else sends them meanwhile

        restarted.Clock.SetUtcNow(stoppedAt.AddSeconds(new NotificationOptions().ClaimSeconds + 1));
        await restarted.RunSenderAsync();
        await restarted.RunSenderAsync();
        var total = await restarted.DbAsync(db => db.Outbox.CountAsync());
        Assert.Equal(total, smtp.Received.Count);
        Assert.Equal(total, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        await restarted.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_send_each_message_once()
    {
        await using var smtp = TestSmtpServer.Started();
        // One row per claim, so the hosts race for every row.
        await using var a = NotificationTestHost.Portal(smtp, null, ("Notifications:BatchSize", "1"));
        await RemindAllAsync(a);
        await using var b = NotificationTestHost.Portal(smtp, a.Folder, ("Notifications:BatchSize", "1"));
        b.Clock.SetUtcNow(a.Clock.GetUtcNow());
        var total = await a.DbAsync(db => db.Outbox.CountAsync());
        Assert.True(total > 2);

        var rounds = Enumerable.Range(0, 4).SelectMany(_ => new[] { a.RunSenderAsync(), b.RunSenderAsync() });
        var sent = (await Task.WhenAll(rounds)).Sum();

        Assert.Equal(total, sent);
        Assert.Equal(total, smtp.Received.Count);
        Assert.Equal(total, smtp.Received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_refused_recipient_and_a_bad_address_are_recorded_not_thrown_and_an_admin_can_resend()
    {
        await using var smtp = TestSmtpServer.Started();
        await using var app = NotificationTestHost.Portal(smtp);
        await app.DbAsync(db => db.Users.Where(u => u.Email == "ttpvhcc@danvan.local")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "refuse@danvan.local")));
        await app.DbAsync(db => db.Users.Where(u => u.Email == "kstthc@danvan.local")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "khong-phai-dia-chi")));

        await RemindAllAsync(app); // the compiler's request succeeds whatever the addresses
        await app.RunSenderAsync();

        var failed = await app.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.State == OutboxState.Failed).ToListAsync());
        Assert.Equal(2, failed.Count);
        Assert.Contains(failed, m => m.ToAddress == "refuse@danvan.local" && m.LastError!.StartsWith("550", StringComparison.Ordinal));
        Assert.Contains(failed, m => m.ToAddress == "khong-phai-dia-chi" && m.LastError!.Contains("Địa chỉ e-mail không hợp lệ"));
        Assert.True(await app.DbAsync(db => db.Outbox.CountAsync(m => m.State == OutboxState.Sent)) > 0);

        var admin = await app.SignedInAsync("admin@danvan.local");
        var page = await admin.GetDocumentAsync("/admin/outbox?state=Failed");
        Assert.Contains("550", page.QuerySelector("[data-testid=outbox]")!.TextContent);
        var refused = failed.Single(m => m.ToAddress == "refuse@danvan.local");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var resend = await admin.PostAsync($"/admin/outbox/{refused.Id}/resend",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal(OutboxState.Pending, await app.DbAsync(db => db.Outbox.Where(m => m.Id == refused.Id).Select(m => m.State).SingleAsync()));
        Assert.True(await app.DbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == DanVan.Domain.Auditing.AuditActions.OutboxResent)));
    }

    [Fact]
    public async Task With_no_mail_server_configured_messages_are_written_as_eml_files()
    {
        await using var app = new DanVanFactory();
        await RemindAllAsync(app);
        var rows = await app.DbAsync(db => db.Outbox.CountAsync());
        Assert.Equal(rows, await app.RunSenderAsync());

        var files = Directory.GetFiles(Path.Combine(app.Folder, "mail"), "*.eml");
        Assert.Equal(rows, files.Length);
        var message = await MimeKit.MimeMessage.LoadAsync(files[0]);
        Assert.StartsWith("[DanVan] Đôn đốc gửi phiếu số liệu kỳ năm 2021", message.Subject);
        Assert.Contains("Lời nhắn của tonghop@danvan.local: Đề nghị gửi sớm.", message.TextBody);
        Assert.NotNull(message.HtmlBody);
    }
}
