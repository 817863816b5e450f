using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DanVan.Tests.Support;

/// <summary>
/// The real portal over a fresh SQLite file in demo mode, with a fake clock. One database per factory instance.
/// </summary>
public class DanVanFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    // Each host's file watchers (configuration reload, asp-append-version) took an inotify instance that outlived the
    // host; hundreds of hosts in one run, beside other processes, hit the per-user limit of 128. Polling needs none.
    static DanVanFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    private string _folder = Path.Combine(Path.GetTempPath(), "danvan-tests", Guid.NewGuid().ToString("N"));
    private bool _keepFolder;

    /// <summary>The folder of the database and logs. Setting it reuses that database and keeps it on dispose (a restart).</summary>
    public string Folder
    {
        get => _folder;
        init
        {
            _folder = value;
            _keepFolder = true;
        }
    }

    public string DatabasePath => Path.Combine(_folder, "danvan.db");

    public FakeTimeProvider Clock { get; } = new(Now);

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:DanVan"] = $"Data Source={DatabasePath}",
        ["Seed:Demo"] = "true",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Security:SignInPerAccountPerMinute"] = "1000",
        ["Security:SignInPerAddressPerMinute"] = "10000",
        ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "danvan-.log"),
        // Tests drive the reminder scheduler and the outbox sender themselves, with the fake clock.
        ["Notifications:Worker"] = "false",
        ["Email:PickupFolder"] = Path.Combine(_folder, "mail"),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            // PBKDF2 at its production cost would make the suite's thousands of sign-ins slow; the burst bench keeps it.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
            ConfigureTestServices(services);
            Clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keepFolder) return;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open for a moment; the temp folder is cleaned by the OS.
        }
    }
}
