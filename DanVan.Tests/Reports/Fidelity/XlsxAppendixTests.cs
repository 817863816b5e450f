using ClosedXML.Excel;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Xlsx;

namespace DanVan.Tests.Reports.Fidelity;

/// <summary>The workbook's first sheet is the PDF's Phụ lục (numbering, wording, figures as numbers); the second every indicator.</summary>
public class XlsxAppendixTests
{
    private static XLWorkbook Book() => new(new MemoryStream(SeedReport.Xlsx));

    private static List<IXLRow> Rows(IXLWorksheet sheet) =>
        [.. sheet.RowsUsed().Where(r => r.RowNumber() >= XlsxAppendixSheet.FirstDataRow)];

    [Fact]
    public void The_workbook_has_the_appendix_first_and_the_indicators_second()
    {
        using var book = Book();
        Assert.Equal([XlsxAppendixSheet.SheetName, XlsxIndicatorSheet.SheetName], book.Worksheets.Select(s => s.Name));
        var sheet = book.Worksheet(1);
        Assert.Equal("PHỤ LỤC SỐ LIỆU", sheet.Cell(1, 1).GetString());
        Assert.Equal("(Kèm theo Báo cáo số 876/BC-VP ngày 07/6/2021 của Văn phòng UBND tỉnh)", sheet.Cell(2, 1).GetString());
        Assert.Equal(XlsxAppendixSheet.Headers, Enumerable.Range(1, XlsxAppendixSheet.Headers.Length).Select(c => sheet.Cell(XlsxAppendixSheet.HeaderRow, c).GetString()));
    }

    [Fact]
    public void Items_one_to_six_carry_the_pdf_appendix_numbering_and_wording()
    {
        using var book = Book();
        var rows = Rows(book.Worksheet(XlsxAppendixSheet.SheetName)).Where(r => r.Cell(1).GetString().Length > 0).ToList();
        var appendix = SeedReport.Document.BlocksOf<AppendixBlock>().Single();
        Assert.Equal(appendix.Lines.Select(l => l.Label), rows.Select(r => r.Cell(1).GetString()));
        Assert.Equal(appendix.Lines.Select(l => string.Concat(l.Runs.Select(r => r.Text))), rows.Select(r => r.Cell(2).GetString()));
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], rows.Select(r => r.Cell(1).GetString()).Where(l => l != "-"));
        var items = rows.Where(r => r.Cell(1).GetString() != "-").ToList();
        Assert.All(items, r => Assert.True(r.Cell(2).Style.Font.Bold));
        Assert.StartsWith("Tổng số văn bản đã ban hành trong 6 tháng đầu năm 2021 (cấp tỉnh, cấp huyện): 15, trong đó: Đảng ủy: 02", items[0].Cell(2).GetString());
        Assert.Equal("Giám sát, phản biện của MTTQVN, các tổ chức chính trị-xã hội", items[5].Cell(2).GetString());
    }

    [Fact]
    public void Each_cited_figure_is_a_number_with_its_code_beside_the_wording()
    {
        using var book = Book();
        var rows = Rows(book.Worksheet(XlsxAppendixSheet.SheetName));
        IXLRow Row(string code) => rows.Single(r => r.Cell(5).GetString() == code);

        // One figure: on the line's own row.
        var centre = Row("CCHC.TTPVHCC");
        Assert.Equal("-", centre.Cell(1).GetString());
        Assert.Equal("Trung tâm Phục vụ hành chính công cấp tỉnh: Có.", centre.Cell(2).GetString());
        Assert.Equal("Có", centre.Cell(3).GetString());
        var satisfied = Row("HL.TYLE.HAILONG");
        Assert.Equal(XLDataType.Number, satisfied.Cell(3).DataType);
        Assert.Equal(99.8d, satisfied.Cell(3).GetDouble(), 3);
        Assert.Equal(XlsxReportRenderer.PercentFormat, satisfied.Cell(3).Style.NumberFormat.Format);
        Assert.StartsWith("Chỉ số hài lòng", satisfied.Cell(2).GetString());

        // Several figures: one indented row each, under the line.
        var total = Row("DV.VB.TONG");
        Assert.Equal("", total.Cell(1).GetString());
        Assert.Equal(15d, total.Cell(3).GetDouble());
        Assert.Equal(XlsxReportRenderer.CountFormat, total.Cell(3).Style.NumberFormat.Format);
        Assert.True(total.Cell(2).Style.Alignment.Indent > 0);
        Assert.Equal("1.", rows.Single(r => r.RowNumber() == total.RowNumber() - 1).Cell(1).GetString());

        var blank = Row("KN.TONG");
        Assert.True(blank.Cell(3).IsEmpty());
        Assert.StartsWith("… chưa có số liệu", blank.Cell(6).GetString());
    }

    [Fact]
    public void The_units_explanations_are_in_the_note_column()
    {
        using var book = Book();
        var sheet = book.Worksheet(XlsxIndicatorSheet.SheetName);
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "HS.DD.TONG");
        Assert.Equal("Ghi chú", sheet.Cell(XlsxIndicatorSheet.HeaderRow, 7).GetString());
        Assert.StartsWith("Trung tâm Phục vụ hành chính công tỉnh: Tổng số 19.388 hồ sơ là số liệu kết xuất", row.Cell(7).GetString());
        // Explained once, at the figure the rule checks (its left side), not at every figure it adds up.
        Assert.DoesNotContain("19.388 hồ sơ là", sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "HS.DD.MOI").Cell(7).GetString());
    }
}
