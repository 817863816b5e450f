using ClosedXML.Excel;
using DanVan.Domain.Reports.Document;
using static DanVan.Web.Rendering.Xlsx.XlsxReportRenderer;

namespace DanVan.Web.Rendering.Xlsx;

/// <summary>
/// "Chỉ tiêu": every indicator of the template by code, one row each, the header in row 1 and nothing above it, so
/// a program (or a filter) reads it as a table: STT, mã, chỉ tiêu, đơn vị tính, giá trị, đơn vị cung cấp, ghi chú.
/// </summary>
public static class XlsxIndicatorSheet
{
    public const string SheetName = "Chỉ tiêu";
    public const int HeaderRow = 1;
    public const int FirstDataRow = HeaderRow + 1;

    public static readonly string[] Headers = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Đơn vị cung cấp", "Ghi chú"];
    private static readonly double[] Widths = [6, 22, 52, 12, 14, 34, 40];

    public static void Write(XLWorkbook workbook, IReadOnlyList<FigureRow> figures)
    {
        var sheet = AddSheet(workbook, SheetName, Widths);
        WriteHeader(sheet, HeaderRow, Headers);
        var row = FirstDataRow;
        foreach (var f in figures)
        {
            sheet.Cell(row, 1).Value = f.Order;
            SetText(sheet.Cell(row, 2), f.Code);
            SetText(sheet.Cell(row, 3), f.Name);
            SetText(sheet.Cell(row, 4), f.Measure);
            WriteValue(sheet.Cell(row, 5), f);
            SetText(sheet.Cell(row, 6), f.UnitName);
            SetText(sheet.Cell(row, 7), f.Note);
            row++;
        }
        var last = Math.Max(FirstDataRow, row - 1);
        Frame(sheet, HeaderRow, row - 1, Headers.Length);
        foreach (var column in new[] { 3, 6, 7 }) sheet.Range(FirstDataRow, column, last, column).Style.Alignment.WrapText = true;
        sheet.Range(FirstDataRow, 1, last, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        if (row > FirstDataRow) sheet.Range(HeaderRow, 1, row - 1, Headers.Length).SetAutoFilter();
        sheet.SheetView.FreezeRows(HeaderRow);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        sheet.PageSetup.FitToPages(1, 0);
    }
}
