using System.Globalization;
using ClosedXML.Excel;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;

namespace DanVan.Web.Services.Entry;

/// <summary>What one value cell of an uploaded sheet holds, before any indicator rules are applied.</summary>
public enum WorkbookCellKind
{
    Blank,
    Number,
    Text,
    Boolean,
    Date,
    Formula,
}

/// <summary>A value cell: a number (percent-formatted cells already scaled to percent units) or text.</summary>
public sealed record WorkbookCell(WorkbookCellKind Kind, decimal? Number = null, string? Text = null)
{
    public static WorkbookCell Blank { get; } = new(WorkbookCellKind.Blank);
}

public sealed record WorkbookRow(int Row, string Code, WorkbookCell Value);

/// <summary>The identification and value rows read from an uploaded entry template.</summary>
public sealed record WorkbookContent(
    string PeriodCode, string UnitCode, string? MetaPeriodCode, string? MetaUnitCode, string? MetaTemplateId,
    IReadOnlyList<WorkbookRow> Rows, IReadOnlyList<string> Problems);

/// <summary>
/// The entry template as an .xlsx ("Tải mẫu Excel") and the reading of a filled one ("Nhập từ Excel").
/// Layout: title in row 1, period code in B2, unit code in B3, a note in row 4, the header in row 6, then one row per
/// entered indicator under group title rows. A very hidden sheet "_danvan" repeats period, unit and template id.
/// Only column E (Giá trị) is unlocked. ClosedXML 0.95.4: no AdjustToContents (needs libgdiplus), widths are set.
/// </summary>
public static class EntryWorkbook
{
    public const string SheetName = "Số liệu";
    public const string MetaSheetName = "_danvan";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int FormatVersion = 1;

    public const int PeriodRow = 2;
    public const int UnitRow = 3;
    public const int HeaderRow = 6;
    public const int ColNo = 1;
    public const int ColCode = 2;
    public const int ColName = 3;
    public const int ColMeasure = 4;
    public const int ColValue = 5;

