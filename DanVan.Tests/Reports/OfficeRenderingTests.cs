using ClosedXML.Excel;
using DanVan.Domain.Indicators;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering;
using DanVan.Web.Rendering.Xlsx;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Tests.Reports;

public class DocxRenderingTests
{
    [Fact]
    public void The_docx_is_schema_valid_with_and_without_the_figure_table()
    {
        var withTable = SeedReport.Renderer.Docx(DocumentBuilder.Build(SeedReport.Inputs with { IncludeFigureTable = true }));
        foreach (var bytes in new[] { SeedReport.Docx, withTable })
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word).Select(e => e.Path?.XPath + ": " + e.Description));
        }
    }

    [Fact]
    public void The_docx_holds_the_same_headings_figures_and_dates()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(SeedReport.Docx), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        var text = SeedReport.Collapse(string.Join(' ', paragraphs));
        foreach (var figure in SeedReport.Figures) Assert.Contains(figure, text);
        Assert.Contains("IV. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN 6 THÁNG CUỐI NĂM 2021", paragraphs);
        Assert.Contains("II. KẾT QUẢ THỰC HIỆN", paragraphs);
        Assert.Contains("Quảng Ngãi, ngày 07 tháng 6 năm 2021", paragraphs);
        Assert.Contains("Số: 876/BC-VP", paragraphs);
        Assert.Contains("(Kèm theo Báo cáo số 876/BC-VP ngày 07/6/2021 của Văn phòng UBND tỉnh)", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("V. ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_docx_is_A4_with_the_margins_and_page_numbers_from_page_two()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(SeedReport.Docx), false);
        var main = word.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(11906U, size.Width!.Value);
        Assert.Equal(16838U, size.Height!.Value);
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(1134, margin.Top!.Value);
        Assert.Equal(1701U, margin.Left!.Value);
        Assert.Equal(851U, margin.Right!.Value);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var defaultHeader = section.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.Default);
        var header = (HeaderPart)main.GetPartById(defaultHeader.Id!);
        Assert.Contains(header.Header.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        var firstHeader = section.Elements<HeaderReference>().Single(h => h.Type! == HeaderFooterValues.First);
        Assert.Empty(((HeaderPart)main.GetPartById(firstHeader.Id!)).Header.Descendants<FieldCode>());
    }

    [Fact]
    public void Body_paragraphs_are_justified_with_a_first_line_indent_and_the_appendix_breaks_the_page()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(SeedReport.Docx), false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().ToList();
        var opening = paragraphs.First(p => p.InnerText.StartsWith("Theo đề nghị", StringComparison.Ordinal));
        Assert.Equal(JustificationValues.Both, opening.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("720", opening.ParagraphProperties.Indentation!.FirstLine!.Value);
        var appendix = paragraphs.Single(p => p.InnerText == "PHỤ LỤC SỐ LIỆU");
        Assert.NotNull(appendix.ParagraphProperties!.PageBreakBefore);
        Assert.Contains(word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>(), f => f.Ascii == "Times New Roman");
    }
}

public class XlsxRenderingTests
{
    private static IXLRow RowOf(IXLWorksheet sheet, string code) =>
        sheet.RowsUsed().Single(r => r.Cell(2).GetString() == code);

    [Fact]
    public void The_indicator_sheet_has_every_indicator_by_code_with_numbers_as_numbers()
    {
        using var book = new XLWorkbook(new MemoryStream(SeedReport.Xlsx));
        var sheet = book.Worksheet(XlsxIndicatorSheet.SheetName);
        Assert.Equal(XlsxIndicatorSheet.Headers, Enumerable.Range(1, XlsxIndicatorSheet.Headers.Length).Select(c => sheet.Cell(XlsxIndicatorSheet.HeaderRow, c).GetString()));
        Assert.True(sheet.Cell(XlsxIndicatorSheet.HeaderRow, 1).Style.Font.Bold);

        var total = RowOf(sheet, "HS.TONG").Cell(5);
        Assert.Equal(XLDataType.Number, total.DataType);
        Assert.Equal(50003d, total.GetDouble());
        Assert.Equal(XlsxReportRenderer.CountFormat, total.Style.NumberFormat.Format);

        var rate = RowOf(sheet, "HS.SO.TYLE.DUNGHAN").Cell(5);
        Assert.Equal(XLDataType.Number, rate.DataType);
        Assert.Equal(98.6d, rate.GetDouble(), 3);
        Assert.Equal(XlsxReportRenderer.PercentFormat, rate.Style.NumberFormat.Format);

        var blank = RowOf(sheet, "KN.TONG");
        Assert.True(blank.Cell(5).IsEmpty());
        Assert.StartsWith("…", blank.Cell(7).GetString());
        Assert.Equal("Có", RowOf(sheet, "CCHC.TTPVHCC").Cell(5).GetString());
        Assert.Equal(SeedReport.Document.Figures.Count, sheet.RowsUsed().Count() - XlsxIndicatorSheet.HeaderRow);
        Assert.Equal(52, sheet.Column(3).Width, 0);
    }

