using System.Net.Http.Json;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Security;

public sealed class LogForgingTests
{
    [Fact]
    public async Task Line_breaks_in_a_failed_sign_in_email_or_a_path_cannot_write_a_fake_log_line()
    {
        await using var app = new ConfiguredFactory();
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@danvan.local\r\n[09:00:00 INF] User admin@danvan.local signed in", password = "sai-mat-khau-rat-dai" });
        await client.GetAsync("/khong-co%0D%0A[09:00:01 INF] FORGED");

        Assert.Contains(app.Logs.Events, e => e.RenderMessage().Contains("x@danvan.local"));
        Assert.DoesNotContain(app.Logs.Events, e => e.RenderMessage().Any(c => c is '\r' or '\n'));
        var lines = Directory.GetFiles(Path.Combine(app.Folder, "logs")).SelectMany(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd().Split('\n');
        }).ToList();
        Assert.Contains(lines, l => l.Contains("x@danvan.local"));
        Assert.DoesNotContain(lines, l => l.StartsWith("[09:00:0", StringComparison.Ordinal));
    }
}
