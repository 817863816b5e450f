using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Web.Infrastructure.ServiceResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Entry;

public sealed record ExcelDownload(byte[] Content, string FileName);

public enum ImportOutcome
{
    /// <summary>Valid, with changes: the preview offers “Xác nhận lưu”.</summary>
    Ready,
    /// <summary>Valid, but every value equals the stored one.</summary>
    NoChanges,
    /// <summary>The file was read but some rows are wrong; nothing can be saved from it.</summary>
    Invalid,
    /// <summary>The file (or the submission) was refused as a whole.</summary>
    Refused,
}

/// <summary>One indicator row of an uploaded file as the preview shows it.</summary>
public sealed record ImportRow(
    int Row, string Code, string Name, string Measure, string CurrentInput, string FileValue,
    string? NewInput, bool Changes, string? Error);

public sealed record ImportPreview(
    ImportOutcome Outcome,
    EntrySheet? Sheet,
    string? FileName,
    string? Message,
    IReadOnlyList<string> Errors,
    IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<ViolationView> Violations)
{
    public bool CanConfirm => Outcome == ImportOutcome.Ready;

    /// <summary>Nothing can be saved from this file (answered with 400).</summary>
    public bool IsRejected => Outcome is ImportOutcome.Invalid or ImportOutcome.Refused;

    /// <summary>The values the confirm form posts: only those that change, as typed text the save parses again.</summary>
    public IEnumerable<ImportRow> Changes => Rows.Where(r => r.Changes && r.Error is null && r.NewInput is not null);

}

/// <summary>
/// “Tải mẫu Excel” and “Nhập từ Excel”. Access and validation are EntryService's: the download is built from the
/// sheet GetAsync returns to the reader; the import is checked with CheckAsync and never saves — the preview's
/// confirm form posts the values to the ordinary save, so there is one save path.
/// </summary>
public sealed class EntryExcelService(EntryService entry, DanVanDbContext db, ILogger<EntryExcelService> logger)
{
    public async Task<ServiceResult<ExcelDownload>> DownloadAsync(string periodCode, string unitCode, CancellationToken ct)
    {
        var result = await entry.GetAsync(periodCode, unitCode, ct);
        if (!result.IsOk) return result.Outcome;
        var sheet = result.Value!;
        var content = EntryWorkbook.Write(sheet, await TemplateIdAsync(sheet.PeriodCode, ct));
        return ServiceResult<ExcelDownload>.Ok(new ExcelDownload(content, EntryWorkbook.FileName(sheet.PeriodCode, sheet.UnitCode)));
    }

