using System.Globalization;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Tests.Support;
using DanVan.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Notifications;

/// <summary>Portals sending to a test SMTP server, and the scheduler and sender driven by hand with the fake clock.</summary>
public static class NotificationTestHost
{
    public static ConfiguredFactory Portal(TestSmtpServer smtp, string? folder = null, params (string, string)[] more)
    {
        (string, string)[] settings =
        [
            ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)),
            ("Email:Smtp:TimeoutSeconds", "10"), ("Email:From", "DanVan <danvan@danvan.local>"),
            ("App:PublicBaseUrl", "https://danvan.example.vn"), .. more,
        ];
        return folder is null ? new ConfiguredFactory(settings) : new ConfiguredFactory(settings) { Folder = folder };
    }

    public static async Task<T> WithAsync<TService, T>(this DanVanFactory app, Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<int> RunSchedulerAsync(this DanVanFactory app) =>
        app.WithAsync<ReminderScheduler, int>(s => s.RunOnceAsync(CancellationToken.None));

    public static Task<int> RunSenderAsync(this DanVanFactory app) =>
        app.WithAsync<OutboxSender, int>(s => s.RunOnceAsync(CancellationToken.None));

    public static Task<T> DbAsync<T>(this DanVanFactory app, Func<DanVanDbContext, Task<T>> query) => app.WithAsync(query);

    /// <summary>Sets the fake clock to a local (UTC+7) time.</summary>
    public static void SetLocal(this DanVanFactory app, DateOnly day, int hour = 8) =>
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7)));

    /// <summary>BTCD's figures of the model report with the explanations its two violations need, sent through the API.</summary>
    public static async Task SendBtcdAsync(this DanVanFactory app, string period = "2021-Y")
    {
        var staff = await app.ApiAsync("btcd@danvan.local");
        var unit = $"/api/v1/periods/{period}/units/BTCD";
        var figures = new Dictionary<string, object?>
        {
            ["TCD.TX.LUOT"] = 111, ["TCD.TX.NGUOI"] = 131, ["TCD.TX.DOAN"] = 1, ["TCD.CT.DINHKY"] = 3, ["TCD.CT.DOTXUAT"] = 1,
            ["TCD.CT.DOITHOAI"] = 1, ["TCD.CT.LUOT"] = 5, ["TCD.CT.NGUOI"] = 48, ["TCD.CT.DOAN"] = 2, ["DON.TONG"] = 515,
            ["DON.NHIEUNGUOI"] = 23, ["DON.DUDK"] = 233, ["DON.KHONGDUDK"] = 282, ["DON.KN"] = 174, ["DON.TC"] = 34,
            ["DON.PAKN"] = 307, ["DON.PAKN.DUDK"] = 73, ["DON.PAKN.CHUYEN"] = 68, ["DON.PAKN.DONDOC"] = 5, ["VU.GQ"] = 2, ["VU.TONG"] = 2,
        };
        (await staff.PutAsJsonAsync(unit + "/values", new { values = figures })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync(unit + "/submit", new { explanations = new Dictionary<string, string>() })).EnsureSuccessStatusCode();
    }
}
