using System.Net;
using DanVan.Data;
using AngleSharp.Dom;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Entry;

public sealed class CarryOverTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    /// <summary>
    /// The demo's illustrative 2020-Y holds pending files 2.353 / 4.058 / 4.370 (what the model report carried into
    /// 2021-H1); they must carry over into 2021-Y too, whose previous period is also 2020-Y.
    /// </summary>
    public async Task InitializeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var period = await db.Periods.SingleAsync(p => p.Code == "2020-Y");
        Assert.True(period.IsIllustrative && period.IsLocked);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Carried_over_figures_are_prefilled_from_the_previous_periods_pending_files()
    {
        var unit = await _app.SignedInAsync("ttpvhcc@danvan.local");

        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");

        Assert.Equal("2.353", page.ValueOf("HS.SO.KYTRUOC"));
        Assert.Equal("4.058", page.ValueOf("HS.DD.KYTRUOC"));
        Assert.Equal("4.370", page.ValueOf("HS.DKDD.KYTRUOC"));
        Assert.Contains("2020-Y", page.Document.QuerySelector("[data-testid='prefilled']")!.TextContent);
    }

    [Fact]
    public async Task A_changed_carried_over_figure_is_flagged_against_the_previous_period()
    {
        var unit = await _app.SignedInAsync("ttpvhcc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");

        var saved = await page.SaveAsync(new Dictionary<string, string> { ["v:HS.DD.KYTRUOC"] = "4.000" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.Equal("4.000", page.ValueOf("HS.DD.KYTRUOC"));
        Assert.Contains("4.058", page.Violations);
        Assert.Contains("Cảnh báo", page.Violations);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("[data-testid='prefilled']"), e => e.ParentElement!.InnerHtml.Contains("HS.DD.KYTRUOC"));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var values = await (from v in db.Values join i in db.Indicators on v.IndicatorId equals i.Id
                            join p in db.Periods on v.PeriodId equals p.Id
                            where p.Code == "2021-Y" && i.Code.EndsWith(".KYTRUOC")
                            select new { i.Code, v.Number, v.IsPrefilled }).ToListAsync();
        Assert.Contains(values, v => v.Code == "HS.SO.KYTRUOC" && v.Number == 2353 && v.IsPrefilled);
        Assert.Contains(values, v => v.Code == "HS.DD.KYTRUOC" && v.Number == 4000 && !v.IsPrefilled);
    }

    [Fact]
    public async Task Narratives_keep_their_line_breaks_and_autosave_answers_with_the_new_version()
    {
        var unit = await _app.SignedInAsync("ttpvhcc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        var section = page.Document.QuerySelector("textarea[name^='n:']")!.GetAttribute("name")!;
        var token = page.Form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var response = await unit.PostAsync("/entry/2021-Y/TTPVHCC/autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, [section] = "Đoạn một.\r\nĐoạn hai <b>không phải HTML</b>.",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("saved").GetBoolean());
        Assert.True(Guid.TryParse(json.GetProperty("version").GetString(), out _));
        page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.Equal("Đoạn một.\nĐoạn hai <b>không phải HTML</b>.", page.Document.QuerySelector($"textarea[name='{section}']")!.TextContent.TrimStart('\n'));
        Assert.DoesNotContain("<b>không", page.Document.Body!.InnerHtml);
    }
}