    /// <summary>Reads an uploaded template and tells what saving it would change. Nothing is written.</summary>
    public async Task<ServiceResult<ImportPreview>> PreviewAsync(
        string periodCode, string unitCode, string? fileName, long length, Stream? content, CancellationToken ct)
    {
        var access = await entry.GetForWriteAsync(periodCode, unitCode, ct);
        if (access.Status is ServiceStatus.NotFound or ServiceStatus.Forbidden) return access.Outcome;
        var sheet = access.Value!;
        if (!access.IsOk) return Refuse(sheet, fileName, access.Message!);
        var name = fileName is null ? null : Path.GetFileName(fileName.Replace('\\', '/'));

        if (content is null || string.IsNullOrEmpty(name)) return Refuse(sheet, name, "Chưa chọn tệp. Hãy chọn tệp Excel (.xlsx) đã điền theo mẫu.");
        if (!name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return Refuse(sheet, name, $"Chỉ nhận tệp Excel .xlsx theo mẫu tải về (tệp đã chọn: “{Shorten(name)}”).");
        if (length > ExcelLimits.MaxFileBytes) return Refuse(sheet, name, XlsxGuard.TooLarge(length));

        var bytes = await ReadBoundedAsync(content, ct);
        if (bytes is null) return Refuse(sheet, name, XlsxGuard.TooLarge(ExcelLimits.MaxFileBytes + 1));
        var guard = XlsxGuard.Inspect(bytes);
        if (guard is not null) return Refuse(sheet, name, guard);

        var (workbook, readError) = EntryWorkbook.Read(new MemoryStream(bytes, writable: false));
        if (workbook is null) return Refuse(sheet, name, readError!);

        var identity = IdentityErrors(sheet, workbook, await TemplateIdAsync(sheet.PeriodCode, ct));
        if (identity.Count > 0) return Refuse(sheet, name, identity);

        return await CheckRowsAsync(sheet, name, workbook, ct);
    }

    private async Task<ServiceResult<ImportPreview>> CheckRowsAsync(EntrySheet sheet, string fileName, WorkbookContent workbook, CancellationToken ct)
    {
        var fields = sheet.Fields.ToDictionary(f => f.Code, StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>(workbook.Problems);
        var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<(WorkbookRow Row, IndicatorField? Field, string? Error)>();
        var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);

        foreach (var row in workbook.Rows)
        {
            string? error = null;
            fields.TryGetValue(row.Code, out var field);
            if (field is null)
                error = $"Mã chỉ tiêu “{Shorten(row.Code)}” không thuộc phiếu của {sheet.UnitName}.";
            else if (firstRow.TryGetValue(field.Code, out var first))
                error = $"Mã chỉ tiêu {field.Code} bị lặp (đã có ở dòng {first}).";
            else if (field.Formula is not null)
                error = $"Chỉ tiêu {field.Code} được tính tự động, không nhập.";
            else
                error = CellError(row.Value, field);

            if (field is not null) firstRow.TryAdd(field.Code, row.Row);
            if (error is null) values[field!.Code] = RawOf(row.Value, field.Kind);
            rows.Add((row, field, error));
        }

        var check = await entry.CheckAsync(sheet.PeriodCode, sheet.UnitCode, new EntryInput(
            values, new Dictionary<string, string?>(), new Dictionary<string, string?>(), sheet.Version, null), ct);
        if (check.Outcome is ServiceStatus.Forbidden) return ServiceResult.Forbidden;
        if (check.Outcome is ServiceStatus.NotFound) return ServiceResult.NotFound;
        if (check.Outcome is ServiceStatus.Refused) return Refuse(check.Sheet!, fileName, check.Message!);
        errors.AddRange(check.FormErrors.Select(e => e.Message));

        var preview = new List<ImportRow>();
        foreach (var (row, field, rowError) in rows)
        {
            var error = rowError;
            CheckedValue? checkedValue = null;
            if (error is null && field is not null && check.Values.TryGetValue(field.Code, out checkedValue) && checkedValue.Error is not null)
            {
                error = checkedValue.Error + Hint(row.Value, field);
                errors.Add($"Dòng {row.Row} ({field.Code}): “{Display(row.Value, field.Kind)}” – {error}");
            }
            else if (error is not null)
            {
                errors.Add($"Dòng {row.Row} ({Shorten(row.Code)}): {error}");
            }
            preview.Add(new ImportRow(
                row.Row, field?.Code ?? Shorten(row.Code), field?.Name ?? "", field?.Measure ?? "",
                field?.StoredInput ?? "", Display(row.Value, field?.Kind),
                error is null ? checkedValue?.Input : null, error is null && (checkedValue?.Changes ?? false), error));
        }

        if (rows.Count == 0 && errors.Count == 0) errors.Add("Tệp không có dòng số liệu nào (cột “Mã chỉ tiêu” trống).");
        if (errors.Count > 0)
        {
            logger.LogInformation("Excel import for {Period}/{Unit} refused: {Errors} errors", sheet.PeriodCode, sheet.UnitCode, errors.Count);
            return new ImportPreview(ImportOutcome.Invalid, sheet, fileName,
                "Tệp có số liệu chưa hợp lệ. Chưa lưu gì; hãy sửa trong tệp rồi tải lên lại.", errors, preview, check.Violations);
        }
        var changes = preview.Count(r => r.Changes);
        return changes == 0
            ? new ImportPreview(ImportOutcome.NoChanges, sheet, fileName,
                "Số liệu trong tệp giống số liệu đang lưu, không có gì thay đổi.", [], preview, check.Violations)
            : new ImportPreview(ImportOutcome.Ready, sheet, fileName,
                $"Tệp hợp lệ: {changes} chỉ tiêu thay đổi. Số liệu chỉ được lưu khi bấm “Xác nhận lưu”.", [], preview, check.Violations);
    }

    /// <summary>Cell kinds no indicator accepts; the values themselves are judged by the same parser as the form.</summary>
    private static string? CellError(WorkbookCell cell, IndicatorField field) => cell.Kind switch
    {
        WorkbookCellKind.Formula => "ô “Giá trị” chứa công thức; hãy nhập giá trị trực tiếp (hoặc dán dạng giá trị).",
        WorkbookCellKind.Date => $"ô “Giá trị” đang là ngày tháng ({cell.Text}); hãy nhập {What(field.Kind)}.",
        WorkbookCellKind.Boolean when field.Kind != ValueKind.YesNo => $"ô “Giá trị” là TRUE/FALSE; hãy nhập {What(field.Kind)}.",
        _ => null,
    };

    /// <summary>Numbers go through VietnameseNumberParser.Check, text through Parse, as the API and the form do.</summary>
    private static RawValue RawOf(WorkbookCell cell, ValueKind kind) => cell.Kind switch
    {
        WorkbookCellKind.Blank => RawValue.Typed(""),
        WorkbookCellKind.Number when kind == ValueKind.Text => RawValue.Typed(cell.Text),
        WorkbookCellKind.Number or WorkbookCellKind.Boolean => RawValue.FromJson(cell.Number),
        _ => RawValue.Typed(cell.Text),
    };

    /// <summary>A count cell Excel read as 28.262 was most likely typed where "." is the decimal point: say so.</summary>
    private static string Hint(WorkbookCell cell, IndicatorField field)
    {
        if (cell.Kind != WorkbookCellKind.Number || field.Kind != ValueKind.Count || cell.Number is not { } n) return "";
        var thousands = n * 1000m;
        var threeDecimals = thousands == decimal.Truncate(thousands) && n * 100m != decimal.Truncate(n * 100m);
        return threeDecimals && n > 0
            ? $" Excel đọc ô này là {VietnameseFormat.Number(n, 6)}; nếu đó là số hàng nghìn, hãy gõ liền không dấu: {thousands.ToString("0", CultureInfo.InvariantCulture)}."
            : "";
    }

    private static string What(ValueKind kind) => kind switch
    {
        ValueKind.Count => "một số nguyên",
        ValueKind.Percent => "tỷ lệ phần trăm",
        ValueKind.YesNo => "Có hoặc Không",
        _ => "nội dung văn bản",
    };

    private static string Display(WorkbookCell cell, ValueKind? kind) => cell.Kind switch
    {
        WorkbookCellKind.Blank => "",
        WorkbookCellKind.Number when kind == ValueKind.Text => cell.Text ?? "",
        WorkbookCellKind.Number => VietnameseFormat.Number(cell.Number!.Value, 6),
        WorkbookCellKind.Boolean => cell.Number == 1 ? "TRUE" : "FALSE",
        WorkbookCellKind.Formula => "(công thức)",
        _ => Shorten(cell.Text ?? "", 200),
    };

    private static List<string> IdentityErrors(EntrySheet sheet, WorkbookContent workbook, int templateId)
    {
        var errors = new List<string>();
        var filePeriod = Normalize(workbook.PeriodCode);
        var fileUnit = workbook.UnitCode.ToUpperInvariant();
        if (filePeriod.Length == 0 || fileUnit.Length == 0)
        {
            errors.Add("Tệp thiếu mã kỳ (ô B2) hoặc mã đơn vị (ô B3). Hãy tải mẫu mới bằng nút “Tải mẫu Excel”.");
            return errors;
        }
        if (fileUnit != sheet.UnitCode)
        {
            errors.Add($"Tệp là mẫu của đơn vị “{Shorten(workbook.UnitCode)}”, không phải của {sheet.UnitName} ({sheet.UnitCode}). "
                + "Hãy tải mẫu của đơn vị mình.");
        }
        if (filePeriod != sheet.PeriodCode)
        {
            errors.Add($"Tệp là mẫu của kỳ “{Shorten(workbook.PeriodCode)}”, không phải kỳ {sheet.PeriodName} ({sheet.PeriodCode}). "
                + "Hãy tải mẫu của kỳ này.");
        }
        if (errors.Count > 0) return errors;
        if (Normalize(workbook.MetaPeriodCode ?? "") != filePeriod || (workbook.MetaUnitCode ?? "").ToUpperInvariant() != fileUnit)
        {
            errors.Add("Ô mã kỳ (B2) hoặc mã đơn vị (B3) đã bị sửa, không khớp với mẫu. Hãy tải mẫu mới bằng nút “Tải mẫu Excel”.");
        }
        else if (workbook.MetaTemplateId != templateId.ToString(CultureInfo.InvariantCulture))
        {
            errors.Add("Tệp được tạo từ một phiên bản đề cương khác của kỳ này. Hãy tải mẫu mới bằng nút “Tải mẫu Excel”.");
        }
        return errors;
    }

    private static string Normalize(string periodCode) => PeriodCode.TryParse(periodCode.Trim(), out var code) ? code.ToString() : periodCode.Trim();

    private ImportPreview Refuse(EntrySheet sheet, string? fileName, string error) => Refuse(sheet, fileName, [error]);

    private ImportPreview Refuse(EntrySheet sheet, string? fileName, IReadOnlyList<string> errors)
    {
        logger.LogInformation("Excel import for {Period}/{Unit} refused: {Reason}", sheet.PeriodCode, sheet.UnitCode, errors[0]);
        return new ImportPreview(ImportOutcome.Refused, sheet, fileName, "Không nhận tệp này. Chưa lưu gì.", errors, [], []);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ExcelLimits.MaxFileBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private async Task<int> TemplateIdAsync(string periodCode, CancellationToken ct) =>
        await db.Periods.AsNoTracking().Where(p => p.Code == periodCode).Select(p => p.TemplateId).SingleAsync(ct);

    private static string Shorten(string text, int max = 64) => text.Length > max ? text[..max] + "…" : text;
}
