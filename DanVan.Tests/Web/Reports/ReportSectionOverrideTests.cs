using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Reports;

/// <summary>A section's text left as the template wrote it is not the compiler's override, whether saved by page or API.</summary>
public sealed class ReportSectionOverrideTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<(string Key, string Text)> TemplateSectionAsync() => _app.QueryAsync(async db =>
    {
        var templateId = await db.Periods.Where(p => p.Code == "2021-Y").Select(p => p.TemplateId).SingleAsync();
        var section = await db.OutlineSections.Where(s => s.TemplateId == templateId && s.DefaultText != null && s.WriterUnitId == null)
            .OrderBy(s => s.Id).Select(s => new { s.Key, s.DefaultText }).FirstAsync();
        return (section.Key, section.DefaultText!);
    });

    private Task<bool> HasOverrideAsync(string key) => _app.QueryAsync(db => (
        from t in db.ReportSectionTexts
        join r in db.Reports on t.ReportId equals r.Id
        join p in db.Periods on r.PeriodId equals p.Id
        where p.Code == "2021-Y" && t.SectionKey == key
        select t).AnyAsync());

    [Fact]
    public async Task The_api_saving_the_template_text_unchanged_stores_no_override()
    {
        var (key, text) = await TemplateSectionAsync();
        var compiler = await _app.ApiAsync("tonghop@danvan.local");

        var response = await compiler.PutAsJsonAsync("/api/v1/periods/2021-Y/report", new { sections = new Dictionary<string, string> { [key] = text } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await HasOverrideAsync(key));
        var changed = await compiler.PutAsJsonAsync("/api/v1/periods/2021-Y/report", new { sections = new Dictionary<string, string> { [key] = text + " Bổ sung." } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True(await HasOverrideAsync(key));
    }

    [Fact]
    public async Task The_page_saving_the_template_text_unchanged_stores_no_override()
    {
        var (key, _) = await TemplateSectionAsync();
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");
        var editor = await compiler.GetDocumentAsync("/reports/2021-Y");
        var form = editor.QuerySelector<IHtmlFormElement>("form[action$='/sections']")!;

        var saved = await compiler.PostWholeFormAsync(form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(await HasOverrideAsync(key));
    }
}
