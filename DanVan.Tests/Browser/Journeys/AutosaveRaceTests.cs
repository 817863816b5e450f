using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>The 60-second draft autosave must never turn the clerk's own "Lưu nháp" into a conflicting edit.</summary>
public sealed class AutosaveRaceTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task Saving_while_an_autosave_is_in_flight_waits_for_it_instead_of_conflicting()
    {
        await Page.Clock.InstallAsync();
        await Page.SignInAsync(Session.UnitStaff);
        var form = await EntryFormPage.OpenAsync(Page, "2021-Y", "TTPVHCC");
        await form.Figure("HS.SO.MOI").FillAsync("28.261");
        await form.SaveAsync(); // the form now carries the submission's version

        var release = new TaskCompletionSource();
        var autosaveStarted = new TaskCompletionSource();
        await Page.RouteAsync("**/autosave", async route =>
        {
            // The server has saved the draft; only its answer (with the new version) is held back.
            var response = await route.FetchAsync();
            autosaveStarted.TrySetResult();
            await release.Task;
            try { await route.FulfillAsync(new() { Response = response }); }
            catch (PlaywrightException e) { Output.WriteLine($"autosave answer not delivered (the page moved on): {e.Message}"); }
        });

        await form.Figure("HS.SO.MOI").FillAsync("28.262");
        await Page.Clock.RunForAsync(61_000);
        await autosaveStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await form.Figure("HS.SO.MOI").FillAsync("28.263");
        await form.SaveButton.ClickAsync();
        await StepAsync("Bấm Lưu nháp khi bản tự động lưu đang gửi", axe: false);
        // The page still shows the first save's "Đã lưu nháp.": wait for this save's own answer instead.
        var saved = Page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/entry/2021-Y/TTPVHCC", StringComparison.Ordinal));
        release.SetResult();
        Assert.NotEqual(409, (await saved).Status);
        await Page.WaitForLoadStateAsync(LoadState.Load);

        await Expect(form.Message).ToHaveTextAsync("Đã lưu nháp.");
        await Expect(form.Figure("HS.SO.MOI")).ToHaveValueAsync("28.263");
        await StepAsync("Lưu nháp thành công sau bản tự động lưu, không báo xung đột");
    }
}