    [Fact]
    public void Formula_looking_text_is_never_a_formula()
    {
        var doc = SeedReport.Document;
        var evil = new FigureRow(999, "X.TEXT", "=HYPERLINK(\"http://example.invalid\",\"bấm\")", "", ValueKind.Text, "@đơn vị",
            null, "=1+1", "=1+1", false, false);
        var bytes = new ReportRenderer().Xlsx(doc with { Figures = [.. doc.Figures, evil] });
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var row = RowOf(book.Worksheet(XlsxIndicatorSheet.SheetName), "X.TEXT");
        foreach (var (column, expected) in new[] { (3, evil.Name), (5, "=1+1"), (6, "@đơn vị") })
        {
            var cell = row.Cell(column);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(expected, cell.GetString());
            Assert.True(cell.Style.IncludeQuotePrefix);
        }
    }
}

public class HtmlRenderingTests
{
    [Fact]
    public void Figures_link_to_their_history_and_text_is_encoded()
    {
        var texts = new Dictionary<string, string>(SeedReport.Inputs.CompilerTexts)
        {
            ["ketqua.danvankheo"] = "Có <script>alert('x')</script> & {HS.TONG} hồ sơ \"trích\".",
        };
        var doc = DocumentBuilder.Build(SeedReport.Inputs with { CompilerTexts = texts });
        var html = new ReportRenderer().Html(doc, code => "/chi-tieu/" + code + "?ky=2021-H1&x=1");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; ", html);
        Assert.Contains("<a class=\"figure\" href=\"/chi-tieu/HS.TONG?ky=2021-H1&amp;x=1\" data-code=\"HS.TONG\">50.003</a>", html);
        Assert.Contains("data-code=\"GS.CUOC\">…</a>", html);
        Assert.Contains("IV. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN 6 THÁNG CUỐI NĂM 2021", html);
        Assert.Contains("Quảng Ngãi, ngày 07 tháng 6 năm 2021", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
    }

    [Fact]
    public void Unsafe_links_are_dropped_and_no_link_means_a_span()
    {
        var doc = SeedReport.Document;
        var html = new ReportRenderer().Html(doc, _ => "javascript:alert(1)");
        Assert.DoesNotContain("javascript:", html);
        var plain = new ReportRenderer().Html(doc, _ => null);
        Assert.Contains("<span class=\"figure\" data-code=\"HS.TONG\"><strong>50.003</strong></span>", plain);
    }
}

public class ReportFileNameTests
{
    [Theory]
    [InlineData("876/BC-VP", "2021-H1", "pdf", "BC-876-VP-2021-H1.pdf")]
    [InlineData("876/BC-VP", "2021-H1", ".docx", "BC-876-VP-2021-H1.docx")]
    [InlineData("12/BC-UBND", "2021-Y", "xlsx", "BC-12-UBND-2021-Y.xlsx")]
    [InlineData("15/BC-ĐUK", "2021-Q3", "pdf", "BC-15-DUK-2021-Q3.pdf")]
    [InlineData("", "2021-H1", "pdf", "BaoCao-2021-H1.pdf")]
    [InlineData("../../etc/passwd", "2021-H1", "pdf", "etc-passwd-2021-H1.pdf")]
    public void File_names_are_safe(string number, string period, string extension, string expected) =>
        Assert.Equal(expected, ReportFileName.For(number, period, extension));
}
