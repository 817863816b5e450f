using ClosedXML.Excel;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf.Layout;

namespace DanVan.Web.Rendering.Xlsx;

/// <summary>
/// The Phụ lục số liệu as a workbook (ClosedXML 0.95.4): one row per indicator (STT, mã, chỉ tiêu, đơn vị tính,
/// giá trị, đơn vị cung cấp, ghi chú). Counts are numbers formatted <c>#,##0</c>; percentages are stored in percent
/// units, as everywhere in DanVan (98,59% is the number 98.59), formatted <c>0.0"%"</c>; yes/no and text values are
/// text; a blank value is an empty cell with "…" in the note. Every text cell is written as text with a quote
/// prefix when it starts with = + - @, so nothing typed by a person ever becomes a formula. Column widths are set
/// explicitly (AdjustToContents needs libgdiplus).
/// </summary>
public sealed class XlsxReportRenderer
{
    public const string SheetName = "Phụ lục số liệu";
    public const int HeaderRow = 4;
    public const int FirstDataRow = HeaderRow + 1;
    public const string CountFormat = "#,##0";
    public const string PercentFormat = "0.0\"%\"";

    public static readonly string[] Headers = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Đơn vị cung cấp", "Ghi chú"];
    private static readonly double[] Widths = [6, 22, 52, 12, 14, 34, 24];

    public byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = FontCache.Normalize(document.Title);
        workbook.Properties.Author = FontCache.Normalize(document.Author);
        workbook.Properties.Subject = FontCache.Normalize("Báo cáo số " + document.Number);

        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 12;
        for (var c = 0; c < Widths.Length; c++) sheet.Column(c + 1).Width = Widths[c];

        var lastColumn = Headers.Length;
        var title = sheet.Range(1, 1, 1, lastColumn).Merge();
        SetText(title.FirstCell(), DocumentBuilder.AppendixTitle);
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        title.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        var subtitleText = document.BlocksOf<AppendixBlock>().FirstOrDefault()?.Subtitle ?? $"(Kèm theo Báo cáo số {document.Number})";
        var subtitle = sheet.Range(2, 1, 2, lastColumn).Merge();
        SetText(subtitle.FirstCell(), subtitleText);
        subtitle.Style.Font.Italic = true;
        subtitle.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        for (var c = 0; c < Headers.Length; c++) SetText(sheet.Cell(HeaderRow, c + 1), Headers[c]);
        var header = sheet.Range(HeaderRow, 1, HeaderRow, lastColumn);
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E7E6E6");

        var row = FirstDataRow;
        foreach (var f in document.Figures)
        {
            sheet.Cell(row, 1).Value = f.Order;
            SetText(sheet.Cell(row, 2), f.Code);
            SetText(sheet.Cell(row, 3), f.Name);
            SetText(sheet.Cell(row, 4), f.Measure);
            WriteValue(sheet.Cell(row, 5), f);
            SetText(sheet.Cell(row, 6), f.UnitName);
            var note = f.IsMissing ? VietnameseFormat.Missing + " chưa có số liệu" : f.IsComputed ? "Tính tự động" : "";
            SetText(sheet.Cell(row, 7), note);
            row++;
        }

        var table = sheet.Range(HeaderRow, 1, Math.Max(HeaderRow, row - 1), lastColumn);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Range(FirstDataRow, 3, Math.Max(FirstDataRow, row - 1), 3).Style.Alignment.WrapText = true;
        sheet.Range(FirstDataRow, 6, Math.Max(FirstDataRow, row - 1), 6).Style.Alignment.WrapText = true;
        sheet.Range(FirstDataRow, 1, Math.Max(FirstDataRow, row - 1), 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        sheet.SheetView.FreezeRows(HeaderRow);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        sheet.PageSetup.FitToPages(1, 0);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteValue(IXLCell cell, FigureRow f)
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
