using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using DanVan.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Issue 13: on a phone the leader reads the check summary before the “Duyệt” button and confirms it.</summary>
public sealed class ReportApprovalPhoneTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task On_a_phone_the_leader_sees_the_summary_above_the_button_and_must_confirm()
    {
        await (await Portal.ApiAsync(Session.Compiler)).SendReadyAsync("2021-H1");
        var phone = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await phone.SignInAsync(Session.Leader);
        await phone.GotoAsync("/reports/2021-H1");

        var form = phone.GetByTestId("approve-form");
        var summary = form.GetByTestId("readiness");
        var button = form.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true });
        await Expect(summary).ToContainTextAsync("9 cảnh báo");
        await Expect(summary).ToBeInViewportAsync();
        Assert.True((await summary.BoundingBoxAsync())!.Y < (await button.BoundingBoxAsync())!.Y);
        await StepAsync("Lãnh đạo xem tóm tắt kiểm tra trước nút Duyệt (điện thoại)", form, page: phone);

        phone.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await button.ClickAsync();
        await Expect(phone.GetByTestId("report-state")).ToHaveTextAsync("Trình duyệt"); // the required box is not ticked
        await form.GetByLabel("Tôi đã xem: 9 cảnh báo").CheckAsync();
        await button.ClickAsync();
        await Expect(phone.GetByTestId("report-state")).ToHaveTextAsync("Đã ban hành");
        await StepAsync("Đã duyệt và ban hành", page: phone);
    }
}
