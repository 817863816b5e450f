using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using DanVan.Data;
using DanVan.Domain.Indicators;
using DanVan.Tests.Support;
using DanVan.Web.Services.Entry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Entry;

/// <summary>“Tải mẫu Excel” and “Nhập từ Excel”: download, preview, confirm through the normal save, refusals.</summary>
public sealed class ExcelTests : IAsyncLifetime
{
    private const string Ttpvhcc = "ttpvhcc@danvan.local";
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // ---- download ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Download_identifies_period_and_unit_and_lists_every_entered_indicator()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.Equal(HttpStatusCode.Redirect, (await page.SaveAsync(new Dictionary<string, string> { ["v:HS.SO.KYTRUOC"] = "2.353" })).StatusCode);
        page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        var entered = page.Form.QuerySelectorAll<IHtmlInputElement>("input[name^='v:']").Select(i => i.Name![2..]).ToList();
        var computed = page.Document.QuerySelectorAll("output[data-code]").Select(o => o.GetAttribute("data-code")!).ToList();
        Assert.NotEmpty(computed);

        var response = await unit.GetAsync("/entry/2021-Y/TTPVHCC/excel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EntryWorkbook.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("SoLieu-2021-Y-TTPVHCC.xlsx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var ws = workbook.Worksheet(EntryWorkbook.SheetName);
        Assert.Equal("2021-Y", ws.Cell("B2").GetString());
        Assert.Equal("TTPVHCC", ws.Cell("B3").GetString());
        Assert.Contains("Trung tâm Phục vụ hành chính công", ws.Cell("A1").GetString());
        Assert.Contains("NĂM 2021", ws.Cell("A1").GetString());
        Assert.Equal(["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị"],
            Enumerable.Range(1, 5).Select(c => ws.Cell(EntryWorkbook.HeaderRow, c).GetString()));

        var meta = workbook.Worksheet(EntryWorkbook.MetaSheetName);
        Assert.Equal(XLWorksheetVisibility.VeryHidden, meta.Visibility);
        Assert.Equal("2021-Y", meta.Cell("B1").GetString());
        Assert.Equal("TTPVHCC", meta.Cell("B2").GetString());
        Assert.Equal((await TemplateIdAsync("2021-Y")).ToString(System.Globalization.CultureInfo.InvariantCulture), meta.Cell("B3").GetString());

        var rows = DataRows(ws).ToList();
        Assert.Equal(entered, rows.Select(r => r.Code).ToList());
        Assert.DoesNotContain(rows, r => computed.Contains(r.Code));
        Assert.Equal(page.Document.QuerySelector("legend")!.TextContent.Trim(), ws.Cell(EntryWorkbook.HeaderRow + 1, 1).GetString());
        Assert.StartsWith("II.3.", ws.Cell(EntryWorkbook.HeaderRow + 1, 1).GetString());

        // Values are typed only in column E; the stored figure is pre-filled as a number.
        Assert.True(ws.IsProtected);
        Assert.True(ws.SheetView.SplitRow == EntryWorkbook.HeaderRow);
        var carried = rows.Single(r => r.Code == "HS.SO.KYTRUOC").Row;
        Assert.False(ws.Cell(carried, EntryWorkbook.ColValue).Style.Protection.Locked);
        Assert.True(ws.Cell(carried, EntryWorkbook.ColCode).Style.Protection.Locked);
        Assert.Equal(XLDataType.Number, ws.Cell(carried, EntryWorkbook.ColValue).DataType);
        Assert.Equal(2353, ws.Cell(carried, EntryWorkbook.ColValue).GetDouble());
        Assert.Equal("#,##0", ws.Cell(carried, EntryWorkbook.ColValue).Style.NumberFormat.Format);
        Assert.True(ws.Column(EntryWorkbook.ColName).Width > 40);
        Assert.True(ws.Cell(carried, EntryWorkbook.ColName).Style.Alignment.WrapText);
    }

