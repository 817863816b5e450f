using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Admin.Templates;

/// <summary>A dry run judges the units that took part in the period (decision 0010), whatever they are today.</summary>
public sealed class RuleDryRunParticipantsTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_unit_retired_since_the_period_is_still_judged_on_its_figures_of_that_period()
    {
        await TemplateAdminClient.WithDbAsync(_app, async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "BTCD");
            unit.Retire();
            return await db.SaveChangesAsync();
        });
        var admin = await TemplateAdminClient.SignInAsync(_app);
        var v1 = await TemplateAdminClient.WithDbAsync(_app, db => db.Templates.Where(t => t.Version == 1).Select(t => t.Id).SingleAsync());

        var response = await admin.PostAsync($"/admin/templates/{v1}/rules/new", "form[data-testid='rule-form']", new Dictionary<string, string>
        {
            ["Code"] = "R.THU", ["Left"] = "DON.TONG", ["Op"] = "<=", ["Right"] = "500", ["Severity"] = "error",
            ["Message"] = "Tổng số đơn {left} vượt {right}", ["Period"] = "2021-H1", ["Intent"] = "check",
        });
        var page = await FormClient.ParseAsync(response);

        Assert.StartsWith("Quy tắc này sẽ cảnh báo 1 đơn vị", page.QuerySelector("[data-testid='dry-run-summary']")!.TextContent.Trim());
        var row = page.QuerySelector("[data-testid='dry-run'] tr[data-unit='BTCD']")!;
        Assert.Equal("flagged", row.GetAttribute("data-verdict"));
        Assert.Contains("Tổng số đơn 515 vượt 500", row.TextContent);
    }
}
