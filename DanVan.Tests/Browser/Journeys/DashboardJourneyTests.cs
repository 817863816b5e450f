using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Journey 4 of issue #8: the leader's dashboard draws its charts, shows Vietnamese numbers and table views.</summary>
public sealed class DashboardJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task Leader_sees_drawn_charts_Vietnamese_numbers_and_matching_tables()
    {
        await Page.SignInAsync(Session.Leader);
        await StepAsync("Trang chủ lãnh đạo");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mở bảng điều hành" }).ClickAsync();
        var dashboard = new DashboardPage(Page);
        await Expect(dashboard.Cards).ToBeVisibleAsync();
        await dashboard.WaitForChartsDrawnAsync();
        var painted = await dashboard.PaintedShareAsync();
        Output.WriteLine("Painted share of each canvas: " + string.Join(", ", painted.Select(p => p.ToString("P1"))));
        Assert.NotEmpty(painted);
        Assert.All(painted, p => Assert.True(p > 0.01, $"a chart is (nearly) blank: {p:P2} painted"));
        await StepAsync("Bảng điều hành: thẻ số liệu");
        await StepAsync("Bảng điều hành: biểu đồ", dashboard.Charts.First, axe: false);

        var values = await dashboard.CardValues.AllInnerTextsAsync();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Matches(@"^(\d{1,3}(\.\d{3})*(,\d+)?%?|…)$", v.Trim()));
        Assert.Contains(values, v => v.Contains('.'));
        Assert.Contains("50.003", values);

        var keys = await dashboard.Charts.EvaluateAllAsync<string[]>("fs => fs.map(f => f.dataset.chart)");
        foreach (var key in keys)
        {
            var chart = dashboard.Chart(key);
            var toggle = chart.GetByRole(AriaRole.Button, new() { Name = "Xem dạng bảng" });
            await toggle.ClickAsync();
            await Expect(chart.Locator("table")).ToBeVisibleAsync();
            await Expect(chart.Locator("canvas")).ToBeHiddenAsync();
            await Expect(chart.GetByRole(AriaRole.Button, new() { Name = "Xem biểu đồ" })).ToHaveAttributeAsync("aria-expanded", "true");
            Assert.Equal(await dashboard.ChartDataAsync(key), await dashboard.TableDataAsync(key));
        }
        await StepAsync("Bảng điều hành: dạng bảng khớp biểu đồ", dashboard.Charts.First, axe: true);
        await dashboard.Chart(keys[0]).GetByRole(AriaRole.Button, new() { Name = "Xem biểu đồ" }).ClickAsync();
        await Expect(dashboard.Chart(keys[0]).Locator("canvas")).ToBeVisibleAsync();
        await StepAsync("Bảng điều hành: trở lại biểu đồ", dashboard.Charts.First, axe: false);
    }
}
