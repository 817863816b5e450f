using DanVan.Domain.Organization;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Web.Models.Entry;
using DanVan.Web.Services.Entry;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

/// <summary>The unit's entry form for one (period, unit); read-only for compilers, leaders and admins.</summary>
[Route("entry/{period}/{unit}")]
public sealed class EntryController(EntryService entry, EntryExcelService excel, CurrentUser currentUser) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(string period, string unit, CancellationToken ct)
    {
        return this.Show(await entry.GetAsync(period, unit, ct), sheet => Render(sheet, TempData["Message"] as string, TempData["MessageKind"] as string));
    }

    [HttpPost("")]
    [RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Save(string period, string unit, [FromForm] string? command, CancellationToken ct)
    {
        var input = EntryForm.Read(await Request.ReadFormAsync(ct));
        var submit = command == "submit";
        var result = submit ? await entry.SubmitAsync(period, unit, input, ct) : await entry.SaveAsync(period, unit, input, ct);
        return this.Answer(result, sheet =>
        {
            TempData["Message"] = submit ? "Đã gửi phiếu số liệu." : "Đã lưu nháp.";
            TempData["MessageKind"] = "success";
            return RedirectToAction(nameof(Edit), new { period = sheet.PeriodCode, unit = sheet.UnitCode });
        }, () => Render(result.Value!, result.Message, "danger"));
    }

    /// <summary>Background draft save from the form's script: JSON in, JSON out, nothing rendered.</summary>
    [HttpPost("autosave")]
    [RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Autosave(string period, string unit, CancellationToken ct)
    {
        var input = EntryForm.Read(await Request.ReadFormAsync(ct));
        var result = await entry.SaveAsync(period, unit, input, ct);
        return this.Answer(result, sheet => Json(new { saved = true, version = sheet.Version }),
            () => Json(new { saved = false, message = result.Message, errors = result.Errors }));
    }

    /// <summary>“Tải mẫu Excel”: the sheet as an .xlsx template, for everyone who may read it.</summary>
    [HttpGet("excel")]
    public async Task<IActionResult> Excel(string period, string unit, CancellationToken ct)
    {
        return this.Show(await excel.DownloadAsync(period, unit, ct), download => File(download.Content, EntryWorkbook.ContentType, download.FileName));
    }

    /// <summary>
    /// “Nhập từ Excel”: reads the uploaded template and shows a preview. Nothing is saved here; the preview's
    /// “Xác nhận lưu” posts the values to <see cref="Save"/>.
    /// </summary>
    [HttpPost("import")]
    [RequestSizeLimit(ExcelLimits.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ExcelLimits.MaxRequestBytes)]
    public async Task<IActionResult> Import(string period, string unit, IFormFile? file, CancellationToken ct)
    {
        ServiceResult<ImportPreview> result;
        if (file is null)
        {
            result = await excel.PreviewAsync(period, unit, null, 0, null, ct);
        }
        else
        {
            await using var content = file.OpenReadStream();
            result = await excel.PreviewAsync(period, unit, file.FileName, file.Length, content, ct);
        }
        return this.Show(result, preview =>
        {
            if (preview.IsRejected) Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Import", preview);
        });
    }

    [HttpGet("history/{code}")]
    public async Task<IActionResult> History(string period, string unit, string code, CancellationToken ct)
    {
        var history = await entry.HistoryAsync(period, unit, code, ct);
        if (!history.IsOk) return this.Show(history, _ => NotFound());
        var sheet = (await entry.GetAsync(period, unit, ct)).Value!;
        var name = sheet.Fields.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase))?.Name
            ?? sheet.Narratives.FirstOrDefault(n => n.SectionKey == code)?.Title;
        return View(new HistoryPage(sheet.PeriodCode, sheet.UnitCode, code.ToUpperInvariant(), name, history.Value!));
    }

    private ViewResult Render(EntrySheet sheet, string? message, string? kind) =>
        View("Edit", new EntryPage(sheet, message, kind, currentUser.IsInRole(Roles.Compiler), currentUser.IsInRole(Roles.Admin)));
}
