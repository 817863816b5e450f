using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Issue 17: the "In nghiêng" and "In đậm" buttons over a narrative wrap the selected words in the markup.</summary>
public sealed class EmphasisButtonsTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task The_buttons_wrap_the_selection_in_italic_and_bold_markers()
    {
        await Page.SignInAsync(Session.UnitStaff);
        await Page.GotoAsync("/entry/2021-Y/TTPVHCC");
        var area = Page.Locator("textarea[data-markup]").First;
        await area.FillAsync("Theo Quyết định số 26/QĐ-VP và 50.003 hồ sơ.");
        // Select "Quyết định số 26/QĐ-VP " (with its trailing space, as a double click often takes).
        await area.EvaluateAsync("a => a.setSelectionRange(5, 28)");
        var bar = Page.GetByRole(AriaRole.Toolbar, new() { Name = "Định dạng chữ" }).First;
        await bar.GetByRole(AriaRole.Button, new() { Name = "In nghiêng" }).ClickAsync();
        await Expect(area).ToHaveValueAsync("Theo *Quyết định số 26/QĐ-VP* và 50.003 hồ sơ.");

        var text = await area.InputValueAsync();
        var start = text.IndexOf("50.003", StringComparison.Ordinal);
        await area.EvaluateAsync($"a => a.setSelectionRange({start}, {start + 6})");
        await bar.GetByRole(AriaRole.Button, new() { Name = "In đậm" }).ClickAsync();
        await Expect(area).ToHaveValueAsync("Theo *Quyết định số 26/QĐ-VP* và **50.003** hồ sơ.");
        await StepAsync("Nút in nghiêng, in đậm trên ô nội dung", area);
    }
}
