using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Domain.Auditing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Notifications;

/// <summary>The admin edits a period's reminder days; the board and the dashboard show each unit's timeliness.</summary>
public sealed class ReminderSettingsAndTimelinessTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_admin_sets_the_reminder_days_and_a_bad_value_is_refused_in_vietnamese_without_saving()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var page = await admin.GetDocumentAsync("/admin/periods/2021-Y");
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/admin/periods/2021-Y/reminder-offsets']")!;
        Assert.Equal("7,3,0,-1", form.QuerySelector<IHtmlInputElement>("#reminder-offsets")!.Value);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(form, new Dictionary<string, string> { ["offsets"] = "1, 5, −2" })).StatusCode);
        Assert.Equal("5,1,-2", await _app.DbAsync(db => db.Periods.Where(p => p.Code == "2021-Y").Select(p => p.ReminderOffsets).SingleAsync()));
        var audit = await _app.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ReminderOffsetsChanged));
        Assert.Equal(("7,3,0,-1", "5,1,-2"), (audit.OldValue, audit.NewValue));

        var again = await admin.GetDocumentAsync("/admin/periods/2021-Y");
        Assert.Contains("Đã lưu ngày nhắc hạn.", again.QuerySelector("[role=status]")!.TextContent);
        var bad = again.QuerySelector<IHtmlFormElement>("form[action='/admin/periods/2021-Y/reminder-offsets']")!;
        await admin.PostFormAsync(bad, new Dictionary<string, string> { ["offsets"] = "7, bảy" });
        var refused = await admin.GetDocumentAsync("/admin/periods/2021-Y");
        Assert.Contains("“bảy” không phải số ngày", refused.QuerySelector("#reminders-title")!.ParentElement!.TextContent);
        Assert.Equal("5,1,-2", await _app.DbAsync(db => db.Periods.Where(p => p.Code == "2021-Y").Select(p => p.ReminderOffsets).SingleAsync()));
    }

    [Fact]
    public async Task The_board_and_the_dashboard_show_whether_each_unit_sent_on_time_and_its_record()
    {
        // BTCD sends on 10/12/2026; the deadline is then moved back to 08/12: it sent two days late, the others are late.
        _ = _app.Services;
        _app.SetLocal(new DateOnly(2026, 12, 10), 9);
        await _app.SendBtcdAsync();
        await _app.DbAsync(db => db.Periods.Where(p => p.Code == "2021-Y")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitDeadline, new DateOnly(2026, 12, 8))));
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");

        var board = await compiler.GetDocumentAsync("/review/2021-Y");
        string Cell(IDocument page, string unit) => page.QuerySelector($"[data-testid=board] tr[data-unit={unit}] [data-testid=timeliness]")!.TextContent;
        Assert.Contains("Trễ 2 ngày", Cell(board, "BTCD"));
        Assert.Contains("Chưa gửi, quá hạn 2 ngày", Cell(board, "TTPVHCC"));
        Assert.Null(board.QuerySelector("[data-testid=board] tr[data-unit=BTCD] [data-testid=remind-unit]"));
        Assert.NotNull(board.QuerySelector("[data-testid=board] tr[data-unit=TTPVHCC] [data-testid=remind-unit]"));

        var dashboard = await compiler.GetDocumentAsync("/dashboard?period=2021-Y");
        var row = dashboard.QuerySelector("[data-testid=timeliness-table] tr[data-unit=BTCD]")!;
        Assert.Contains("Trễ 2 ngày", row.TextContent);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("1", cells[3]); // one late period in its record
    }
}
