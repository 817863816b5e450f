using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Entry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Security;

[Collection(SharedPortal.Name)]
public sealed class HeaderTests(DanVanFactory factory)
{
    [Fact]
    public async Task Signed_in_pages_carry_the_browser_protections_and_are_not_cached()
    {
        var client = await factory.SignedInAsync("tonghop@danvan.local");
        var response = await client.GetAsync("/entry/2021-H1/BTCD");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Server"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*(src=|type=\"application/json\"))", html); // no inline executable script
    }

    [Fact]
    public async Task Static_files_are_cacheable_and_forms_carry_antiforgery_tokens()
    {
        var client = await factory.SignedInAsync("btcd@danvan.local");
        var css = await client.GetAsync("/lib/bootstrap/css/bootstrap.min.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("no-store", css.Headers.CacheControl?.ToString() ?? "");

        var page = await client.GetDocumentAsync("/entry/2021-Y/BTCD");
        foreach (var form in page.QuerySelectorAll("form[method='post']"))
            Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        var response = await factory.CreateBrowser().SignInAsync("lanhdao@danvan.local");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var auth = cookies.Single(c => c.StartsWith("DanVan.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth.ToLowerInvariant());
        Assert.Contains("samesite=lax", auth.ToLowerInvariant());
    }
}

public sealed class ResilienceTests
{
    [Fact]
    public async Task Sessions_and_forms_survive_a_restart_because_keys_live_in_the_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "danvan-tests", Guid.NewGuid().ToString("N"));
        string cookie;
        await using (var first = new DanVanFactory { Folder = folder })
        {
            var client = first.CreateBrowser();
            var signIn = await client.SignInAsync("btcd@danvan.local");
            cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entry/2021-Y/BTCD")).StatusCode);
        }

        await using var second = new DanVanFactory { Folder = folder };
        var restarted = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var get = new HttpRequestMessage(HttpMethod.Get, "/entry/2021-Y/BTCD");
        get.Headers.Add("Cookie", cookie);
        var response = await restarted.SendAsync(get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ban Tiếp công dân tỉnh", await response.Content.ReadAsStringAsync());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_online_backup_restores_exactly_the_same_values_and_audit_rows()
    {
        await using var app = new DanVanFactory();
        var staff = await app.ApiAsync("btcd@danvan.local");
        await staff.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 515, ["DON.KN"] = 174 } });
        var backup = Path.Combine(app.Folder, "backup.db");

        SqliteBackup.Backup($"Data Source={app.DatabasePath}", backup); // while the portal runs
        var expected = await SnapshotAsync($"Data Source={app.DatabasePath}");
        await staff.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 999 } });

        var restored = Path.Combine(app.Folder, "restored.db");
        SqliteBackup.Restore(backup, $"Data Source={restored}");
        var actual = await SnapshotAsync($"Data Source={restored}");

        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Audit, actual.Audit);
        Assert.Contains("515", string.Join(",", actual.Values));
        Assert.DoesNotContain("999", string.Join(",", actual.Values));
    }

    private static async Task<(List<string> Values, List<string> Audit)> SnapshotAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        async Task<List<string>> Rows(string sql)
        {
            var rows = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            return rows;
        }
        return (await Rows("SELECT * FROM \"Values\" ORDER BY \"Id\""), await Rows("SELECT * FROM \"AuditEntries\" ORDER BY \"Id\""));
    }
}

/// <summary>A database failure injected in the middle of a save: nothing half-saved, a Vietnamese error page with a trace id.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private sealed class FailingFactory : DanVanFactory
    {
        public FailOnAudit Interceptor { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IInterceptor>(Interceptor);
    }

    /// <summary>Fails the save while it writes, after the values are in the command batch (when armed).</summary>
    public sealed class FailOnAudit : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<DanVan.Domain.Auditing.AuditEntry>().Any())
                throw new DbUpdateException("Injected failure: disk full.");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private readonly FailingFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_failure_in_the_middle_of_a_submit_leaves_nothing_half_saved()
    {
        var client = await _app.SignedInAsync("btcd@danvan.local");
        var page = await EntryPage.OpenAsync(client, "2021-Y", "BTCD");
        _app.Interceptor.Armed = true;

        var response = await page.SendAsync(new Dictionary<string, string> { ["v:DON.TONG"] = "515", ["v:DON.KN"] = "174" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã có lỗi xảy ra", html);
        Assert.Contains("Mã tra cứu", html);
        Assert.DoesNotContain("Injected failure", html);
        _app.Interceptor.Armed = false;
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var period = await db.Periods.SingleAsync(p => p.Code == "2021-Y");
        Assert.False(await db.Submissions.AnyAsync(s => s.PeriodId == period.Id));
        Assert.False(await db.Values.AnyAsync(v => v.PeriodId == period.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.PeriodId == period.Id));
    }

    [Fact]
    public async Task The_api_answers_a_failure_with_problem_details_and_a_trace_id()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        _app.Interceptor.Armed = true;

        var response = await staff.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 1 } });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.True(body.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("Injected", body.ToString());
    }
}
