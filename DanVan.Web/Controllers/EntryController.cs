using DanVan.Domain.Organization;
using DanVan.Web.Infrastructure;
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
        var result = await entry.GetAsync(period, unit, ct);
        return Render(result, TempData["Message"] as string, TempData["MessageKind"] as string);
    }

    [HttpPost("")]
    [RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Save(string period, string unit, [FromForm] string? command, CancellationToken ct)
    {
        var input = EntryForm.Read(await Request.ReadFormAsync(ct));
        var submit = command == "submit";
        var result = submit ? await entry.SubmitAsync(period, unit, input, ct) : await entry.SaveAsync(period, unit, input, ct);
        if (result.Outcome is EntryOutcome.Saved or EntryOutcome.Unchanged)
        {
            TempData["Message"] = submit ? "Đã gửi phiếu số liệu." : "Đã lưu nháp.";
            TempData["MessageKind"] = "success";
            return RedirectToAction(nameof(Edit), new { period = result.Sheet!.PeriodCode, unit = result.Sheet.UnitCode });
        }
        Response.StatusCode = result.Outcome switch
        {
            EntryOutcome.Invalid => StatusCodes.Status400BadRequest,
            EntryOutcome.Conflict or EntryOutcome.Refused => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return Render(result, result.Message, "danger");
    }

    /// <summary>Background draft save from the form's script: JSON in, JSON out, nothing rendered.</summary>
    [HttpPost("autosave")]
    [RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Autosave(string period, string unit, CancellationToken ct)
    {
        var input = EntryForm.Read(await Request.ReadFormAsync(ct));
        var result = await entry.SaveAsync(period, unit, input, ct);
        return result.Outcome switch
        {
            EntryOutcome.NotFound => NotFound(),
            EntryOutcome.Forbidden => Forbid(),
            EntryOutcome.Saved or EntryOutcome.Unchanged => Json(new { saved = true, version = result.Sheet!.Version }),
            _ => StatusCode(result.Outcome == EntryOutcome.Invalid ? 400 : 409, new
            {
                saved = false,
                message = result.Message,
                errors = result.Sheet?.Fields.Where(f => f.Error is not null).ToDictionary(f => f.Code, f => f.Error),
            }),
        };
    }

    /// <summary>“Tải mẫu Excel”: the sheet as an .xlsx template, for everyone who may read it.</summary>
    [HttpGet("excel")]
    public async Task<IActionResult> Excel(string period, string unit, CancellationToken ct)
    {
        var download = await excel.DownloadAsync(period, unit, ct);
        return download.Outcome switch
        {
            EntryOutcome.NotFound => NotFound(),
            EntryOutcome.Forbidden => Forbid(),
            _ => File(download.Content!, EntryWorkbook.ContentType, download.FileName),
        };
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
        ImportPreview preview;
        if (file is null)
        {
            preview = await excel.PreviewAsync(period, unit, null, 0, null, ct);
        }
        else
        {
            await using var content = file.OpenReadStream();
            preview = await excel.PreviewAsync(period, unit, file.FileName, file.Length, content, ct);
        }
        switch (preview.Outcome)
        {
            case ImportOutcome.NotFound: return NotFound();
            case ImportOutcome.Forbidden: return Forbid();
            case ImportOutcome.Refused or ImportOutcome.Invalid: Response.StatusCode = StatusCodes.Status400BadRequest; break;
        }
        return View("Import", preview);
    }

    [HttpGet("history/{code}")]
    public async Task<IActionResult> History(string period, string unit, string code, CancellationToken ct)
    {
        try
        {
            var entries = await entry.HistoryAsync(period, unit, code, ct);
            if (entries is null) return NotFound();
            var sheet = (await entry.GetAsync(period, unit, ct)).Sheet;
            var name = sheet?.Fields.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase))?.Name
                ?? sheet?.Narratives.FirstOrDefault(n => n.SectionKey == code)?.Title;
            return View(new HistoryPage(sheet!.PeriodCode, sheet.UnitCode, code.ToUpperInvariant(), name, entries));
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }
    }

    private IActionResult Render(EntryResult result, string? message, string? kind) => result.Outcome switch
    {
        EntryOutcome.NotFound => NotFound(),
        EntryOutcome.Forbidden => Forbid(),
        _ => View("Edit", new EntryPage(result.Sheet!, message, kind,
            currentUser.IsInRole(Roles.Compiler), currentUser.IsInRole(Roles.Admin))),
    };
}
