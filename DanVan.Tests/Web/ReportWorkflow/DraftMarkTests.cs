using System.Net.Http.Json;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace DanVan.Tests.Web.ReportWorkflow;

/// <summary>Exports of a report not approved yet carry “DỰ THẢO”; the approved file has the final look.</summary>
public sealed class DraftMarkTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    private static string DocxText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join(" ", word.MainDocumentPart!.HeaderParts.Select(h => h.Header.InnerText)) + " " + word.MainDocumentPart.Document.Body!.InnerText;
    }

    [Fact]
    public async Task Drafts_are_marked_on_every_pdf_page_in_the_docx_and_html_and_the_approved_files_are_not()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var draftPdf = await (await compiler.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        Assert.All(PageTexts(draftPdf), t => Assert.Contains("DỰ THẢO", t));
        Assert.Contains("DỰ THẢO", DocxText(await (await compiler.GetAsync("/api/v1/periods/2021-H1/report.docx")).Content.ReadAsByteArrayAsync()));
        Assert.Contains("data-testid=\"draft-mark\">DỰ THẢO", await (await compiler.GetAsync("/api/v1/periods/2021-H1/report.html")).Content.ReadAsStringAsync());

        await compiler.SendReadyAsync("2021-H1");
        var pending = await (await compiler.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Contains("DỰ THẢO", PageTexts(pending)[0]);
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        await leader.PostAsync("/api/v1/periods/2021-H1/report/approve", null);

        var approved = await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        Assert.All(PageTexts(approved), t => Assert.DoesNotContain("DỰ THẢO", t));
        Assert.Contains("Số: 876/BC-VP", PageTexts(approved)[0]);
        Assert.DoesNotContain("DỰ THẢO", DocxText(await (await leader.GetAsync("/api/v1/periods/2021-H1/report.docx")).Content.ReadAsByteArrayAsync()));
        Assert.DoesNotContain("DỰ THẢO", await (await leader.GetAsync("/api/v1/periods/2021-H1/report.html")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_preview_marks_figures_from_sheets_not_accepted()
    {
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");
        var year = await (await compiler.GetAsync("/reports/2021-Y/preview")).Content.ReadAsStringAsync();
        Assert.Contains("class=\"figure missing unaccepted\" title=\"Số liệu từ phiếu chưa được tiếp nhận\"", year);
        var half = await (await compiler.GetAsync("/reports/2021-H1/preview")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("unaccepted\"", half);
        Assert.Contains("class=\"figure\"", half);
    }
}