    [Fact]
    public async Task Download_writes_percents_in_percent_units_and_yes_no_as_words()
    {
        var unit = await _app.SignedInAsync("kstthc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "KSTTHC");
        await page.SaveAsync(new Dictionary<string, string> { ["v:CCHC.HUYEN.MOTCUA"] = "98,6", ["v:CCHC.TTPVHCC"] = "Có" });

        using var workbook = await DownloadAsync(unit, "2021-Y", "KSTTHC");
        var ws = workbook.Worksheet(EntryWorkbook.SheetName);
        var rate = ValueCell(ws, "CCHC.HUYEN.MOTCUA");
        Assert.Equal(XLDataType.Number, rate.DataType);
        Assert.Equal(98.6, rate.GetDouble(), 6);
        Assert.Equal("0.0#", rate.Style.NumberFormat.Format);
        Assert.Equal("Có", ValueCell(ws, "CCHC.TTPVHCC").GetString());
    }

    [Theory]
    [InlineData("tonghop@danvan.local")]
    [InlineData("lanhdao@danvan.local")]
    [InlineData("admin@danvan.local")]
    public async Task Readers_download_but_only_the_units_staff_see_the_import_form(string email)
    {
        var reader = await _app.SignedInAsync(email);

        var page = await EntryPage.OpenAsync(reader, "2021-Y", "TTPVHCC");
        Assert.NotNull(page.Document.QuerySelector("a[data-testid='excel-download'][href='/entry/2021-Y/TTPVHCC/excel']"));
        Assert.Null(page.Document.QuerySelector("#import-form"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/entry/2021-Y/TTPVHCC/excel")).StatusCode);

        var unit = await _app.SignedInAsync(Ttpvhcc);
        var own = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        var form = own.Document.QuerySelector<IHtmlFormElement>("#import-form")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        Assert.Equal(".xlsx", form.QuerySelector<IHtmlInputElement>("input[type='file']")!.GetAttribute("accept"));
        Assert.Equal("Nhập từ Excel", form.QuerySelector("label")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_units_staff_can_neither_download_nor_import_and_readers_cannot_import()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var file = await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC");
        var btcd = await _app.SignedInAsync("btcd@danvan.local");
        var btcdPage = await EntryPage.OpenAsync(btcd, "2021-Y", "BTCD");

        var download = await btcd.GetAsync("/entry/2021-Y/TTPVHCC/excel");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Contains("/Account/AccessDenied", download.Headers.Location!.OriginalString);

        var import = await PostFileAsync(btcd, TokenOf(btcdPage), "/entry/2021-Y/TTPVHCC/import", "SoLieu-2021-Y-TTPVHCC.xlsx", file);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("/Account/AccessDenied", import.Headers.Location!.OriginalString);

        var compiler = await _app.SignedInAsync("tonghop@danvan.local");
        var compilerPage = await EntryPage.OpenAsync(compiler, "2021-Y", "TTPVHCC");
        var byCompiler = await PostFileAsync(compiler, TokenOf(compilerPage), "/entry/2021-Y/TTPVHCC/import", "SoLieu-2021-Y-TTPVHCC.xlsx", file);
        Assert.Equal(HttpStatusCode.Redirect, byCompiler.StatusCode);
        Assert.Contains("/Account/AccessDenied", byCompiler.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync("/entry/2099-Y/TTPVHCC/excel")).StatusCode);
    }

    // ---- round trip -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Round_trip_fill_upload_preview_confirm_stores_the_values()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var bytes = await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC");
        var filled = Edit(bytes, ws =>
        {
            ValueCell(ws, "HS.SO.KYTRUOC").SetValue(2353);
            ValueCell(ws, "HS.SO.MOI").SetValue("28.262");          // typed Vietnamese-style into a text cell
            ValueCell(ws, "HS.SO.TONG").SetValue(30615);
            ValueCell(ws, "HS.TRUCTUYEN").SetValue("7888");
            ValueCell(ws, "HL.TONG").SetValue(20782);
        });

        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        var response = await UploadAsync(unit, page, "SoLieu-2021-Y-TTPVHCC.xlsx", filled);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await FormClient.ParseAsync(response);
        Assert.Null(preview.QuerySelector("[data-testid='import-errors']"));
        Assert.Contains("thay đổi", preview.QuerySelector("[data-testid='import-message']")!.TextContent);
        var moi = Row(preview, "HS.SO.MOI");
        Assert.Equal("true", moi.GetAttribute("data-changes"));
        Assert.Equal("(trống)", moi.QuerySelector("[data-testid='current']")!.TextContent.Trim());
        Assert.Equal("28.262", moi.QuerySelector("[data-testid='file']")!.TextContent.Trim());
        Assert.Equal("28.262", moi.QuerySelector("[data-testid='new']")!.TextContent.Trim());
        Assert.Equal("30.615", Row(preview, "HS.SO.TONG").QuerySelector("[data-testid='new']")!.TextContent.Trim());
        Assert.Equal("false", Row(preview, "HS.DD.MOI").GetAttribute("data-changes"));
        // The rules see the new figures: the land total is still missing, the Sở total adds up.
        Assert.NotNull(preview.QuerySelector("[data-testid='import-violations']"));

        // Nothing is stored before the confirmation.
        Assert.Null(await StoredAsync("2021-Y", "TTPVHCC", "HS.SO.MOI"));

        var confirm = preview.QuerySelector<IHtmlFormElement>("#confirm-form")!;
        Assert.Equal("/entry/2021-Y/TTPVHCC", confirm.GetAttribute("action"));
        var hidden = confirm.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']").ToDictionary(i => i.Name!, i => i.Value);
        Assert.Equal("28.262", hidden["v:HS.SO.MOI"]);
        Assert.Equal("7.888", hidden["v:HS.TRUCTUYEN"]);
        Assert.True(hidden.ContainsKey("version"));
        Assert.False(hidden.ContainsKey("v:HS.DD.MOI")); // unchanged values are not posted
        Assert.Equal("save", confirm.QuerySelector<IHtmlButtonElement>("button[type='submit']")!.Value);
        Assert.Equal("Xác nhận lưu", confirm.QuerySelector("button[type='submit']")!.TextContent.Trim());

        var saved = await unit.PostFormAsync(confirm, new Dictionary<string, string> { ["command"] = "save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(28262m, await StoredAsync("2021-Y", "TTPVHCC", "HS.SO.MOI"));
        Assert.Equal(2353m, await StoredAsync("2021-Y", "TTPVHCC", "HS.SO.KYTRUOC"));
        Assert.Equal(30615m, await StoredAsync("2021-Y", "TTPVHCC", "HS.SO.TONG"));
        Assert.Equal(7888m, await StoredAsync("2021-Y", "TTPVHCC", "HS.TRUCTUYEN"));
        var after = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.Equal("Đã lưu nháp.", after.Message);
        Assert.Equal("28.262", after.ValueOf("HS.SO.MOI"));
        Assert.Equal("20.782", after.ValueOf("HL.TONG"));

        // Uploading the same file again changes nothing: no confirm button.
        var again = await UploadAsync(unit, after, "SoLieu-2021-Y-TTPVHCC.xlsx", filled);
        var second = await FormClient.ParseAsync(again);
        Assert.Null(second.QuerySelector("#confirm-form"));
        Assert.Contains("không có gì thay đổi", second.QuerySelector("[data-testid='import-message']")!.TextContent);
    }

    [Fact]
    public async Task Percent_cells_are_read_in_percent_units_also_when_formatted_as_percent()
    {
        var unit = await _app.SignedInAsync("kstthc@danvan.local");
        var filled = Edit(await DownloadBytesAsync(unit, "2021-Y", "KSTTHC"), ws =>
        {
            ValueCell(ws, "CCHC.HUYEN.MOTCUA").SetValue(98.6);
            var percentFormatted = ValueCell(ws, "CCHC.SO.LIENTHONG");
            percentFormatted.SetValue(0.995);
            percentFormatted.Style.NumberFormat.Format = "0.0%";
            ValueCell(ws, "TTHC.CATGIAM.TYLE").SetValue("1%");
            ValueCell(ws, "CCHC.TTPVHCC").SetValue("Có");
        });

        var page = await EntryPage.OpenAsync(unit, "2021-Y", "KSTTHC");
        var preview = await FormClient.ParseAsync(await UploadAsync(unit, page, "mau.xlsx", filled));
        var confirm = preview.QuerySelector<IHtmlFormElement>("#confirm-form")!;
        var hidden = confirm.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']").ToDictionary(i => i.Name!, i => i.Value);
        Assert.Equal("98,6", hidden["v:CCHC.HUYEN.MOTCUA"]);
        Assert.Equal("99,5", hidden["v:CCHC.SO.LIENTHONG"]);
        Assert.Equal("1", hidden["v:TTHC.CATGIAM.TYLE"]);
        Assert.Equal("Có", hidden["v:CCHC.TTPVHCC"]);

        Assert.Equal(HttpStatusCode.Redirect, (await unit.PostFormAsync(confirm, new Dictionary<string, string> { ["command"] = "save" })).StatusCode);
        Assert.Equal(98.6m, await StoredAsync("2021-Y", "KSTTHC", "CCHC.HUYEN.MOTCUA"));
        Assert.Equal(99.5m, await StoredAsync("2021-Y", "KSTTHC", "CCHC.SO.LIENTHONG"));
        Assert.Equal(1m, await StoredAsync("2021-Y", "KSTTHC", "CCHC.TTPVHCC"));
    }

    [Fact]
    public async Task A_confirm_after_someone_else_saved_is_a_conflict_not_an_overwrite()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        await page.SaveAsync(new Dictionary<string, string> { ["v:HS.SO.MOI"] = "1" });
        var filled = Edit(await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC"), ws => ValueCell(ws, "HS.SO.MOI").SetValue(28262));
        page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        var preview = await FormClient.ParseAsync(await UploadAsync(unit, page, "mau.xlsx", filled));
        var confirm = preview.QuerySelector<IHtmlFormElement>("#confirm-form")!;

        page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        await page.SaveAsync(new Dictionary<string, string> { ["v:HS.SO.MOI"] = "2" });
        var late = await unit.PostFormAsync(confirm, new Dictionary<string, string> { ["command"] = "save" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(2m, await StoredAsync("2021-Y", "TTPVHCC", "HS.SO.MOI"));
    }

    // ---- refusals ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Random_bytes_named_xlsx_are_refused()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        await AssertRefusedAsync("rac.xlsx", bytes, "Tệp không đọc được");
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_and_a_truncated_workbook_are_refused_without_an_error_page()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var writer = new StreamWriter(archive.CreateEntry("ghichu.txt").Open());
            await writer.WriteAsync("không phải Excel");
        }
        await AssertRefusedAsync("zip.xlsx", zip.ToArray(), "Tệp không đọc được");

        var unit = await _app.SignedInAsync(Ttpvhcc);
        var real = await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC");
        await AssertRefusedAsync("cut.xlsx", real[..(real.Length / 2)], "Tệp không đọc được");
    }

    [Fact]
    public async Task A_csv_is_refused() =>
        await AssertRefusedAsync("SoLieu.csv", "Mã chỉ tiêu;Giá trị\nHS.SO.MOI;28262\n"u8.ToArray(), "Chỉ nhận tệp Excel .xlsx");

    [Fact]
    public async Task A_file_over_2_MB_is_refused()
    {
        var bytes = new byte[ExcelLimits.MaxFileBytes + 1];
        "PK\u0003\u0004"u8.CopyTo(bytes);
        await AssertRefusedAsync("lon.xlsx", bytes, "Tệp quá lớn");
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_opened()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 50; i++) await entry.WriteAsync(zeros);
        }
        Assert.True(zip.Length < ExcelLimits.MaxFileBytes);
        await AssertRefusedAsync("bom.xlsx", zip.ToArray(), "bom nén");
    }

    [Fact]
    public async Task The_template_of_another_unit_is_refused()
    {
        var hctc = await _app.SignedInAsync("hctc@danvan.local");
        var file = await DownloadBytesAsync(hctc, "2021-Y", "HCTC");
        await AssertRefusedAsync("SoLieu-2021-Y-HCTC.xlsx", file, "mẫu của đơn vị “HCTC”");
    }

    [Fact]
    public async Task The_template_of_another_period_is_refused()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var file = await DownloadBytesAsync(unit, "2021-H1", "TTPVHCC");
        await AssertRefusedAsync("SoLieu-2021-H1-TTPVHCC.xlsx", file, "mẫu của kỳ “2021-H1”");
    }

    [Fact]
    public async Task A_changed_identification_cell_is_refused()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var hctc = await _app.SignedInAsync("hctc@danvan.local");
        var file = Edit(await DownloadBytesAsync(hctc, "2021-Y", "HCTC"), ws => ws.Cell("B3").SetValue("TTPVHCC"));
        await AssertRefusedAsync("sua.xlsx", file, "đã bị sửa", unit);
    }

