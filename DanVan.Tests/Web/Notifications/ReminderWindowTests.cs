using DanVan.Domain.Notifications;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Notifications;

/// <summary>The fake clock walked day by day through the collection window of the demo's open period (2021-Y).</summary>
public sealed class ReminderWindowTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = TestSmtpServer.Started();
    private ConfiguredFactory _app = null!;
    private ConfiguredFactory _second = null!;

    public Task InitializeAsync()
    {
        _app = NotificationTestHost.Portal(_smtp);
        _ = _app.Services; // seeds the database before the second host opens it
        _second = NotificationTestHost.Portal(_smtp, _app.Folder);
        _ = _second.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Each_unsent_unit_is_reminded_once_per_offset_by_two_hosts_and_a_unit_that_sends_stops_getting_reminders()
    {
        // Seeded at 26/11/2026: unit deadline 10/12/2026; reminder days 03/12 (7), 07/12 (3), 10/12 (0), 11/12 (−1).
        var deadline = await _app.DbAsync(db => db.Periods.Where(p => p.Code == "2021-Y").Select(p => p.UnitDeadline).SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 10), deadline);
        var periodId = await _app.DbAsync(db => db.Periods.Where(p => p.Code == "2021-Y").Select(p => p.Id).SingleAsync());
        var unsentAtStart = await _app.DbAsync(db => db.PeriodParticipants.Where(pp => pp.PeriodId == periodId)
            .Select(pp => pp.UnitId).Where(u => !db.Submissions.Any(s => s.UnitId == u && s.PeriodId == periodId
                && (s.Status == DanVan.Domain.Submissions.SubmissionStatus.Submitted || s.Status == DanVan.Domain.Submissions.SubmissionStatus.Accepted)))
            .CountAsync());

        for (var day = new DateOnly(2026, 11, 27); day <= new DateOnly(2026, 12, 20); day = day.AddDays(1))
        {
            foreach (var hour in new[] { 8, 15 })
            {
                _app.SetLocal(day, hour);
                _second.SetLocal(day, hour);
                // Both hosts run their scheduler and sender at the same moment, twice a day.
                await Task.WhenAll(_app.RunSchedulerAsync(), _second.RunSchedulerAsync());
                await Task.WhenAll(_app.RunSenderAsync(), _second.RunSenderAsync());
            }
            if (day == new DateOnly(2026, 12, 5)) await _app.SendBtcdAsync();
        }

        var marks = await _app.DbAsync(db => db.ReminderMarks.Join(db.Units, m => m.UnitId, u => u.Id, (m, u) => new { u.Code, m.OffsetDays }).ToListAsync());
        Assert.Equal([7], marks.Where(m => m.Code == "BTCD").Select(m => m.OffsetDays).ToArray());
        Assert.Equal([-1, 0, 3, 7], marks.Where(m => m.Code == "TTPVHCC").Select(m => m.OffsetDays).Order().ToArray());
        Assert.Equal(unsentAtStart * 4 - 3, marks.Count);

        var btcd = _smtp.To("btcd@danvan.local").Where(m => m.Headers["X-DanVan-Kind"] == nameof(NotificationKind.DeadlineReminder)).ToList();
        var reminder = Assert.Single(btcd);
        Assert.Equal("[DanVan] Nhắc gửi phiếu số liệu kỳ năm 2021: còn 7 ngày đến hạn", reminder.Subject);
        Assert.Contains("Hạn gửi của đơn vị: ngày 10 tháng 12 năm 2026.", reminder.TextBody);
        Assert.Contains("https://danvan.example.vn/entry/2021-Y/BTCD", reminder.TextBody);
        Assert.Contains("href=\"https://danvan.example.vn/entry/2021-Y/BTCD\"", reminder.HtmlBody);

        var center = _smtp.To("ttpvhcc@danvan.local").Where(m => m.Headers["X-DanVan-Kind"] == nameof(NotificationKind.DeadlineReminder)).ToList();
        Assert.Equal(
            ["Nhắc gửi phiếu số liệu kỳ năm 2021: còn 7 ngày đến hạn", "Nhắc gửi phiếu số liệu kỳ năm 2021: còn 3 ngày đến hạn",
             "Hôm nay là hạn gửi phiếu số liệu kỳ năm 2021", "Phiếu số liệu kỳ năm 2021 đã quá hạn 1 ngày"],
            center.Select(m => m.Subject!.Replace("[DanVan] ", "", StringComparison.Ordinal)).ToArray());
        Assert.Equal(center.Count, center.Select(m => m.MessageId).Distinct().Count());
        Assert.Contains("còn thiếu", center[0].TextBody!, StringComparison.OrdinalIgnoreCase);

        // The compilers' summary: once a day from the first reminder day to the last (03/12 … 11/12).
        var summaries = _smtp.To("tonghop@danvan.local").Where(m => m.Headers["X-DanVan-Kind"] == nameof(NotificationKind.DailySummary)).ToList();
        Assert.Equal(9, summaries.Count);
        Assert.Contains("Đơn vị trễ hạn:", summaries[^1].TextBody);
        Assert.Equal(1, _smtp.To("tonghop@danvan.local").Count(m => m.Headers["X-DanVan-Kind"] == nameof(NotificationKind.SubmissionSent)));
        Assert.Equal(0, await _app.DbAsync(db => db.Outbox.CountAsync(m => m.State != OutboxState.Sent)));
        Assert.Equal(await _app.DbAsync(db => db.Outbox.CountAsync()), _smtp.Received.Count);
    }
}
