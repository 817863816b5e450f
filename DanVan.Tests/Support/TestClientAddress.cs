using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DanVan.Tests.Support;

/// <summary>
/// The test server has no socket, so no client address: every request comes from <see cref="Default"/>, or from the
/// address in the test-only header <see cref="Header"/>, set before the portal's own pipeline (forwarded headers included).
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";
    public static readonly IPAddress Default = IPAddress.Parse("203.0.113.10");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address) ? address : Default;
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}
