using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Tests.Support;
using UglyToad.PdfPig;

namespace DanVan.Tests.Web.Reports;

public sealed class ReportWorkflowTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task Compiler_edits_the_metadata_previews_and_downloads_every_format()
    {
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");
        var editor = await compiler.GetDocumentAsync("/reports/2021-H1");
        Assert.Contains("31/4/2019", editor.QuerySelector("[data-testid='lint']")!.TextContent);
        Assert.Contains("10/6/2021", editor.QuerySelector("[data-testid='lint']")!.TextContent);
        Assert.Contains("GS.CUOC", editor.QuerySelector("[data-testid='missing']")!.TextContent);

        var form = editor.QuerySelector<IHtmlFormElement>("form[action$='/metadata']")!;
        var saved = await compiler.PostWholeFormAsync(form, new Dictionary<string, string>
        {
            ["RequestReference"] = "Công văn số 1315/SNV-XDCQ ngày 01/6/2021", ["Date"] = "2021-06-07",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        editor = await compiler.GetDocumentAsync("/reports/2021-H1");
        Assert.DoesNotContain("1315/SNV-XDCQ ngày 10/6/2021", editor.QuerySelector("[data-testid='lint']")!.TextContent);

        var preview = await compiler.GetAsync("/reports/2021-H1/preview");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("ngày 07 tháng 6 năm 2021", html);
        Assert.Contains("href=\"/entry/2021-H1/TTPVHCC/history/HS.TONG\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("default-src 'none'", preview.Headers.GetValues("Content-Security-Policy").Single());

        var pdf = await compiler.GetAsync("/reports/2021-H1/download/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("BC-876-VP-2021-H1.pdf", pdf.Content.Headers.ContentDisposition!.FileName);
        var text = Text(bytes);
        Assert.Contains("Số: 876/BC-VP", text);
        Assert.Contains("Công văn số 1315/SNV-XDCQ ngày 01/6/2021", text);
        Assert.Contains("50.003", text);

        var docx = await compiler.GetAsync("/reports/2021-H1/download/docx");
        Assert.Equal("BC-876-VP-2021-H1.docx", docx.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await docx.Content.ReadAsByteArrayAsync())[..2]));
        var xlsx = await compiler.GetAsync("/reports/2021-H1/download/xlsx");
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileName);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var indicators = workbook.Worksheet(DanVan.Web.Rendering.Xlsx.XlsxIndicatorSheet.SheetName);
        var hoSo = indicators.RowsUsed().Single(r => r.Cell(2).GetString() == "HS.DD.TONG");
        Assert.Contains("Tổng số 19.388 hồ sơ là số liệu kết xuất", hoSo.Cell(7).GetString()); // the unit's giải trình, from the database
    }

    [Fact]
    public async Task The_navigation_report_link_opens_the_newest_report_not_yet_issued()
    {
        var browser = await _app.SignedInAsync("tonghop@danvan.local");
        var current = await browser.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
        Assert.Equal("/reports/2021-Y", current.Headers.Location!.OriginalString);

        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        await compiler.SendReadyAsync("2021-Y");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/v1/periods/2021-Y/report/approve", null)).StatusCode);

        current = await browser.GetAsync("/reports");
        Assert.Equal("/reports/2021-H1", current.Headers.Location!.OriginalString);
        var home = await browser.GetDocumentAsync("/");
        Assert.Equal("/reports", home.QuerySelector("[data-testid='nav-report']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_issued_report_is_frozen_and_served_identically_while_the_data_moves_on()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { metadata = new { place = "Huế" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await compiler.PostAsync("/api/v1/periods/2021-H1/report/approve", null)).StatusCode);

        await compiler.SendReadyAsync("2021-H1");
        Assert.Equal(HttpStatusCode.Conflict, (await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { metadata = new { place = "Huế" } })).StatusCode);
        var rejected = await leader.PostAsJsonAsync("/api/v1/periods/2021-H1/report/reject", new { comment = "Sửa ngày công văn đề nghị." });
        Assert.Equal("draft", (await rejected.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await compiler.SubmitWithReasonsAsync("2021-H1")).StatusCode);
        var approved = await leader.PostAsync("/api/v1/periods/2021-H1/report/approve", null);
        var body = await approved.JsonAsync();
        Assert.Equal("issued", body.GetProperty("state").GetString());
        var sha = body.GetProperty("pdfSha256").GetString();

        var first = await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(first)));
        Assert.Equal(HttpStatusCode.Conflict, (await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { metadata = new { place = "Huế" } })).StatusCode);

        // Later the admin reopens TTPVHCC and a figure changes: the issued report does not.
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var page = await admin.GetDocumentAsync("/entry/2021-H1/TTPVHCC");
        var reopen = page.QuerySelector<IHtmlFormElement>("form[action$='/reopen']")!;
        await admin.PostFormAsync(reopen, new Dictionary<string, string> { ["until"] = "2026-12-31", ["reason"] = "Sửa số liệu sau ban hành." });
        var staff = await _app.ApiAsync("ttpvhcc@danvan.local");
        var put = await staff.PutAsJsonAsync("/api/v1/periods/2021-H1/units/TTPVHCC/values",
            new { values = new Dictionary<string, object?> { ["HS.TONG"] = 50004 }, reason = "Bổ sung 01 hồ sơ." });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var second = await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(first, second);
        Assert.Contains("50.003", Text(second));
        var browser = await _app.SignedInAsync("tonghop@danvan.local");
        var editor = await browser.GetDocumentAsync("/reports/2021-H1");
        var changes = editor.QuerySelector("[data-testid='changes']")!.TextContent;
        Assert.Contains("HS.TONG", changes);
        Assert.Contains("50.004", changes);
    }

    [Fact]
    public async Task Api_report_get_put_and_bad_input()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var get = await (await compiler.GetAsync("/api/v1/periods/2021-H1/report")).JsonAsync();
        Assert.Equal("draft", get.GetProperty("state").GetString());
        Assert.Equal("876/BC-VP", get.GetProperty("metadata").GetProperty("number").GetString());
        Assert.Equal("2021-06-07", get.GetProperty("metadata").GetProperty("date").GetString());
        Assert.Contains(get.GetProperty("lint").EnumerateArray(), l => l.GetProperty("message").GetString()!.Contains("31/4/2019"));
        Assert.Contains("KN.TONG", get.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));

        var badDate = await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { metadata = new { date = "2021-02-30" } });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var badSection = await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { sections = new Dictionary<string, string> { ["nope"] = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, badSection.StatusCode);
        var badAuthority = await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new { metadata = new { signerAuthority = "XX." } });
        Assert.Equal(HttpStatusCode.BadRequest, badAuthority.StatusCode);

        var ok = await compiler.PutAsJsonAsync("/api/v1/periods/2021-H1/report", new
        {
            metadata = new { signerAuthority = "KT.", deputyTitle = "PHÓ CHÁNH VĂN PHÒNG", recipients = new[] { "Sở Nội vụ;", "Lưu: VT, HCTC." } },
            sections = new Dictionary<string, string> { ["danhgia.hanche"] = "Tổng số hồ sơ là {HS.TONG} hồ sơ, trong đó {TCD.TX.DOAN:00} đoàn." },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("KT.", (await ok.JsonAsync()).GetProperty("metadata").GetProperty("signerAuthority").GetString());
        var html = await (await compiler.GetAsync("/api/v1/periods/2021-H1/report.html")).Content.ReadAsStringAsync();
        Assert.Contains("50.003</a> hồ sơ, trong đó", html);
        Assert.Contains(">01</a> đoàn", html);
        Assert.Contains("KT. CHÁNH VĂN PHÒNG", html);
    }

    [Theory]
    [InlineData("/api/v1/periods/2021-H1/report")]
    [InlineData("/api/v1/periods/2021-H1/report.pdf")]
    [InlineData("/api/v1/periods/2021-H1/appendix.xlsx")]
    public async Task Unit_staff_cannot_read_the_report(string url)
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
        var browser = await _app.SignedInAsync("btcd@danvan.local");
        var page = await browser.GetAsync("/reports/2021-H1");
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString);
    }
}
