using ClosedXML.Excel;
using DanVan.Domain.Reports.Document;
using static DanVan.Web.Rendering.Xlsx.XlsxReportRenderer;

namespace DanVan.Web.Rendering.Xlsx;

/// <summary>
/// "Phụ lục số liệu" shaped like the PDF's appendix: its title and subtitle, then one row per appendix line with
/// the line's label ("1.", "-") and wording as printed. A line citing one figure carries its value (a number), unit
/// of measure, code and note on the same row; a line citing several has one indented row per figure under it.
/// </summary>
public static class XlsxAppendixSheet
{
    public const string SheetName = "Phụ lục số liệu";
    public const int HeaderRow = 4;
    public const int FirstDataRow = HeaderRow + 1;

    public static readonly string[] Headers = ["STT", "Nội dung", "Số liệu", "Đơn vị tính", "Mã chỉ tiêu", "Ghi chú"];
    private static readonly double[] Widths = [6, 70, 14, 12, 22, 40];

    public static void Write(XLWorkbook workbook, AppendixBlock appendix, IReadOnlyList<FigureRow> figures)
    {
        var sheet = AddSheet(workbook, SheetName, Widths);
        var lastColumn = Headers.Length;
        Banner(sheet, 1, appendix.Title, lastColumn, title: true);
        Banner(sheet, 2, appendix.Subtitle, lastColumn, title: false);
        WriteHeader(sheet, HeaderRow, Headers);

        var byCode = figures.ToDictionary(f => f.Code, StringComparer.OrdinalIgnoreCase);
        var row = FirstDataRow;
        foreach (var line in appendix.Lines)
        {
            SetText(sheet.Cell(row, 1), line.Label);
            SetText(sheet.Cell(row, 2), string.Concat(line.Runs.Select(r => r.Text)));
            if (line.Level == 0) sheet.Range(row, 1, row, 2).Style.Font.Bold = true;
            var cited = line.Runs.OfType<FigureRun>().Select(r => r.Code).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(byCode.ContainsKey).Select(c => byCode[c]).ToList();
            if (cited.Count == 1)
            {
                WriteFigure(sheet, row, cited[0]);
            }
            else
            {
                foreach (var figure in cited)
                {
                    row++;
                    var name = sheet.Cell(row, 2);
                    SetText(name, figure.Name);
                    name.Style.Alignment.Indent = 2;
                    WriteFigure(sheet, row, figure);
                }
            }
            row++;
        }

        var last = Math.Max(FirstDataRow, row - 1);
        Frame(sheet, HeaderRow, row - 1, lastColumn);
        foreach (var column in new[] { 2, 6 }) sheet.Range(FirstDataRow, column, last, column).Style.Alignment.WrapText = true;
        sheet.Range(FirstDataRow, 1, last, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.SheetView.FreezeRows(HeaderRow);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        sheet.PageSetup.FitToPages(1, 0);
    }

    private static void WriteFigure(IXLWorksheet sheet, int row, FigureRow figure)
    {
        WriteValue(sheet.Cell(row, 3), figure);
        SetText(sheet.Cell(row, 4), figure.Measure);
        SetText(sheet.Cell(row, 5), figure.Code);
        SetText(sheet.Cell(row, 6), figure.Note);
    }

    private static void Banner(IXLWorksheet sheet, int row, string text, int lastColumn, bool title)
    {
        var range = sheet.Range(row, 1, row, lastColumn).Merge();
        SetText(range.FirstCell(), text);
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        if (title)
        {
            range.Style.Font.Bold = true;
            range.Style.Font.FontSize = 14;
        }
        else
        {
            range.Style.Font.Italic = true;
        }
    }
}
