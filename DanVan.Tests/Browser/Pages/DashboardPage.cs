using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Pages;

/// <summary>The leaders' dashboard: key-figure cards and Chart.js charts, each with a table view.</summary>
public sealed class DashboardPage(IPage page)
{
    public static async Task<DashboardPage> OpenAsync(IPage page, string? period = null)
    {
        await page.GotoAsync(period is null ? "/dashboard" : $"/dashboard?period={period}");
        var dashboard = new DashboardPage(page);
        await Expect(dashboard.Cards).ToBeVisibleAsync();
        return dashboard;
    }

    public ILocator Cards => page.GetByTestId("cards");
    public ILocator CardValues => page.Locator("[data-testid='cards'] [data-testid='value']");
    public ILocator Charts => page.Locator("figure[data-chart]");
    public ILocator Chart(string key) => page.Locator($"figure[data-chart='{key}']");

    /// <summary>Waits until every chart's canvas has painted pixels (Chart.js draws after an animation).</summary>
    public async Task WaitForChartsDrawnAsync()
    {
        await page.WaitForFunctionAsync("""
            () => {
                const canvases = [...document.querySelectorAll('figure[data-chart] canvas')];
                return canvases.length > 0 && canvases.every(c => {
                    if (!c.width || !c.height) return false;
                    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let painted = 0;
                    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
                    return painted > 500;
                });
            }
            """, null, new PageWaitForFunctionOptions { PollingInterval = 200, Timeout = 30_000 });
    }

    /// <summary>The share of each canvas that is painted (0–1), for the record.</summary>
    public Task<double[]> PaintedShareAsync() => page.EvaluateAsync<double[]>("""
        () => [...document.querySelectorAll('figure[data-chart] canvas')].map(c => {
            const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
            return painted / (c.width * c.height);
        })
        """);

    /// <summary>What the chart draws, formatted as the page formats numbers: one row per label, one cell per series.</summary>
    public Task<string[][]> ChartDataAsync(string key) => page.EvaluateAsync<string[][]>("""
        key => {
            const figure = document.querySelector(`figure[data-chart='${key}']`);
            const chart = Chart.getChart(figure.querySelector('canvas'));
            const all = JSON.parse(document.getElementById('dashboard-data').textContent).charts;
            const kind = all.find(c => c.key === key).kind;
            const format = v => v === null || v === undefined ? '…' : kind === 'percent' ? VnNumber.percent(v) : VnNumber.format(v, 2);
            return chart.data.labels.map((label, i) => [Array.isArray(label) ? label[0] : label, ...chart.data.datasets.map(d => format(d.data[i]))]);
        }
        """, key);

    /// <summary>The chart's table as shown: row header text and each cell.</summary>
    public Task<string[][]> TableDataAsync(string key) => page.EvaluateAsync<string[][]>("""
        key => [...document.querySelectorAll(`figure[data-chart='${key}'] .chart-table tbody tr`)].map(tr => {
            const head = tr.querySelector('th').cloneNode(true);
            head.querySelectorAll('.badge').forEach(b => b.remove());
            return [head.textContent.trim(), ...[...tr.querySelectorAll('td')].map(td => td.textContent.trim())];
        })
        """, key);
}
