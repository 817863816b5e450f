using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain.Indicators;
using DanVan.Domain.Rules;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Entry;

/// <summary>
/// A sheet loads only its unit's indicators and rules, yet still evaluates a formula that reads another unit's
/// computed indicator (the formulas it can reach are loaded, whoever supplies them).
/// </summary>
public sealed class SheetLoadingTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public async Task InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var templateId = (await db.Periods.SingleAsync(p => p.Code == "2021-Y")).TemplateId;
        var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id);
        var sort = await db.Indicators.MaxAsync(i => i.SortOrder);
        // HCTC supplies a constant and a figure computed from it; BTCD doubles HCTC's computed figure.
        db.Indicators.Add(Indicator.Create(templateId, "T.GOC", "Hệ số gốc", "", ValueKind.Count, units["HCTC"], "ketqua", ++sort, false, "3"));
        db.Indicators.Add(Indicator.Create(templateId, "T.HESO", "Hệ số", "", ValueKind.Count, units["HCTC"], "ketqua", ++sort, false, "T.GOC + 1"));
        db.Indicators.Add(Indicator.Create(templateId, "T.GAPDOI", "Gấp đôi hệ số", "", ValueKind.Count, units["BTCD"], "ketqua", ++sort, false, "T.HESO * 2"));
        // A rule over BTCD's figures and one that also reads an HCTC figure: only the first is BTCD's.
        db.Rules.Add(ValidationRule.Create(templateId, "R.T.BTCD", "T.GAPDOI", RuleOperator.LessOrEqual, "DON.TONG", Severity.Warning,
            "Gấp đôi hệ số ({left}) lớn hơn tổng số đơn ({right})"));
        db.Rules.Add(ValidationRule.Create(templateId, "R.T.CHUNG", "T.GAPDOI", RuleOperator.LessOrEqual, "VB.TONG", Severity.Error,
            "Không thuộc riêng đơn vị nào"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_formula_reaching_another_units_computed_figure_is_evaluated_and_only_own_rules_apply()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");

        var saved = await staff.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values",
            new { values = new Dictionary<string, object?> { ["DON.TONG"] = 5 } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.JsonAsync();

        Assert.Equal(8m, body.GetProperty("computed").GetProperty("T.GAPDOI").GetDecimal());
        Assert.False(body.GetProperty("computed").TryGetProperty("T.HESO", out _));
        Assert.False(body.GetProperty("values").TryGetProperty("VB.TONG", out _));
        var violations = body.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()).ToList();
        Assert.Contains("R.T.BTCD", violations);
        Assert.DoesNotContain("R.T.CHUNG", violations);
    }
}