    [Fact]
    public async Task An_unknown_code_is_refused_with_its_row()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var row = 0;
        var file = Edit(await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC"), ws =>
        {
            row = DataRows(ws).Single(r => r.Code == "HS.TRUCTUYEN").Row;
            ws.Cell(row, EntryWorkbook.ColCode).SetValue("XX.KHONGCO");
            ws.Cell(row, EntryWorkbook.ColValue).SetValue(5);
            ValueCell(ws, "HS.SO.MOI").SetValue(28262);
        });
        var document = await AssertRefusedAsync("mau.xlsx", file, "không thuộc phiếu", unit);
        Assert.Contains($"Dòng {row} (XX.KHONGCO)", document.QuerySelector("[data-testid='import-errors']")!.TextContent);
    }

    [Fact]
    public async Task Text_in_a_number_cell_is_refused_naming_row_and_code()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var row = 0;
        var file = Edit(await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC"), ws =>
        {
            ValueCell(ws, "HS.SO.MOI").SetValue("mười");
            row = ValueCell(ws, "HS.SO.MOI").Address.RowNumber;
            ValueCell(ws, "HS.TRUCTUYEN").SetValue(7888);
        });
        var document = await AssertRefusedAsync("mau.xlsx", file, "“mười”", unit);
        var errors = document.QuerySelector("[data-testid='import-errors']")!.TextContent;
        Assert.Contains($"Dòng {row} (HS.SO.MOI)", errors);
        Assert.Contains("số nguyên", errors);
        Assert.Contains("Lỗi", Row(document, "HS.SO.MOI").TextContent);
    }

    [Fact]
    public async Task A_count_Excel_read_as_a_decimal_is_refused_with_a_hint()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var file = Edit(await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC"), ws => ValueCell(ws, "HS.SO.MOI").SetValue(28.262));
        var document = await AssertRefusedAsync("mau.xlsx", file, "số nguyên", unit);
        Assert.Contains("hãy gõ liền không dấu: 28262", document.QuerySelector("[data-testid='import-errors']")!.TextContent);
    }

    [Fact]
    public async Task A_duplicate_code_is_refused()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var file = Edit(await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC"), ws =>
        {
            ValueCell(ws, "HS.SO.MOI").SetValue(28262);
            var row = DataRows(ws).Single(r => r.Code == "HS.TRUCTUYEN").Row;
            ws.Cell(row, EntryWorkbook.ColCode).SetValue("HS.SO.MOI");
        });
        await AssertRefusedAsync("mau.xlsx", file, "bị lặp", unit);
    }

    [Fact]
    public async Task A_submitted_sheet_offers_no_import_and_refuses_one()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        var token = TokenOf(page);
        var file = Edit(await DownloadBytesAsync(unit, "2021-H1", "TTPVHCC"), _ => { });

        // 2021-H1 was accepted in the demo data: read-only for the unit.
        var accepted = await EntryPage.OpenAsync(unit, "2021-H1", "TTPVHCC");
        Assert.True(accepted.IsReadOnly);
        Assert.Null(accepted.Document.QuerySelector("#import-form"));
        Assert.NotNull(accepted.Document.QuerySelector("a[data-testid='excel-download']"));
        var response = await PostFileAsync(unit, token, "/entry/2021-H1/TTPVHCC/import", "SoLieu-2021-H1-TTPVHCC.xlsx", file);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không thể sửa", (await FormClient.ParseAsync(response)).QuerySelector("[data-testid='import-errors']")!.TextContent);
    }

    [Fact]
    public async Task An_upload_without_a_valid_antiforgery_token_gets_an_error_page_not_an_empty_400()
    {
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var file = await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC");

        var response = await PostFileAsync(unit, "not-a-token", "/entry/2021-Y/TTPVHCC/import", "SoLieu-2021-Y-TTPVHCC.xlsx", file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await FormClient.ParseAsync(response);
        Assert.Equal("Yêu cầu không hợp lệ", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Dữ liệu chưa được lưu", page.Body!.TextContent);
    }

    // ---- formula injection ------------------------------------------------------------------------------------

    [Fact]
    public async Task Text_starting_like_a_formula_is_written_as_a_string_never_as_a_formula()
    {
        const string code = "HS.GHICHU";
        const string formula = "=HYPERLINK(\"http://example.com\",\"Bấm\")";
        await AddTextIndicatorAsync(code);
        var unit = await _app.SignedInAsync(Ttpvhcc);
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        Assert.Equal(HttpStatusCode.Redirect, (await page.SaveAsync(new Dictionary<string, string> { ["v:" + code] = formula })).StatusCode);

        var bytes = await DownloadBytesAsync(unit, "2021-Y", "TTPVHCC");

        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            var cell = ValueCell(workbook.Worksheet(EntryWorkbook.SheetName), code);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(formula, cell.GetString());
            Assert.True(cell.Style.IncludeQuotePrefix);
        }
        // In the package itself: a shared (or inline) string, and no <f> element anywhere in the sheet.
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sheetXml = await new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
        var sharedXml = await new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open()).ReadToEndAsync();
        Assert.DoesNotContain("<x:f>", sheetXml);
        Assert.DoesNotContain("<f>", sheetXml);
        Assert.Contains("=HYPERLINK(&quot;http://example.com&quot;,&quot;Bấm&quot;)", sharedXml.Replace("\"", "&quot;"));
        using var reread = new XLWorkbook(new MemoryStream(bytes));
        var row = DataRows(reread.Worksheet(EntryWorkbook.SheetName)).Single(r => r.Code == code).Row;
        Assert.Matches($"<x:c r=\"E{row}\"[^>]* t=\"(s|inlineStr)\"", sheetXml);

        // And the same text read back from the file stays text: nothing changes.
        page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        var preview = await FormClient.ParseAsync(await UploadAsync(unit, page, "mau.xlsx", bytes));
        Assert.Equal("false", Row(preview, code).GetAttribute("data-changes"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private async Task<IDocument> AssertRefusedAsync(string fileName, byte[] content, string message, HttpClient? unit = null)
    {
        unit ??= await _app.SignedInAsync(Ttpvhcc);
        var before = await AuditCountAsync();
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "TTPVHCC");

        var response = await UploadAsync(unit, page, fileName, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await FormClient.ParseAsync(response);
        var errors = document.QuerySelector("[data-testid='import-errors']");
        Assert.NotNull(errors);
        Assert.Contains(message, errors.TextContent);
        Assert.Contains("Chưa lưu gì", errors.TextContent);
        Assert.Null(document.QuerySelector("#confirm-form"));
        Assert.NotNull(document.QuerySelector("#import-form")); // the user can try another file right away
        Assert.Equal(before, await AuditCountAsync());
        Assert.Null(await StoredAsync("2021-Y", "TTPVHCC", "HS.SO.MOI"));
        return document;
    }

    private static string TokenOf(EntryPage page) =>
        page.Document.QuerySelector<IHtmlInputElement>("#import-form input[name='__RequestVerificationToken']")?.Value
        ?? page.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, EntryPage page, string fileName, byte[] content)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>("#import-form")!;
        return PostFileAsync(client, TokenOf(page), form.GetAttribute("action")!, fileName, content);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string token, string url, string fileName, byte[] content)
    {
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : EntryWorkbook.ContentType);
        body.Add(file, "file", fileName);
        return await client.PostAsync(url, body);
    }

    private static async Task<byte[]> DownloadBytesAsync(HttpClient client, string period, string unit)
    {
        var response = await client.GetAsync($"/entry/{period}/{unit}/excel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<XLWorkbook> DownloadAsync(HttpClient client, string period, string unit) =>
        new(new MemoryStream(await DownloadBytesAsync(client, period, unit)));

    private static byte[] Edit(byte[] content, Action<IXLWorksheet> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(content));
        edit(workbook.Worksheet(EntryWorkbook.SheetName));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static IEnumerable<(int Row, string Code)> DataRows(IXLWorksheet ws)
    {
        var last = ws.LastRowUsed()!.RowNumber();
        for (var r = EntryWorkbook.HeaderRow + 1; r <= last; r++)
        {
            var code = ws.Cell(r, EntryWorkbook.ColCode).GetString();
            if (code.Length > 0) yield return (r, code);
        }
    }

    private static IXLCell ValueCell(IXLWorksheet ws, string code) =>
        ws.Cell(DataRows(ws).Single(r => r.Code == code).Row, EntryWorkbook.ColValue);

    private static IElement Row(IDocument preview, string code) =>
        preview.QuerySelector($"[data-testid='import-preview'] tr[data-code='{code}']")!;

    private Task<decimal?> StoredAsync(string period, string unit, string code) => _app.StoredNumberAsync(period, unit, code);

    private async Task<int> AuditCountAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DanVanDbContext>().AuditEntries.CountAsync();
    }

    private async Task<int> TemplateIdAsync(string period)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DanVanDbContext>().Periods.Where(p => p.Code == period).Select(p => p.TemplateId).SingleAsync();
    }

    /// <summary>The demo template has no text indicator; add one to the unit's sheet for the formula-injection test.</summary>
    private async Task AddTextIndicatorAsync(string code)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var templateId = await db.Periods.Where(p => p.Code == "2021-Y").Select(p => p.TemplateId).SingleAsync();
        var unitId = await db.Units.Where(u => u.Code == "TTPVHCC").Select(u => u.Id).SingleAsync();
        db.Indicators.Add(Indicator.Create(templateId, code, "Ghi chú về hồ sơ", "", ValueKind.Text, unitId, "ketqua.ttpvhcc.hoso", 9999, required: false));
        await db.SaveChangesAsync();
    }
}
