using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace DanVan.Tests.Support;

/// <summary>A portal with a few settings of its own, every log event captured, and every password check counted.</summary>
public sealed class ConfiguredFactory(params (string Key, string Value)[] settings) : DanVanFactory
{
    public CapturedLogs Logs { get; } = new();

    public CountingPasswordHasher Hasher { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var all = base.Settings;
            all["Serilog:MinimumLevel:Default"] = "Information";
            foreach (var (key, value) in settings) all[key] = value;
            return all;
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<ILogEventSink>(Logs);
        services.AddSingleton<IPasswordHasher<DanVan.Data.Identity.AppUser>>(sp =>
        {
            Hasher.Inner = ActivatorUtilities.CreateInstance<PasswordHasher<DanVan.Data.Identity.AppUser>>(sp);
            return Hasher;
        });
    }

    /// <summary>A browser whose requests come from this client address.</summary>
    public HttpClient BrowserFrom(string address)
    {
        var client = CreateBrowser();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }
}

public sealed class CountingPasswordHasher : IPasswordHasher<DanVan.Data.Identity.AppUser>
{
    public IPasswordHasher<DanVan.Data.Identity.AppUser> Inner { get; set; } = null!;

    public ConcurrentQueue<string> Verified { get; } = new();

    public string HashPassword(DanVan.Data.Identity.AppUser user, string password) => Inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(DanVan.Data.Identity.AppUser user, string hashedPassword, string providedPassword)
    {
        Verified.Enqueue(user.Email ?? user.UserName ?? "");
        return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
