using System.Net;
using System.Text.Json;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Dashboard;

/// <summary>
/// The figures and changes of 2021-H1, checked by hand: 2021-H1 is the model report (DOMAIN.md). It is compared only with
/// periods of the same length (decision 0042): the same half a year earlier (the illustrative 2020-H1) and the half before
/// it, the second half of 2020, derived for counts as 2020-Y minus 2020-H1 (rates of it are unknown); the backlog, a
/// closing stock, with the end of 2020 (2020-Y). Figures of the illustrative periods are those the seed generated.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class DashboardFiguresTests(DanVanFactory factory)
{
    // key, value, previous (2020 second half; 2020-Y for the backlog), year earlier (2020-H1), change from previous, change from year earlier
    public static readonly TheoryData<string, decimal, decimal?, decimal, decimal?, decimal> Cards = new()
    {
        // HS.TONG: 50.003; 2020-Y 84.308 − 2020-H1 43.416 = 40.892 → +9.111; 2020-H1 43.416 → +6.587
        { "hoso", 50003m, 40892m, 43416m, 9111m, 6587m },
        // SO: 28.509 / 28.916 = 98,59% → 98,6; 2020-H1 23.604 / 23.910 = 98,72% → 98,7; no rate of a derived half
        { "dunghan-so", 98.6m, null, 98.7m, null, -0.1m },
        // DD: 12.154 / 15.964 = 76,13% → 76,1; 11.671 / 14.834 = 78,68% → 78,7
        { "dunghan-dd", 76.1m, null, 78.7m, null, -2.6m },
        // DKDD: 6.286 / 8.753 = 71,82% → 71,8; 4.679 / 6.443 = 72,62% → 72,6
        { "dunghan-dkdd", 71.8m, null, 72.6m, null, -0.8m },
        // pending (a closing stock): 1.699 + 3.424 + 3.642 = 8.765; end of 2020: 2.353 + 4.058 + 4.370 = 10.781; 2020-H1: 7.965
        { "dang-giai-quyet", 8765m, 10781m, 7965m, -2016m, 800m },
        // 13.580 − 7.385 = 6.195
        { "truc-tuyen", 7888m, 6195m, 7385m, 1693m, 503m },
        // 20.739 / 20.782 = 99,79% → 99,8; 18.474 / 18.514 = 99,78% → 99,8
        { "hai-long", 99.8m, null, 99.8m, null, 0m },
        // 111 + 5 = 116; (220 + 9) − (100 + 5) = 124; 105
        { "tiep-dan", 116m, 124m, 105m, -8m, 11m },
        // 952 − 505 = 447
        { "don-thu", 515m, 447m, 505m, 68m, 10m },
        // 233 / 515 = 45,24% → 45,2; 219 / 505 = 43,37% → 43,4
        { "don-thu-xu-ly", 45.2m, null, 43.4m, null, 1.8m },
        // 9.951 − 5.029 = 4.922
        { "van-ban", 5316m, 4922m, 5029m, 394m, 287m },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task Each_key_figure_of_2021_H1_and_its_changes_are_as_computed_by_hand(
        string key, decimal value, decimal? previous, decimal yearEarlier, decimal? changePrevious, decimal changeYear)
    {
        var model = await DashboardAsync("2021-H1");

        Assert.Equal("2020-H2", model.GetProperty("previous").GetProperty("code").GetString());
        Assert.Equal("6 tháng cuối năm 2020", model.GetProperty("previous").GetProperty("name").GetString());
        Assert.Equal("2020-H1", model.GetProperty("yearEarlier").GetProperty("code").GetString());
        var card = model.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);
        decimal? Nullable(string name) => card.GetProperty(name).ValueKind == JsonValueKind.Null ? null : card.GetProperty(name).GetDecimal();
        Assert.Equal(value, card.GetProperty("value").GetDecimal());
        Assert.Equal(previous, Nullable("previous"));
        Assert.Equal(yearEarlier, card.GetProperty("yearEarlier").GetDecimal());
        Assert.Equal(changePrevious, Nullable("changeFromPrevious"));
        Assert.Equal(changeYear, card.GetProperty("changeFromYearEarlier").GetDecimal());
        Assert.True(card.GetProperty("illustrative").GetBoolean()); // compared with illustrative periods
    }

    [Fact]
    public async Task Cards_show_Vietnamese_numbers_and_changes_on_the_page()
    {
        var leader = await factory.SignedInAsync("lanhdao@danvan.local");
        var page = await leader.GetDocumentAsync("/dashboard?period=2021-H1");

        string Card(string key, string part) =>
            page.QuerySelector($"[data-card='{key}'] [data-testid='{part}']")!.TextContent.Trim();
        Assert.Equal("50.003", Card("hoso", "value"));
        Assert.Equal("▲ 6.587", Card("hoso", "change-year"));
        Assert.Equal("▲ 9.111", Card("hoso", "change-previous")); // before: "▼ 34.305", a half-year against a whole year
        Assert.Contains("6T cuối/2020", page.QuerySelector("[data-card='hoso']")!.TextContent);
        Assert.Equal("98,6%", Card("dunghan-so", "value"));
        Assert.Equal("…", Card("dunghan-so", "change-previous"));
        Assert.Equal("71,8%", Card("dunghan-dkdd", "value"));
        Assert.Equal("▼ 0,8 điểm %", Card("dunghan-dkdd", "change-year"));
        Assert.Contains("Năm 2020", page.QuerySelector("[data-card='dang-giai-quyet']")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid='change-legend']"));
        Assert.Equal("99,8%", Card("hai-long", "value"));
        Assert.Equal("không đổi", Card("hai-long", "change-year"));
        Assert.Equal("8.765", Card("dang-giai-quyet", "value"));
        Assert.Contains("text-success", page.QuerySelector("[data-card='dang-giai-quyet'] [data-testid='change-previous']")!.ClassName);
        Assert.Contains("text-danger", page.QuerySelector("[data-card='dang-giai-quyet'] [data-testid='change-year']")!.ClassName);
        Assert.Equal("5.316", Card("van-ban", "value"));
    }

    [Fact]
    public async Task Charts_follow_the_periods_oldest_first_with_hand_checked_points()
    {
        var model = await DashboardAsync("2021-H1");
        var charts = model.GetProperty("charts").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);

        Assert.Equal(["dung-han", "ket-qua", "don-thu", "ton-dong", "gui-so-lieu"], charts.Keys);
        var onTime = charts["dung-han"];
        // One line per kind of period: half-years only (with the years in between it was a sawtooth).
        Assert.Equal(["6T/2019", "6T/2020", "6T/2021"], Texts(onTime.GetProperty("labels"), "text"));
        Assert.Equal([true, true, false], onTime.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("illustrative").GetBoolean()));
        // SO: 23.657/23.989, 23.604/23.910, 28.509/28.916
        Assert.Equal([98.6m, 98.7m, 98.6m], Numbers(onTime, 0));

        var resolved = charts["ket-qua"];
        Assert.Equal([28509m, 12154m, 6286m], Numbers(resolved, 0));
        Assert.Equal([407m, 3810m, 2467m], Numbers(resolved, 1));
        Assert.True(resolved.GetProperty("stacked").GetBoolean());

        var letters = charts["don-thu"];
        Assert.Equal([174m, 34m, 307m], Enumerable.Range(0, 3).Select(s => Numbers(letters, s)[^1]));

        // The backlog at the end of each first half; 2020-H1 left 1.513, 3.159, 3.293 pending.
        var backlog = charts["ton-dong"];
        Assert.Equal([1513m, 3159m, 3293m], Enumerable.Range(0, 3).Select(s => Numbers(backlog, s)[1]));
        Assert.Equal([1699m, 3424m, 3642m], Enumerable.Range(0, 3).Select(s => Numbers(backlog, s)[2]));

        // Completeness: all four units sent in every half-year; one unit of 2020-H1 late.
        var completeness = charts["gui-so-lieu"];
        Assert.Equal([4m, 4m, 4m], Numbers(completeness, 0));
        Assert.Equal([4m, 4m, 4m], Numbers(completeness, 1));
        Assert.Equal([0m, 1m, 0m], Numbers(completeness, 2));
    }

    [Fact]
    public async Task Data_quality_lists_the_open_violation_with_its_explanation_and_late_units_with_links()
    {
        var h1 = await DashboardAsync("2021-H1");
        var violation = h1.GetProperty("quality").GetProperty("violations").EnumerateArray().Single();
        Assert.Equal("TTPVHCC", violation.GetProperty("unit").GetString());
        Assert.Equal("Tổng số hồ sơ (19.388) khác kỳ trước chuyển qua + tiếp nhận mới (4.058 + 15.338 = 19.396)", violation.GetProperty("message").GetString());
        Assert.StartsWith("Tổng số 19.388 hồ sơ là số liệu kết xuất", violation.GetProperty("explanation").GetString());
        Assert.Equal("/entry/2021-H1/TTPVHCC", violation.GetProperty("link").GetString());
        Assert.Empty(h1.GetProperty("quality").GetProperty("late").EnumerateArray());
        Assert.Empty(h1.GetProperty("quality").GetProperty("missing").EnumerateArray());

        // 2019-Y (illustrative): the Trung tâm sent on 18/12/2019, two days after the deadline of 16/12/2019.
        var late = (await DashboardAsync("2019-Y")).GetProperty("quality").GetProperty("late").EnumerateArray().Single();
        Assert.Equal("TTPVHCC", late.GetProperty("unit").GetString());
        Assert.Equal(2, late.GetProperty("daysLate").GetInt32());
        Assert.Equal("/entry/2019-Y/TTPVHCC", late.GetProperty("link").GetString());

        // 2021-Y is open: nothing sent yet, every unit misses its required figures, the deadline has not passed.
        var open = await DashboardAsync("2021-Y");
        var missing = open.GetProperty("quality").GetProperty("missing").EnumerateArray().ToList();
        Assert.Equal(["HCTC", "KSTTHC", "TTPVHCC", "BTCD"], missing.Select(m => m.GetProperty("unit").GetString()));
        Assert.All(missing, m => Assert.Equal("/entry/2021-Y/" + m.GetProperty("unit").GetString(), m.GetProperty("link").GetString()));
        Assert.Empty(open.GetProperty("quality").GetProperty("late").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("cards")[0].GetProperty("value").ValueKind); // blank, not zero

        var leader = await factory.SignedInAsync("lanhdao@danvan.local");
        var page = await leader.GetDocumentAsync("/dashboard?period=2021-H1");
        var row = page.QuerySelector("[data-testid='violations'] tbody tr")!;
        Assert.Contains("19.396", row.TextContent);
        Assert.Contains("rút lại", row.TextContent);
        Assert.Equal("/entry/2021-H1/TTPVHCC", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_a_period_the_dashboard_shows_the_latest_period_with_figures_and_the_open_one_on_top()
    {
        var leader = await factory.ApiAsync("lanhdao@danvan.local");
        var latest = await (await leader.GetAsync("/api/v1/periods/latest/dashboard")).JsonAsync();
        Assert.Equal("2021-H1", latest.GetProperty("period").GetProperty("code").GetString());
        var open = latest.GetProperty("open").EnumerateArray().Single();
        Assert.Equal("2021-Y", open.GetProperty("period").GetProperty("code").GetString());
        Assert.Equal(0, open.GetProperty("sent").GetInt32());
        Assert.Equal(14, open.GetProperty("daysToUnitDeadline").GetInt32());

        var browser = await factory.SignedInAsync("lanhdao@danvan.local");
        var page = await browser.GetDocumentAsync("/dashboard");
        Assert.Equal("2021-H1", page.QuerySelector("#period option[selected]")!.GetAttribute("value"));
        Assert.Contains("0/4 đơn vị đã gửi", page.QuerySelector("[data-testid='open-period']")!.TextContent);
    }

    [Theory]
    [InlineData("/api/v1/periods/2099-H1/dashboard")]
    [InlineData("/api/v1/periods/not-a-period/dashboard")]
    [InlineData("/api/v1/periods/2021-H1/dashboard?unit=NOPE")]
    [InlineData("/api/v1/periods/2021-H1/dashboard?unit=VPUBND")]
    public async Task Unknown_period_or_unit_is_404(string url)
    {
        var leader = await factory.ApiAsync("lanhdao@danvan.local");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync(url)).StatusCode);
    }

    private async Task<JsonElement> DashboardAsync(string period)
    {
        var leader = await factory.ApiAsync("lanhdao@danvan.local");
        var response = await leader.GetAsync($"/api/v1/periods/{period}/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static List<decimal?> Numbers(JsonElement chart, int series) =>
        chart.GetProperty("series")[series].GetProperty("values").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetDecimal()).ToList();

    private static List<string?> Texts(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()).ToList();
}
