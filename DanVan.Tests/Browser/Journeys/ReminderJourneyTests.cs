using System.Text.RegularExpressions;
using DanVan.Domain.Common;
using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using DanVan.Tests.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Issue 14: the compiler reminds the late units from the completeness board; the unit's bell shows it.</summary>
public sealed partial class ReminderJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task Compiler_reminds_the_late_units_from_the_board_and_the_units_bell_shows_it()
    {
        // The open period's unit deadline passed two days ago: every unit not yet sent is late.
        var late = VietnamTime.Today(TimeProvider.System).AddDays(-2);
        await Portal.DbAsync(db => db.Periods.Where(p => p.Code == "2021-Y").ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitDeadline, late)));

        await Page.SignInAsync(Session.Compiler);
        await Page.GotoAsync("/review/2021-Y");
        var center = Page.GetByTestId("board").Locator("tr[data-unit=TTPVHCC]");
        await Expect(center.GetByTestId("timeliness")).ToContainTextAsync("Chưa gửi, quá hạn 2 ngày");
        await StepAsync("Bảng tình hình gửi số liệu: đơn vị trễ hạn");

        await Page.GetByLabel("Đôn đốc mọi đơn vị chưa gửi", new() { Exact = false }).FillAsync("Đề nghị gửi ngay trong hôm nay.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đôn đốc các đơn vị chưa gửi" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Đã đôn đốc:");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("TTPVHCC");
        await StepAsync("Đã đôn đốc các đơn vị trễ hạn");
        await Page.SignOutAsync();

        await Page.SignInAsync(Session.UnitStaff);
        await Expect(Page.GetByTestId("bell-count")).ToHaveTextAsync("1");
        await Page.GetByTestId("bell").ClickAsync();
        var notices = Page.GetByTestId("notifications");
        await Expect(notices).ToContainTextAsync("Đôn đốc gửi phiếu số liệu kỳ năm 2021");
        await Expect(notices).ToContainTextAsync("Lời nhắn của tonghop@danvan.local: Đề nghị gửi ngay trong hôm nay.");
        await StepAsync("Chuông thông báo của đơn vị");

        await notices.GetByRole(AriaRole.Button, new() { NameRegex = ViewButton() }).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(EntryUrl());
        await Expect(Page.GetByTestId("bell-count")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("^Xem Đôn đốc")]
    private static partial Regex ViewButton();

    [GeneratedRegex("/entry/2021-Y/TTPVHCC$")]
    private static partial Regex EntryUrl();
}
