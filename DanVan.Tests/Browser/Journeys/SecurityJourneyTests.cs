using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Journey 6 of issue #8: another unit's address is refused in Vietnamese; after sign-out Back shows no data.</summary>
public sealed class SecurityJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task Unit_staff_cannot_open_another_units_form_and_Back_after_sign_out_shows_no_data()
    {
        await Page.SignInAsync(Session.UnitStaff);
        // The refusal page answers 403, which Chromium reports in the console.
        AllowConsoleError("status of 403");
        foreach (var (url, title) in new[] { ("/entry/2021-Y/HCTC", "phiếu đơn vị khác"), ("/review/2021-Y", "bảng theo dõi"), ("/dashboard", "bảng điều hành") })
        {
            await Page.GotoAsync(url);
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("không có quyền");
            await Expect(Page.Locator("#entry-form")).ToHaveCountAsync(0);
            await StepAsync($"Gõ địa chỉ {title}: không có quyền");
        }

        var own = await EntryFormPage.OpenAsync(Page, "2021-Y", "TTPVHCC");
        await Expect(own.Figure("HS.SO.KYTRUOC")).ToHaveValueAsync("2.353");
        await StepAsync("Phiếu của đơn vị mình");

        await Page.SignOutAsync();
        await StepAsync("Đã đăng xuất");

        // Back to the form seen signed in: it was never stored (no-store), so the browser asks again and gets the sign-in page.
        await Page.GoBackAsync();
        await Expect(Page.SignInButton()).ToBeVisibleAsync();
        await ExpectNoDataAsync();
        await StepAsync("Quay lại: trang đăng nhập thay cho phiếu");
        await Page.GoBackAsync();
        await ExpectNoDataAsync();
        await StepAsync("Quay lại lần nữa: không có dữ liệu", axe: false);
    }

    private async Task ExpectNoDataAsync()
    {
        await Expect(Page.Locator("#entry-form")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("2.353");
    }
}
