using System.Text;
using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Journey 3 of issue #8: the compiler edits the 2021-H1 report's metadata, previews it and downloads it.</summary>
public sealed class ReportJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Reference = "Công văn số 1315/SNV-XDCQ ngày 01/6/2021 của Sở Nội vụ";

    [BrowserFact]
    public async Task Compiler_edits_the_metadata_previews_and_downloads_PDF_DOCX_and_XLSX()
    {
        await Page.SignInAsync(Session.Compiler);
        var home = new HomePage(Page);
        await StepAsync("Trang chủ chuyên viên tổng hợp");
        await home.ReportLink("2021-H1").ClickAsync();
        var editor = new ReportEditorPage(Page);
        await Expect(editor.State).ToHaveTextAsync("Dự thảo");
        await Expect(editor.Preview.Locator("body")).ToContainTextAsync("50.003");
        await StepAsync("Báo cáo 6 tháng đầu năm 2021: dự thảo");

        await editor.Field("Văn bản đề nghị (căn cứ)").FillAsync(Reference);
        await editor.Field("Ngày báo cáo").FillAsync("2021-06-07");
        await StepAsync("Sửa thông tin văn bản", editor.MetadataForm);
        await editor.SaveMetadataAsync();
        await Expect(editor.Field("Văn bản đề nghị (căn cứ)")).ToHaveValueAsync(Reference);
        await Expect(editor.Field("Ngày báo cáo")).ToHaveValueAsync("2021-06-07");
        await StepAsync("Đã lưu thông tin", editor.MetadataForm);

        await Expect(editor.Preview.Locator("body")).ToContainTextAsync("ngày 07 tháng 6 năm 2021");
        await Expect(editor.Preview.Locator("body")).ToContainTextAsync(Reference);
        await StepAsync("Xem trước có ngày và căn cứ mới", editor.PreviewFrame);
        // axe cannot enter the script-free frame: its document is checked as a page of its own.
        await Page.GotoAsync("/reports/2021-H1/preview");
        await Expect(Page.Locator("body")).ToContainTextAsync("ngày 07 tháng 6 năm 2021");
        await StepAsync("Bản xem trước mở riêng");
        await Page.GoBackAsync();
        await Expect(editor.State).ToBeVisibleAsync();

        var (pdfName, pdf) = await editor.DownloadAsync("Tải PDF", DownloadPath("bao-cao.pdf"));
        Assert.Equal("BC-876-VP-2021-H1.pdf", pdfName);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("1315/SNV-XDCQ", text);
            Assert.Contains("50.003", text);
        }
        var (docxName, docx) = await editor.DownloadAsync("Tải DOCX", DownloadPath("bao-cao.docx"));
        Assert.Equal("BC-876-VP-2021-H1.docx", docxName);
        Assert.Equal("PK", Encoding.ASCII.GetString(docx, 0, 2));
        var (xlsxName, xlsx) = await editor.DownloadAsync("Tải Phụ lục (XLSX)", DownloadPath("phu-luc.xlsx"));
        Assert.EndsWith("2021-H1.xlsx", xlsxName);
        Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));
        await StepAsync("Đã tải PDF, DOCX, XLSX", editor.MetadataForm, axe: false);

        // The navigation's “Báo cáo” opens the report being compiled now.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Báo cáo" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/2021-Y$"));
        await Expect(editor.State).ToBeVisibleAsync();
        await StepAsync("Menu Báo cáo mở báo cáo kỳ hiện tại");
    }
}
