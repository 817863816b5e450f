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
            // Production refuses an unencrypted key ring: each host gets its own throwaway certificate.
            all["DataProtection:CertificatePath"] = KeyCertificatePath;
            all["DataProtection:CertificatePassword"] = "chỉ-dùng-trong-kiểm-thử";
            all["DataProtection:CreateCertificateIfMissing"] = "true";
            foreach (var (key, value) in settings) all[key] = value;
            return all;
        }
    }

    public string KeyCertificatePath { get; } = Path.Combine(Path.GetTempPath(), "danvan-tests", $"keys-{Guid.NewGuid():N}.pfx");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // Read while services are registered, before the in-memory settings above apply: host settings are seen then.
        foreach (var (key, value) in Settings.Where(s => s.Key.StartsWith("DataProtection:", StringComparison.Ordinal)))
            builder.UseSetting(key, value);
    }

    /// <summary>A browser talking HTTPS to the given host (HSTS is never sent to localhost).</summary>
    public HttpClient HttpsBrowser(string host = "portal.example")
    {
        var client = CreateBrowser();
        client.BaseAddress = new Uri($"https://{host}/");
        return client;
    }
}
