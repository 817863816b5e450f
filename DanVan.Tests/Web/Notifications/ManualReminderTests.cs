using System.Net;
using System.Net.Http.Json;
using DanVan.Domain.Auditing;
using DanVan.Domain.Notifications;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Notifications;

/// <summary>“Đôn đốc” through POST /api/v1/periods/{period}/reminders: 202 with reminded and skipped, 429 within ten minutes.</summary>
public sealed class ManualReminderTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private const string Reminders = "/api/v1/periods/2021-Y/reminders";

    [Fact]
    public async Task A_unit_is_reminded_at_most_once_in_ten_minutes_and_the_refusal_says_when()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var first = await compiler.PostAsJsonAsync(Reminders, new { units = new[] { "btcd" }, message = "Hạn gửi là tuần sau." });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var body = await first.JsonAsync();
        Assert.Equal(["BTCD"], body.GetProperty("reminded").EnumerateArray().Select(u => u.GetString()!).ToArray());
        Assert.Empty(body.GetProperty("skipped").EnumerateArray());

        _app.Clock.Advance(TimeSpan.FromMinutes(9));
        var again = await compiler.PostAsJsonAsync(Reminders, new { units = new[] { "BTCD" } });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        var problem = await again.JsonAsync();
        Assert.Equal(DanVanFactory.Now.AddMinutes(10), problem.GetProperty("retryAt").GetDateTimeOffset());
        Assert.Contains("có thể đôn đốc lại từ", problem.GetProperty("detail").GetString());
        Assert.NotNull(again.Headers.RetryAfter);

        // Every unit not yet sent: BTCD is skipped, the others are reminded.
        var all = await (await compiler.PostAsJsonAsync(Reminders, new { units = Array.Empty<string>() })).JsonAsync();
        Assert.DoesNotContain("BTCD", all.GetProperty("reminded").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("TTPVHCC", all.GetProperty("reminded").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("BTCD", all.GetProperty("skipped").EnumerateArray().Single().GetProperty("unit").GetString());

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await compiler.PostAsJsonAsync(Reminders, new { units = new[] { "BTCD" } })).StatusCode);

        var audited = await _app.DbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.UnitReminded).ToListAsync());
        Assert.Equal(2 + all.GetProperty("reminded").GetArrayLength(), audited.Count);
        Assert.Contains(audited, e => e.Reason == "Hạn gửi là tuần sau." && e.UserName == "tonghop@danvan.local");
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var inbox = await (await staff.GetAsync("/api/v1/notifications")).JsonAsync();
        var notices = inbox.EnumerateArray().ToList();
        Assert.Equal(2, notices.Count(n => n.GetProperty("kind").GetString() == nameof(NotificationKind.ManualReminder)));
        Assert.True(notices[0].GetProperty("id").GetInt64() > notices[1].GetProperty("id").GetInt64()); // newest first
        Assert.Contains("Lời nhắn của tonghop@danvan.local: Hạn gửi là tuần sau.", notices[1].GetProperty("body").GetString());
        Assert.Equal("/entry/2021-Y/BTCD", notices[0].GetProperty("link").GetString());
    }

    [Fact]
    public async Task Two_compilers_pressing_at_once_remind_a_unit_once()
    {
        var a = await _app.ApiAsync("tonghop@danvan.local");
        var b = await _app.ApiAsync("admin@danvan.local");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? a : b).PostAsJsonAsync(Reminders, new { units = new[] { "BTCD" } })));
        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(5, answers.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, await _app.DbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.ManualReminder)));
    }

    [Fact]
    public async Task Unknown_units_a_long_message_and_a_locked_period_are_refused_with_a_vietnamese_reason()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var unknown = await compiler.PostAsJsonAsync(Reminders, new { units = new[] { "KHONGCO" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("KHONGCO", (await unknown.JsonAsync()).GetProperty("errors").GetProperty("units")[0].GetString());
        var longMessage = await compiler.PostAsJsonAsync(Reminders, new { message = new string('a', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, longMessage.StatusCode);
        Assert.True((await longMessage.JsonAsync()).GetProperty("errors").TryGetProperty("message", out _));
        var locked = await compiler.PostAsJsonAsync("/api/v1/periods/2021-H1/reminders", new { });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var notJson = await compiler.PostAsync(Reminders, new StringContent("[1,2", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await _app.DbAsync(db => db.Notifications.CountAsync()));
    }
}