    private const string CodeHeader = "Mã chỉ tiêu";
    private const string ValueHeader = "Giá trị";
    private const int MaxHeaderSearchRows = 30;

    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF8DC");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E2F3");
    private static readonly XLColor GroupFill = XLColor.FromHtml("#F2F2F2");

    /// <summary>"SoLieu-2021-Y-TTPVHCC.xlsx": ASCII letters, digits and dashes only.</summary>
    public static string FileName(string periodCode, string unitCode) => $"SoLieu-{Safe(periodCode)}-{Safe(unitCode)}.xlsx";

    public static byte[] Write(EntrySheet sheet, int templateId)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Author = "DanVan";
        workbook.Properties.Title = $"Phiếu số liệu {sheet.PeriodName} – {sheet.UnitName}";

        var ws = workbook.AddWorksheet(SheetName);
        ws.Style.Font.FontName = "Times New Roman";
        ws.Style.Font.FontSize = 12;
        ws.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Column(ColNo).Width = 8;
        ws.Column(ColCode).Width = 24;
        ws.Column(ColName).Width = 64;
        ws.Column(ColMeasure).Width = 13;
        ws.Column(ColValue).Width = 20;

        var title = ws.Range(1, ColNo, 1, ColValue).Merge();
        SetText(title.FirstCell(), $"PHIẾU SỐ LIỆU {sheet.PeriodName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))} – {sheet.UnitName}");
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        title.Style.Alignment.WrapText = true;
        ws.Row(1).Height = 36;

        SetText(ws.Cell(PeriodRow, ColNo), "Kỳ");
        SetText(ws.Cell(PeriodRow, ColCode), sheet.PeriodCode);
        SetText(ws.Cell(PeriodRow, ColName), sheet.PeriodName);
        SetText(ws.Cell(UnitRow, ColNo), "Đơn vị");
        SetText(ws.Cell(UnitRow, ColCode), sheet.UnitCode);
        SetText(ws.Cell(UnitRow, ColName), sheet.UnitName);
        ws.Range(PeriodRow, ColCode, UnitRow, ColCode).Style.Font.Bold = true;

        var note = ws.Range(4, ColNo, 4, ColValue).Merge();
        SetText(note.FirstCell(),
            "Chỉ nhập vào cột “Giá trị”. Số lượng là số nguyên (gõ 50003 hoặc 50.003); tỷ lệ nhập theo đơn vị %, ví dụ 98,6; "
            + "chỉ tiêu Có/Không gõ “Có” hoặc “Không”. Không sửa mã kỳ (B2), mã đơn vị (B3) và cột “Mã chỉ tiêu”. "
            + "(*) là chỉ tiêu bắt buộc. Các chỉ tiêu tự tính (tổng, tỷ lệ) không có trong mẫu. Sau khi tải lên, hệ thống cho xem trước; chỉ lưu khi bấm “Xác nhận lưu”.");
        note.Style.Alignment.WrapText = true;
        note.Style.Font.Italic = true;
        note.Style.Font.FontSize = 11;
        ws.Row(4).Height = 48;

        string[] headers = ["STT", CodeHeader, "Chỉ tiêu", "Đơn vị tính", ValueHeader];
        for (var c = 0; c < headers.Length; c++) SetText(ws.Cell(HeaderRow, c + 1), headers[c]);
        var header = ws.Range(HeaderRow, ColNo, HeaderRow, ColValue);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.WrapText = true;

        var row = HeaderRow;
        var number = 0;
        foreach (var group in sheet.Groups)
        {
            var fields = group.Fields.Where(f => f.Formula is null).ToList();
            if (fields.Count == 0) continue;
            row++;
            var groupRange = ws.Range(row, ColNo, row, ColValue).Merge();
            var groupTitle = string.IsNullOrEmpty(group.Label) ? group.Title : $"{group.Label} {group.Title}";
            SetText(groupRange.FirstCell(), groupTitle);
            groupRange.Style.Font.Bold = true;
            groupRange.Style.Alignment.WrapText = true;
            if (groupTitle.Length > 90) ws.Row(row).Height = 33; // merged cells never grow on their own
            groupRange.Style.Fill.BackgroundColor = GroupFill;
            foreach (var field in fields)
            {
                row++;
                number++;
                ws.Cell(row, ColNo).SetValue(number);
                ws.Cell(row, ColNo).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                SetText(ws.Cell(row, ColCode), field.Code);
                SetText(ws.Cell(row, ColName), field.Required ? field.Name + " (*)" : field.Name);
                ws.Cell(row, ColName).Style.Alignment.WrapText = true;
                SetText(ws.Cell(row, ColMeasure), field.Measure);
                ws.Cell(row, ColMeasure).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                WriteValue(ws.Cell(row, ColValue), field);
            }
        }

        var table = ws.Range(HeaderRow, ColNo, row, ColValue);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;

        ws.SheetView.FreezeRows(HeaderRow);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        ws.Protect()
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows)
            .AllowElement(XLSheetProtectionElements.SelectEverything);

        var meta = workbook.AddWorksheet(MetaSheetName);
        string[][] pairs =
        [
            ["period", sheet.PeriodCode],
            ["unit", sheet.UnitCode],
            ["template", templateId.ToString(CultureInfo.InvariantCulture)],
            ["format", FormatVersion.ToString(CultureInfo.InvariantCulture)],
        ];
        for (var i = 0; i < pairs.Length; i++)
        {
            SetText(meta.Cell(i + 1, 1), pairs[i][0]);
            SetText(meta.Cell(i + 1, 2), pairs[i][1]);
        }
        meta.Visibility = XLWorksheetVisibility.VeryHidden;
        meta.Protect();
        ws.SetTabActive();

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static void WriteValue(IXLCell cell, IndicatorField field)
    {
        cell.Style.Protection.Locked = false;
        cell.Style.Fill.BackgroundColor = InputFill;
        var parsed = VietnameseNumberParser.Parse(field.Input, field.Kind);
        switch (field.Kind)
        {
            case ValueKind.Count:
                cell.Style.NumberFormat.Format = "#,##0";
                break;
            case ValueKind.Percent:
                cell.Style.NumberFormat.Format = "0.0#";
                break;
            case ValueKind.YesNo:
                cell.Style.NumberFormat.Format = "@";
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                cell.DataValidation.List("\"Có,Không\"", true);
                cell.DataValidation.IgnoreBlanks = true;
                cell.DataValidation.ErrorMessage = "Chọn Có hoặc Không.";
                break;
            default:
                cell.Style.NumberFormat.Format = "@";
                cell.Style.Alignment.WrapText = true;
                break;
        }
        if (!parsed.IsValid)
        {
            SetText(cell, field.Input); // a stored value is always valid; never lose what is there
            return;
        }
        if (parsed.IsBlank) return;
        switch (field.Kind)
        {
            case ValueKind.Count or ValueKind.Percent when parsed.Number is { } n:
                cell.SetValue(n);
                break;
            case ValueKind.YesNo when parsed.Number is { } yes:
                SetText(cell, VietnameseFormat.YesNo(yes == 1));
                break;
            default:
                SetText(cell, parsed.Text ?? field.Input);
                break;
        }
    }

    /// <summary>
    /// Text that Excel must never read as a formula: stored as a (shared) string, and with the quote prefix when it
    /// starts like a formula (= + - @, or tab/CR), so editing the cell in Excel keeps it text too.
    /// </summary>
    internal static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell.Style.IncludeQuotePrefix = true;
    }

    /// <summary>
    /// Reads a filled template: identification cells and value rows. Returns an error message instead when the file is
    /// not a DanVan entry template or cannot be read. The caller has already checked size and zip structure.
    /// </summary>
    public static (WorkbookContent? Content, string? Error) Read(Stream content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(content);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return (null, XlsxGuard.Unreadable + ": Excel không mở được nội dung tệp.");
        }
        using (workbook)
        {
            try
            {
                return ReadTemplate(workbook);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                return (null, XlsxGuard.Unreadable + ": nội dung trang “" + SheetName + "” không đọc được.");
            }
        }
    }

    private const string NotTemplate =
        "Tệp không phải mẫu nhập số liệu của DanVan. Hãy bấm “Tải mẫu Excel” trên trang nhập số liệu, điền vào mẫu đó rồi tải lên.";

    private static (WorkbookContent?, string?) ReadTemplate(XLWorkbook workbook)
    {
        if (!workbook.TryGetWorksheet(SheetName, out var ws) || !workbook.TryGetWorksheet(MetaSheetName, out var meta))
            return (null, NotTemplate);

        var metaValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var r = 1; r <= 10; r++)
        {
            var key = TextOf(meta.Cell(r, 1)).Trim();
            if (key.Length > 0) metaValues[key] = TextOf(meta.Cell(r, 2)).Trim();
        }

        var headerRow = 0;
        for (var r = 1; r <= MaxHeaderSearchRows && headerRow == 0; r++)
        {
            if (TextOf(ws.Cell(r, ColCode)).Trim() == CodeHeader && TextOf(ws.Cell(r, ColValue)).Trim() == ValueHeader) headerRow = r;
        }
        if (headerRow == 0)
            return (null, $"Không tìm thấy dòng tiêu đề (“{CodeHeader}”, “{ValueHeader}”) trong trang “{SheetName}”. " + NotTemplate);

        var last = ws.LastRowUsed(XLCellsUsedOptions.Contents)?.RowNumber() ?? headerRow;
        if (last - headerRow > ExcelLimits.MaxDataRows)
            return (null, $"Trang “{SheetName}” có quá nhiều dòng (tối đa {VietnameseFormat.Number(ExcelLimits.MaxDataRows)} dòng số liệu).");

        var rows = new List<WorkbookRow>();
        var problems = new List<string>();
        for (var r = headerRow + 1; r <= last; r++)
        {
            var codeCell = ws.Cell(r, ColCode);
            var code = codeCell.HasFormula ? "" : TextOf(codeCell).Trim();
            var value = ReadCell(ws.Cell(r, ColValue));
            if (code.Length == 0)
            {
                if (value.Kind != WorkbookCellKind.Blank) problems.Add($"Dòng {r}: có giá trị nhưng không có mã chỉ tiêu.");
                continue;
            }
            rows.Add(new WorkbookRow(r, code, value));
        }

        var content = new WorkbookContent(
            TextOf(ws.Cell(PeriodRow, ColCode)).Trim(), TextOf(ws.Cell(UnitRow, ColCode)).Trim(),
            metaValues.GetValueOrDefault("period"), metaValues.GetValueOrDefault("unit"), metaValues.GetValueOrDefault("template"),
            rows, problems);
        return (content, null);
    }

    /// <summary>The text of a cell without ever evaluating a formula.</summary>
    private static string TextOf(IXLCell cell) => cell.HasFormula ? "" : cell.GetString();

    private static WorkbookCell ReadCell(IXLCell cell)
    {
        if (cell.HasFormula) return new WorkbookCell(WorkbookCellKind.Formula);
        switch (cell.DataType)
        {
            case XLDataType.Number:
                var d = cell.GetDouble();
                if (double.IsNaN(d) || double.IsInfinity(d)) return new WorkbookCell(WorkbookCellKind.Text, Text: cell.GetString());
                var number = Math.Abs(d) < 1e18 ? (decimal)d : (d > 0 ? 1e18m : -1e18m);
                if (IsPercentFormat(cell)) number = Math.Round(number * 100m, 10);
                return new WorkbookCell(WorkbookCellKind.Number, number, number.ToString(CultureInfo.InvariantCulture));
            case XLDataType.Boolean:
                return new WorkbookCell(WorkbookCellKind.Boolean, cell.GetBoolean() ? 1 : 0);
            case XLDataType.DateTime or XLDataType.TimeSpan:
                return new WorkbookCell(WorkbookCellKind.Date, Text: cell.GetFormattedString());
            default:
                var text = cell.GetString();
                return string.IsNullOrWhiteSpace(text) ? WorkbookCell.Blank : new WorkbookCell(WorkbookCellKind.Text, Text: text);
        }
    }

    /// <summary>A cell shown as "98,6%" holds 0.986: Excel's built-in formats 9 and 10, or a custom one with an unquoted %.</summary>
    private static bool IsPercentFormat(IXLCell cell)
    {
        var format = cell.Style.NumberFormat;
        if (format.NumberFormatId is 9 or 10) return true;
        var text = format.Format ?? "";
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') quoted = !quoted;
            else if (c == '\\') i++;
            else if (c == '%' && !quoted) return true;
        }
        return false;
    }

    private static string Safe(string text)
    {
        var chars = text.Where(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-').Take(40).ToArray();
        return chars.Length == 0 ? "x" : new string(chars);
    }
}
