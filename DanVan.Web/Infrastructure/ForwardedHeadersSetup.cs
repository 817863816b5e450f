using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DanVan.Web.Infrastructure;

/// <summary>
/// Only proxies named in configuration may tell us the client address and scheme:
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. the compose
/// network). With none configured the headers are ignored: empty lists would make the middleware trust every client.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in List(configuration["ForwardedHeaders:KnownProxies"]))
        {
            if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
        }
        foreach (var network in List(configuration["ForwardedHeaders:KnownNetworks"]))
        {
            if (System.Net.IPNetwork.TryParse(network, out var parsed)) options.KnownIPNetworks.Add(parsed);
        }
        options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }

    private static string[] List(string? value) => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
}
