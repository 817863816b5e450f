using System.Net;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DanVan.Tests.Browser.Support;

/// <summary>
/// The real portal on Kestrel at a free 127.0.0.1 port, over a fresh SQLite file in demo mode, for a real browser.
/// The clock is the real one: the browser keeps its own time for cookies, and the demo's open period (2021-Y)
/// takes its deadlines from today whatever today is.
/// </summary>
public sealed class BrowserPortal : DanVanFactory
{
    public BrowserPortal() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(TimeProvider.System);
        });
    }

    public static BrowserPortal Start()
    {
        var portal = new BrowserPortal();
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        portal.BaseAddress = new Uri(address);
        return portal;
    }
}
