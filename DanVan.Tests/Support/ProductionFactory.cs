using Microsoft.AspNetCore.Hosting;

namespace DanVan.Tests.Support;

/// <summary>The portal with the Production environment (Secure cookies, HSTS, HTTPS for pages) and extra settings.</summary>
public sealed class ProductionFactory(params (string Key, string Value)[] settings) : DanVanFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var all = base.Settings;
            foreach (var (key, value) in settings) all[key] = value;
            return all;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    /// <summary>A browser talking HTTPS to the given host (HSTS is never sent to localhost).</summary>
    public HttpClient HttpsBrowser(string host = "portal.example")
    {
        var client = CreateBrowser();
        client.BaseAddress = new Uri($"https://{host}/");
        return client;
    }
}
