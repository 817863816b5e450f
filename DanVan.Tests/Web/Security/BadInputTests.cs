using System.Net;
using System.Net.Http.Json;
using System.Text;
using DanVan.Data;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Entry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Security;

/// <summary>Fuzz-style: every field of the entry form, the entry API, the report API and sign-in, fed with hostile input.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static readonly string[] Hostile =
    [
        "", "   ", "\t\n", new string('9', 1_000_000), "\u0000\u0001\u0007", "a\u0000b", "Ho\u0302\u0300 so\u031B", // NFD
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE \"Values\"; --", "1 OR 1=1",
        "1e9999", "-0", "NaN", "Infinity", "0x1F", "١٢٣", "12.34.56", "1,2,3", "9999999999999999999999999", "=1+1", "@SUM(A1)",
        "{HS.TONG}", "%00", "../../etc/passwd", "\uFEFF123", "１２３", "😀",
    ];

    private async Task<(int Values, int Audit, int Reports)> CountsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        return (await db.Values.CountAsync(), await db.AuditEntries.CountAsync(), await db.ReportSectionTexts.CountAsync());
    }

    [Fact]
    public async Task Entry_form_fields_refuse_hostile_input_with_field_messages_and_no_5xx()
    {
        var client = await _app.SignedInAsync("kstthc@danvan.local");
        var before = await CountsAsync();
        var fields = new[] { "v:DVC.TONG", "v:CCHC.HUYEN.MOTCUA", "v:CCHC.TTPVHCC", "version", "reason", "v:NO.SUCH.CODE", "e:NO.RULE", "n:no.section" };
        var checkedCount = 0;
        foreach (var field in fields)
        {
            foreach (var value in Hostile)
            {
                var page = await EntryPage.OpenAsync(client, "2021-Y", "KSTTHC");
                var response = await page.SaveAsync(new Dictionary<string, string> { [field] = value });
                Assert.True((int)response.StatusCode < 500, $"{field}={Describe(value)} → {(int)response.StatusCode}");
                checkedCount++;
            }
        }
        var after = await CountsAsync();
        // Only text that is a valid figure could be stored: none of the hostile values is one for these fields,
        // except blank (which stores nothing) — so nothing changed.
        Assert.Equal(before, after);
        Assert.True(checkedCount > 200);
    }

    [Fact]
    public async Task Entry_api_refuses_hostile_bodies_with_4xx_and_changes_nothing()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var before = await CountsAsync();
        var bodies = new List<string>
        {
            "", "null", "{", "[]", "\"x\"", "{\"values\":null}", "{\"values\":[]}", "{\"values\":{\"DON.TONG\":{}}}",
            "{\"values\":{\"DON.TONG\":[1]}}", "{\"values\":{\"DON.TONG\":-1}}", "{\"values\":{\"DON.TONG\":1.5}}",
            "{\"values\":{\"DON.TONG\":\"1\"}}", "{\"values\":{\"DON.TONG\":1e308}}", "{\"values\":{\"\":1}}",
            "{\"values\":{\"DON.TONG\":1,\"DON.TONG\":-1}}",
        };
        bodies.AddRange(Hostile.Select(h => "{\"values\":{" + System.Text.Json.JsonSerializer.Serialize(h) + ":1}}"));
        bodies.Add("{\"values\":{\"DON.TONG\":" + new string('1', 2_000_000) + "}}");
        foreach (var body in bodies)
        {
            var response = await staff.PutAsync("/api/v1/periods/2021-Y/units/BTCD/values", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{Describe(body)} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var wrongType = await staff.PutAsync("/api/v1/periods/2021-Y/units/BTCD/values", new StringContent("<values/>", Encoding.UTF8, "application/xml"));
        Assert.True((int)wrongType.StatusCode is >= 400 and < 500, $"xml → {(int)wrongType.StatusCode}");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Report_api_and_sign_in_refuse_hostile_input_without_5xx()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        foreach (var value in Hostile)
        {
            var metadata = await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { metadata = new { date = value } });
            Assert.True((int)metadata.StatusCode is >= 400 and < 500 || value.Length == 0, $"date={Describe(value)} → {(int)metadata.StatusCode}");
            var sections = await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { sections = new Dictionary<string, string> { [value.Length == 0 ? "x" : value] = "y" } });
            Assert.True((int)sections.StatusCode is >= 400 and < 500, $"section={Describe(value)} → {(int)sections.StatusCode}");
            var login = await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = value, password = value });
            // A body over the 4 KB limit of the login is refused before it is parsed (413).
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(value) * 2 > 4000 ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.Unauthorized, login.StatusCode);
            if (!value.Contains('\u0000')) // Kestrel refuses a NUL in the path before routing; the test host throws instead
            {
                var period = await compiler.GetAsync("/api/v1/periods/" + Uri.EscapeDataString(value.Length > 100 ? value[..100] : value) + "/report");
                Assert.True((int)period.StatusCode < 500, $"period={Describe(value)} → {(int)period.StatusCode}");
            }
        }
        var editor = await _app.SignedInAsync("tonghop@danvan.local");
        var page = await editor.GetAsync("/reports/2021-H1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static string Describe(string value) => value.Length > 40 ? value[..40] + $"…({value.Length})" : value;
}
