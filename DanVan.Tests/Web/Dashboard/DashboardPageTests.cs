using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using DanVan.Data;
using DanVan.Domain.Expressions;
using DanVan.Tests.Support;
using DanVan.Web.Services.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Dashboard;

[Collection(SharedPortal.Name)]
public sealed class DashboardPageTests(DanVanFactory factory)
{
    private static readonly string[] Figures = ["period", "previous", "yearEarlier", "cards", "charts", "illustrative"];

    [Theory]
    [InlineData("/dashboard?period=2021-H1")]
    [InlineData("/dashboard/print?period=2021-H1")]
    [InlineData("/dashboard/unit/TTPVHCC?period=2021-H1")]
    public async Task The_chart_data_is_embedded_as_a_JSON_data_block_and_no_script_is_inline(string url)
    {
        var leader = await factory.SignedInAsync("lanhdao@danvan.local");
        var page = await leader.GetDocumentAsync(url);

        var data = page.QuerySelector("script#dashboard-data")!;
        Assert.Equal("application/json", data.GetAttribute("type"));
        using var json = JsonDocument.Parse(data.TextContent);
        Assert.True(json.RootElement.GetProperty("charts").GetArrayLength() > 0);

        foreach (var script in page.QuerySelectorAll("script"))
        {
            var external = script.HasAttribute("src") && string.IsNullOrWhiteSpace(script.TextContent);
            Assert.True(external || script.GetAttribute("type") == "application/json", script.OuterHtml[..Math.Min(120, script.OuterHtml.Length)]);
        }
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/lib/chart.js/chart.umd.min.js"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/dashboard.js"));
        var attributes = page.All.SelectMany(e => e.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));

        // Every chart drawn on the page has its data in the block and a table for reading and printing.
        var charts = json.RootElement.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        var figures = page.QuerySelectorAll("figure[data-chart]").ToList();
        Assert.Equal(charts, figures.Select(f => f.GetAttribute("data-chart")));
        Assert.All(figures, f => Assert.NotNull(f.QuerySelector("figcaption")));
        Assert.All(figures, f => Assert.NotNull(f.QuerySelector("canvas")));
        Assert.All(figures, f => Assert.NotNull(f.QuerySelector("table caption")));
    }

    [Fact]
    public async Task The_api_returns_the_same_figures_as_the_page_with_numbers_as_numbers()
    {
        var browser = await factory.SignedInAsync("lanhdao@danvan.local");
        var page = await browser.GetDocumentAsync("/dashboard?period=2021-H1");
        using var embedded = JsonDocument.Parse(page.QuerySelector("script#dashboard-data")!.TextContent);

        var api = await factory.ApiAsync("lanhdao@danvan.local");
        var fromApi = await (await api.GetAsync("/api/v1/periods/2021-H1/dashboard")).JsonAsync();

        // The block carries what the page draws: the periods, the cards and the charts, exactly as the API has them.
        Assert.Equal(Figures, embedded.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var name in Figures)
            Assert.True(JsonElement.DeepEquals(embedded.RootElement.GetProperty(name), fromApi.GetProperty(name)), $"{name}: the page's data block and the API differ.");
        var hoso = fromApi.GetProperty("cards")[0];
        Assert.Equal(JsonValueKind.Number, hoso.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Number, fromApi.GetProperty("charts")[0].GetProperty("series")[0].GetProperty("values")[0].ValueKind);

        // The page's tables print the same numbers in Vietnamese.
        var table = page.QuerySelector("#chart-ket-qua table")!.TextContent;
        Assert.Contains("28.509", table);
        Assert.Contains("3.810", table);
        Assert.Contains("98,6%", page.QuerySelector("#chart-dung-han table")!.TextContent);

        var unitPage = await browser.GetDocumentAsync("/dashboard/unit/TTPVHCC?period=2021-H1");
        using var unitEmbedded = JsonDocument.Parse(unitPage.QuerySelector("script#dashboard-data")!.TextContent);
        var unitApi = await (await api.GetAsync("/api/v1/periods/2021-H1/dashboard?unit=TTPVHCC")).JsonAsync();
        foreach (var name in Figures)
            Assert.True(JsonElement.DeepEquals(unitEmbedded.RootElement.GetProperty(name), unitApi.GetProperty(name)), $"{name}: the unit page and the API differ.");

        // The units the page shows are the API's too, each with its status.
        var statuses = fromApi.GetProperty("unitStatuses").EnumerateArray().ToList();
        var tiles = page.QuerySelectorAll("[data-testid='unit-tiles'] [data-unit]").ToList();
        Assert.Equal(statuses.Select(s => s.GetProperty("unit").GetString()), tiles.Select(t => t.GetAttribute("data-unit")));
        Assert.All(statuses.Zip(tiles), x => Assert.Contains(x.First.GetProperty("statusText").GetString()!, x.Second.GetAttribute("title")));
    }

    [Fact]
    public async Task Illustrative_periods_are_marked_on_cards_charts_tables_and_the_period_list()
    {
        var leader = await factory.SignedInAsync("lanhdao@danvan.local");
        var page = await leader.GetDocumentAsync("/dashboard?period=2021-H1");

        Assert.Contains("Dữ liệu minh họa", page.QuerySelector("[data-testid='illustrative-note']")!.TextContent);
        Assert.All(page.QuerySelectorAll("[data-card]"), c => Assert.NotNull(c.QuerySelector("[data-testid='illustrative']")));
        Assert.Contains("Dữ liệu minh họa", page.QuerySelector("#chart-dung-han figcaption")!.TextContent);
        var rows = page.QuerySelectorAll("#chart-dung-han tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count); // half-years only: 6T/2019, 6T/2020, 6T/2021
        Assert.All(rows.Take(2), r => Assert.Contains("Dữ liệu minh họa", r));
        Assert.DoesNotContain("Dữ liệu minh họa", rows[2]);
        // The chart of the chosen (real) period alone is not marked.
        Assert.DoesNotContain("Dữ liệu minh họa", page.QuerySelector("#chart-ket-qua")!.TextContent);

        var options = page.QuerySelectorAll("#period option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent);
        Assert.Equal(["2021-Y", "2021-H1", "2020-Y", "2020-H1", "2019-Y", "2019-H1"], options.Keys);
        Assert.All(options.Where(o => o.Key.StartsWith("20") && o.Key.CompareTo("2021") < 0), o => Assert.Contains("Dữ liệu minh họa", o.Value));
        Assert.DoesNotContain("minh họa", options["2021-H1"]);

        var unit = await leader.GetDocumentAsync("/dashboard/unit/BTCD?period=2021-H1");
        var headers = unit.QuerySelectorAll("[data-testid='unit-figures'] thead th[data-period]").ToList();
        Assert.All(headers.Take(headers.Count - 1), h => Assert.Contains("Dữ liệu minh họa", h.TextContent));
        Assert.DoesNotContain("Dữ liệu minh họa", headers[^1].TextContent);
    }

    [Fact]
    public async Task The_print_view_is_a_sheet_of_A4_landscape_without_the_menu()
    {
        var leader = await factory.SignedInAsync("lanhdao@danvan.local");
        var page = await leader.GetDocumentAsync("/dashboard/print?period=2021-H1");

        Assert.Null(page.QuerySelector("nav.navbar"));
        Assert.Contains("print-page", page.Body!.ClassName);
        Assert.Contains("BẢNG ĐIỀU HÀNH – 6 THÁNG ĐẦU NĂM 2021", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(5, page.QuerySelectorAll("figure[data-chart] table").Length);
        var css = page.QuerySelector("link[href^='/css/dashboard.css']")!.GetAttribute("href")!;
        var sheet = await leader.GetStringAsync(css);
        Assert.Contains("@page { size: A4 landscape;", sheet);
    }

    [Fact]
    public async Task Every_code_the_dashboard_names_exists_in_the_template()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var codes = await db.Indicators.Select(i => i.Code).ToListAsync();

        var definition = DashboardDefinition.Default;
        Assert.NotEmpty(definition.Codes);
        Assert.All(definition.Codes, c => Assert.Contains(c, codes));
        Assert.Equal(definition.Cards.Count, definition.Cards.Select(c => c.Key).Distinct().Count());
        Assert.All(definition.Charts.Where(c => c.Axis == ChartAxis.Categories), c => Assert.All(c.Series, s => Assert.Equal(c.Categories!.Count, s.Values.Count)));
        Assert.All(definition.Cards, c => Assert.IsAssignableFrom<Expr>(c.Expression));
    }

    [Fact]
    public async Task An_unknown_period_is_404_on_the_page()
    {
        var leader = await factory.SignedInAsync("lanhdao@danvan.local");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/dashboard?period=2099-H1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/dashboard/unit/NOPE")).StatusCode);
    }
}
