using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Rules;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Security;

/// <summary>Issue 19 item 6: a unit's rule may read another unit's figure; the unit's page must not carry it.</summary>
public sealed class CrossUnitFiguresTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_rule_reading_another_units_previous_figure_is_checked_on_the_server_and_the_figure_stays_off_the_page()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            var templateId = await db.Periods.Where(p => p.Code == "2021-Y").Select(p => p.TemplateId).SingleAsync();
            // A BTCD rule that reads the Trung tâm's files of the period before (never below 0, so it only reads).
            db.Rules.Add(ValidationRule.Create(templateId, "R.BTCD.DOC.HS", "DON.TONG + PREV(HS.SO.MOI)", RuleOperator.GreaterOrEqual, "0",
                Severity.Warning, "Đọc {PREV(HS.SO.MOI)}"));
            await db.SaveChangesAsync();
        }

        var unit = await _app.SignedInAsync("btcd@danvan.local");
        var page = await unit.GetDocumentAsync("/entry/2021-Y/BTCD");
        using var data = JsonDocument.Parse(page.GetElementById("entry-data")!.TextContent);
        var previous = data.RootElement.GetProperty("previous");
        Assert.False(previous.TryGetProperty("HS.SO.MOI", out _), "another unit's figure is in the page: " + previous);
        Assert.DoesNotContain("28262", page.GetElementById("entry-data")!.TextContent);
    }
}
