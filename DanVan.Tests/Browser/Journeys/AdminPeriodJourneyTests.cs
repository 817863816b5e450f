using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Journey 5 of issue #8: the admin creates 2022-H1 and sees its derived cut-off dates before and after saving.</summary>
public sealed class AdminPeriodJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task Admin_creates_2022_H1_and_sees_the_derived_cutoff_dates()
    {
        await Page.SignInAsync(Session.Admin);
        await Page.GetByTestId("nav-admin-periods").ClickAsync();
        var periods = new PeriodAdminPage(Page);
        await Expect(periods.Periods).ToBeVisibleAsync();
        await Expect(periods.Row("2022-H1")).ToHaveCountAsync(0);
        await StepAsync("Danh sách kỳ báo cáo");

        await periods.NewPeriodLink.ClickAsync();
        await periods.Kind.SelectOptionAsync("H1");
        await periods.Year.FillAsync("2022");
        await periods.PreviewButton.ClickAsync();
        await Expect(periods.PreviewCode).ToHaveTextAsync("2022-H1");
        await Expect(periods.PreviewCutoff).ToContainTextAsync("15/12/2021");
        await Expect(periods.PreviewCutoff).ToContainTextAsync("14/6/2022");
        await StepAsync("Xem trước: ngày chốt số liệu tính sẵn");

        await periods.Confirm.ClickAsync();
        await Expect(periods.Status).ToHaveTextAsync("Đang mở");
        await Expect(periods.Cutoff).ToHaveTextAsync("từ ngày 15/12/2021 đến ngày 14/6/2022");
        await StepAsync("Đã tạo kỳ 2022-H1");

        await Page.GetByTestId("nav-admin-periods").ClickAsync();
        await Expect(periods.Row("2022-H1")).ToHaveCountAsync(1);
        await StepAsync("Kỳ mới trong danh sách");

        // The account links sit in the user menu, which keeps the admin's navigation on one line.
        await Page.GetByTestId("user-name").ClickAsync();
        await Expect(Page.GetByTestId("nav-two-factor")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Đổi mật khẩu" })).ToBeVisibleAsync();
        await StepAsync("Menu tài khoản");
    }
}
