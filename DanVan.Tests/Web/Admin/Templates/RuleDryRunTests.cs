using System.Net;
using AngleSharp.Dom;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin.Templates;

/// <summary>"Thử trên kỳ": a rule being edited, judged on the stored figures of an existing period, nothing saved.</summary>
[Collection(SharedPortal.Name)]
public sealed class RuleDryRunTests(DanVanFactory app)
{
    private async Task<(HttpResponseMessage Response, IDocument Page)> TryAsync(string left, string op, string right, string period = "2021-H1", string message = "Vi phạm: {left.detail} / {right.detail}")
    {
        var admin = await TemplateAdminClient.SignInAsync(app);
        var v1 = await TemplateAdminClient.WithDbAsync(app, db => db.Templates.Where(t => t.Version == 1).Select(t => t.Id).SingleAsync());
        // Trying a rule never writes, so it is offered on published versions too (only "Lưu" is not).
        var response = await admin.PostAsync($"/admin/templates/{v1}/rules/new", "form[data-testid='rule-form']", new Dictionary<string, string>
        {
            ["Code"] = "R.THU", ["Left"] = left, ["Op"] = op, ["Right"] = right, ["Severity"] = "error", ["Message"] = message, ["Period"] = period, ["Intent"] = "check",
        });
        return (response, await FormClient.ParseAsync(response));
    }

    private static string Summary(IDocument page) => page.QuerySelector("[data-testid='dry-run-summary']")!.TextContent.Trim();

    [Fact]
    public async Task The_land_records_rule_flags_the_one_unit_whose_2021_H1_figures_break_it_with_the_numbers()
    {
        var (_, page) = await TryAsync("HS.DD.TONG", "=", "HS.DD.KYTRUOC + HS.DD.MOI");
        Assert.Equal("Quy tắc này sẽ cảnh báo 1 đơn vị trong kỳ 6 tháng đầu năm 2021 (2021-H1).", Summary(page));
        var row = page.QuerySelector("[data-testid='dry-run'] tr[data-unit='TTPVHCC']")!;
        Assert.Equal("flagged", row.GetAttribute("data-verdict"));
        Assert.Contains("19.388", row.TextContent);
        Assert.Contains("4.058 + 15.338 = 19.396", row.TextContent);
        Assert.Contains("Vi phạm: 19.388 / 4.058 + 15.338", row.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid='dry-run'] tbody tr"));
    }

    [Fact]
    public async Task A_rule_that_holds_flags_nobody_and_blank_figures_are_not_judged()
    {
        var (_, holds) = await TryAsync("DON.TONG", "<=", "600");
        Assert.StartsWith("Quy tắc này sẽ cảnh báo 0 đơn vị", Summary(holds));
        Assert.Equal("holds", holds.QuerySelector("tr[data-unit='BTCD']")!.GetAttribute("data-verdict"));

        var (_, flagged) = await TryAsync("DON.TONG", "<=", "500");
        Assert.StartsWith("Quy tắc này sẽ cảnh báo 1 đơn vị", Summary(flagged));
        Assert.Contains("515", flagged.QuerySelector("tr[data-unit='BTCD']")!.TextContent);

        var (_, blank) = await TryAsync("KN.GQ", "<=", "KN.TONG"); // both blank in 2021-H1: blank is not zero
        Assert.StartsWith("Quy tắc này sẽ cảnh báo 0 đơn vị", Summary(blank));
        Assert.Equal("blank", blank.QuerySelector("tr[data-unit='BTCD']")!.GetAttribute("data-verdict"));
    }

    [Fact]
    public async Task A_rule_on_the_previous_period_only_is_judged_for_every_unit_and_counts_them_all()
    {
        // 2021-H1's previous period is 2020-Y, whose pending files were 2.353: every unit's sheet would show it.
        var (_, page) = await TryAsync("PREV(HS.SO.DANGGQ)", ">=", "3000");
        Assert.Equal("Quy tắc này sẽ cảnh báo 4 đơn vị trong kỳ 6 tháng đầu năm 2021 (2021-H1).", Summary(page));
        Assert.Equal(4, page.QuerySelectorAll("tr[data-verdict='flagged']").Length);
        Assert.Contains("2.353", page.QuerySelector("tr[data-unit='HCTC']")!.TextContent);

        var (_, older) = await TryAsync("PREV(HS.SO.DANGGQ)", ">=", "3000", period: "2019-H1"); // no period before it
        Assert.StartsWith("Quy tắc này sẽ cảnh báo 0 đơn vị trong kỳ 6 tháng đầu năm 2019", Summary(older));
    }

    [Fact]
    public async Task A_rule_over_two_units_figures_is_explained_rather_than_counted()
    {
        var (_, page) = await TryAsync("DON.TONG", "=", "VB.TONG");
        Assert.StartsWith("Quy tắc này sẽ cảnh báo 0 đơn vị", Summary(page));
        Assert.Contains("nhiều đơn vị (BTCD, HCTC)", page.QuerySelector("[data-testid='dry-run-note']")!.TextContent);
        Assert.Equal("flagged", page.QuerySelector("tr[data-unit='']")!.GetAttribute("data-verdict"));
    }

    [Fact]
    public async Task A_broken_rule_is_not_tried_and_the_fields_say_why()
    {
        var (response, page) = await TryAsync("DON.TONG *", "=", "DON.TONG", period: "2030-H1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(page.QuerySelector("[data-testid='dry-run']"));
        Assert.Contains("vị trí 11", page.QuerySelector("#Left-error")!.TextContent);
        Assert.Contains("Chọn kỳ báo cáo", page.QuerySelector("#Period-error")!.TextContent);
    }
}
