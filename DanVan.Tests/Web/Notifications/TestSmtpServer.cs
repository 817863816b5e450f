using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DanVan.Tests.Web.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, keeping what it receives. It can be started
/// late (the portal's mail server down, then up) and refuses recipients whose local part is "refuse" with 550.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public static TestSmtpServer Started()
    {
        var server = new TestSmtpServer();
        server.Start();
        return server;
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(Received));
        services.Add(new RefusingFilter());
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        try
        {
            if (_running is not null) await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RefusingFilter : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!string.Equals(to.User, "refuse", StringComparison.OrdinalIgnoreCase));
    }
}
