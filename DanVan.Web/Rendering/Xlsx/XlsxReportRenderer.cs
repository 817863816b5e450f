using ClosedXML.Excel;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf.Layout;

namespace DanVan.Web.Rendering.Xlsx;

/// <summary>
/// The Phụ lục số liệu as a workbook (ClosedXML 0.95.4), two sheets: "Phụ lục số liệu" shaped like the PDF's
/// appendix (<see cref="XlsxAppendixSheet"/>: its numbering 1.–6., its wording, each figure as a number beside it)
/// and "Chỉ tiêu", every indicator by code for machines (<see cref="XlsxIndicatorSheet"/>). Both carry a "Ghi chú":
/// blank or computed values and the units' explanations (giải trình). Counts are numbers formatted <c>#,##0</c>;
/// percentages are stored in percent units, as everywhere in DanVan (98,59% is the number 98.59), formatted
/// <c>0.0"%"</c>; yes/no and text values are text; a blank value is an empty cell. Every text cell is written as
/// text with a quote prefix when it starts with = + - @, so nothing typed by a person ever becomes a formula.
/// Column widths are set explicitly (AdjustToContents needs libgdiplus).
/// </summary>
public sealed class XlsxReportRenderer
{
    public const string CountFormat = "#,##0";
    public const string PercentFormat = "0.0\"%\"";
    public const string FontName = "Times New Roman";
    public static readonly XLColor HeaderFill = XLColor.FromHtml("#E7E6E6");

    public byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = FontCache.Normalize(document.Title);
        workbook.Properties.Author = FontCache.Normalize(document.Author);
        workbook.Properties.Subject = FontCache.Normalize("Báo cáo số " + document.Number);

        if (document.BlocksOf<AppendixBlock>().FirstOrDefault() is { } appendix) XlsxAppendixSheet.Write(workbook, appendix, document.Figures);
        XlsxIndicatorSheet.Write(workbook, document.Figures);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static IXLWorksheet AddSheet(XLWorkbook workbook, string name, double[] widths)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.Style.Font.FontName = FontName;
        sheet.Style.Font.FontSize = 12;
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        return sheet;
    }

    /// <summary>A bold, centred, wrapped, shaded header row.</summary>
    public static void WriteHeader(IXLWorksheet sheet, int row, IReadOnlyList<string> headers)
    {
        for (var c = 0; c < headers.Count; c++) SetText(sheet.Cell(row, c + 1), headers[c]);
        var header = sheet.Range(row, 1, row, headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
    }

    /// <summary>Thin borders around and inside the table, text at the top of its cell.</summary>
    public static void Frame(IXLWorksheet sheet, int headerRow, int lastRow, int lastColumn)
    {
        var table = sheet.Range(headerRow, 1, Math.Max(headerRow, lastRow), lastColumn);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>The figure's value: a number for counts and percentages, else its text; empty when blank.</summary>
    public static void WriteValue(IXLCell cell, FigureRow f)
    {
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        if (f.IsMissing) return;
        switch (f.Kind)
        {
            case ValueKind.Count when f.Number is { } n:
                cell.Value = n;
                cell.Style.NumberFormat.Format = CountFormat;
                break;
            case ValueKind.Percent when f.Number is { } p:
                cell.Value = VietnameseFormat.RoundRate(p);
                cell.Style.NumberFormat.Format = PercentFormat;
                break;
            default:
                SetText(cell, f.Formatted);
                break;
        }
    }

    /// <summary>Writes text as text: never a formula, never a number or date guessed from it.</summary>
    public static void SetText(IXLCell cell, string? text)
    {
        var value = FontCache.Normalize(text ?? "");
        cell.SetValue(value);
        cell.SetDataType(XLDataType.Text);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell.Style.IncludeQuotePrefix = true;
    }
}
