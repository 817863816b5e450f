using DanVan.Domain.Common;
using System.Globalization;
using DanVan.Domain.Formatting;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Web.Models.Admin;
using DanVan.Web.Services.Admin;
using DanVan.Web.Services.Admin.Periods;
using DanVan.Web.Services.Entry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers.Admin;

/// <summary>/admin/periods: list, create (with a preview of the derived dates), deadlines, lock and reopen.</summary>
[Route("admin/periods")]
[Authorize(Policy = Policies.Admin)]
public sealed class AdminPeriodsController(PeriodAdminService periods, ReviewService review, TimeProvider clock) : Controller
{
    private const string FormPrefix = "Form";
    private const string DeadlinesPrefix = "Deadlines";
    private const string StatusPrefix = "Status";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Message"] = TempData["Message"];
        return View(await periods.ListAsync(ct));
    }

    /// <summary>Step 1 chooses a kind and a year (a GET form, works without script); step 2 shows the dates and confirms.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New([FromQuery] string? kind, [FromQuery] string? year, CancellationToken ct)
    {
        var form = new NewPeriodForm { Kind = kind, Year = year ?? VietnamTime.Now(clock).Year.ToString(CultureInfo.InvariantCulture) };
        if (kind is null && year is null) return View(new PeriodNewPage(form, null));
        var (preview, errors) = await periods.PreviewAsync(kind, year, ct);
        AddErrors(errors, FormPrefix);
        if (preview is not null) Prefill(form, preview);
        return View(new PeriodNewPage(form, preview));
    }

    /// <summary>The same preview as JSON, for the page's script to update it as the kind or year changes.</summary>
    [HttpGet("preview")]
    public async Task<IActionResult> Preview([FromQuery] string? kind, [FromQuery] string? year, CancellationToken ct)
    {
        var (preview, errors) = await periods.PreviewAsync(kind, year, ct);
        if (preview is null) return BadRequest(new { errors = errors.ToDictionary(e => Camel(e.Key), e => e.Value) });
        return Json(new
        {
            preview.Code,
            preview.Name,
            cutoffFrom = VietnameseFormat.ShortDate(preview.CutoffFrom),
            cutoffTo = VietnameseFormat.ShortDate(preview.CutoffTo),
            unitDeadline = Iso(preview.UnitDeadline),
            sendDeadline = Iso(preview.SendDeadline),
            unitDeadlineText = VietnameseFormat.ShortDate(preview.UnitDeadline),
            sendDeadlineText = VietnameseFormat.ShortDate(preview.SendDeadline),
            template = preview.TemplateName is null ? null : $"{preview.TemplateName} (phiên bản {preview.TemplateVersion})",
            preview.Units,
            preview.Exists,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = FormPrefix)] NewPeriodForm form, CancellationToken ct)
    {
        var (result, _) = await periods.CreateAsync(form.Kind, form.Year, form.UnitDeadline, form.SendDeadline, ct);
        return await this.AnswerAsync(result, code =>
        {
            TempData["Message"] = $"Đã tạo kỳ {code}.";
            return Redirect($"/admin/periods/{code}");
        }, async () => View("New", new PeriodNewPage(form, (await periods.PreviewAsync(form.Kind, form.Year, ct)).Preview)), FormPrefix);
    }

    [HttpGet("{period}")]
    public async Task<IActionResult> Details(string period, CancellationToken ct)
    {
        var detail = await periods.DetailAsync(period, ct);
        if (detail is null) return NotFound();
        ViewData["Message"] = TempData["Message"];
        ViewData["MessageKind"] = TempData["MessageKind"];
        return View(Page(detail));
    }

    [HttpPost("{period}/deadlines")]
    public async Task<IActionResult> Deadlines(string period, [Bind(Prefix = DeadlinesPrefix)] DeadlinesForm form, CancellationToken ct) =>
        await AfterAsync(period, await periods.SetDeadlinesAsync(period, FormVersion.Parse(form.Version), form.UnitDeadline, form.SendDeadline, form.Reason, ct),
            "Đã lưu hạn gửi.", DeadlinesPrefix, deadlines: form, ct: ct);

    [HttpPost("{period}/lock")]
    public async Task<IActionResult> Lock(string period, [Bind(Prefix = StatusPrefix)] ReasonForm form, CancellationToken ct) =>
        await AfterAsync(period, await periods.LockAsync(period, FormVersion.Parse(form.Version), form.Reason, ct),
            "Đã khóa kỳ báo cáo: đơn vị không thể sửa số liệu.", StatusPrefix, status: form, ct: ct);

    [HttpPost("{period}/reopen")]
    public async Task<IActionResult> Reopen(string period, [Bind(Prefix = StatusPrefix)] ReasonForm form, CancellationToken ct) =>
        await AfterAsync(period, await periods.ReopenAsync(period, FormVersion.Parse(form.Version), form.Reason, ct),
            "Đã mở lại kỳ báo cáo.", StatusPrefix, status: form, ct: ct);

    [HttpPost("{period}/units/{unit}/lock")]
    public async Task<IActionResult> LockUnit(string period, string unit, [FromForm] string? reason, CancellationToken ct) =>
        await AfterUnitAsync(period, unit, await review.LockAsync(period, unit, reason, ct), $"Đã khóa phiếu của đơn vị {unit.ToUpperInvariant()}.", ct);

    [HttpPost("{period}/units/{unit}/reopen")]
    public async Task<IActionResult> ReopenUnit(string period, string unit, [FromForm] string? until, [FromForm] string? reason, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return await AfterUnitAsync(period, unit, ServiceResult.Invalid("until", "Ngày mở lại không hợp lệ."), "", ct);
        return await AfterUnitAsync(period, unit, await review.ReopenAsync(period, unit, date, reason, ct),
            $"Đã mở lại phiếu của đơn vị {unit.ToUpperInvariant()} đến ngày {VietnameseFormat.ShortDate(date)}.", ct);
    }

    private async Task<IActionResult> AfterAsync(
        string period, ServiceResult<string> result, string success, string prefix, CancellationToken ct,
        DeadlinesForm? deadlines = null, ReasonForm? status = null) =>
        await this.AnswerAsync(result, code =>
        {
            TempData["Message"] = success;
            TempData["MessageKind"] = "success";
            return Redirect($"/admin/periods/{code}");
        }, async () =>
        {
            var detail = await periods.DetailAsync(period, ct);
            if (detail is null) return NotFound();
            var page = Page(detail);
            // A stale form shows the fresh values, not the ones typed over the other admin's change.
            return View("Details", result.Status == ServiceStatus.Conflict
                ? page
                : page with { Deadlines = deadlines ?? page.Deadlines, Status = status ?? page.Status });
        }, prefix);

    private Task<IActionResult> AfterUnitAsync(string period, string unit, ServiceResult result, string success, CancellationToken ct) =>
        this.AnswerAsync(result, () =>
        {
            TempData["Message"] = success;
            TempData["MessageKind"] = "success";
            return Redirect($"/admin/periods/{Uri.EscapeDataString(period)}#don-vi");
        }, async () => await periods.DetailAsync(period, ct) is { } detail
            ? View("Details", Page(detail) with { UnitWithError = unit.ToUpperInvariant(), UnitError = result.Message })
            : NotFound());

    private static PeriodDetailPage Page(PeriodDetail detail) => new(
        detail,
        new DeadlinesForm { UnitDeadline = Iso(detail.Period.UnitDeadline), SendDeadline = Iso(detail.Period.SendDeadline), Version = detail.Version.ToString() },
        new ReasonForm { Version = detail.Version.ToString() },
        null, null);

    private static void Prefill(NewPeriodForm form, PeriodPreview preview)
    {
        form.Kind = preview.Kind;
        form.Year = preview.Year.ToString(CultureInfo.InvariantCulture);
        form.UnitDeadline ??= Iso(preview.UnitDeadline);
        form.SendDeadline ??= Iso(preview.SendDeadline);
    }

    private void AddErrors(IReadOnlyDictionary<string, string> errors, string prefix)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", message);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
