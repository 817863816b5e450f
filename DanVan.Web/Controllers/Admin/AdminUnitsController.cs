using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Web.Models.Admin;
using DanVan.Web.Services.Admin;
using DanVan.Web.Services.Admin.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers.Admin;

/// <summary>/admin/units: the unit tree; add, rename, move, retire and restore units.</summary>
[Route("admin/units")]
[Authorize(Policy = Policies.Admin)]
public sealed class AdminUnitsController(UnitAdminService units) : Controller
{
    private const string FormPrefix = "Form";
    private const string RenamePrefix = "Rename";
    private const string MovePrefix = "Move";
    private const string StatusPrefix = "Status";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Message"] = TempData["Message"];
        return View(new UnitsPage(await units.TreeAsync(ct), new NewUnitForm()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = FormPrefix)] NewUnitForm form, CancellationToken ct)
    {
        var result = await units.CreateAsync(form.Code, form.Name, form.ParentCode, ct);
        return await this.AnswerAsync(result, code =>
        {
            TempData["Message"] = $"Đã thêm đơn vị {code}.";
            return Redirect($"/admin/units/{code}");
        }, async () => View("Index", new UnitsPage(await units.TreeAsync(ct), form)), FormPrefix);
    }

    [HttpGet("{unit}")]
    public async Task<IActionResult> Details(string unit, CancellationToken ct)
    {
        var detail = await units.DetailAsync(unit, ct);
        if (detail is null) return NotFound();
        ViewData["Message"] = TempData["Message"];
        return View(Page(detail));
    }

    [HttpPost("{unit}/rename")]
    public async Task<IActionResult> Rename(string unit, [Bind(Prefix = RenamePrefix)] RenameForm form, CancellationToken ct) =>
        await AfterAsync(unit, await units.RenameAsync(unit, FormVersion.Parse(form.Version), form.Name, ct), "Đã đổi tên đơn vị.",
            RenamePrefix, page => page with { Rename = form }, ct);

    [HttpPost("{unit}/move")]
    public async Task<IActionResult> Move(string unit, [Bind(Prefix = MovePrefix)] MoveForm form, CancellationToken ct) =>
        await AfterAsync(unit, await units.MoveAsync(unit, FormVersion.Parse(form.Version), form.ParentCode, ct), "Đã chuyển đơn vị.",
            MovePrefix, page => page with { Move = form }, ct);

    [HttpPost("{unit}/retire")]
    public async Task<IActionResult> Retire(string unit, [Bind(Prefix = StatusPrefix)] ReasonForm form, CancellationToken ct) =>
        await AfterAsync(unit, await units.RetireAsync(unit, FormVersion.Parse(form.Version), form.Reason, ct),
            "Đơn vị đã ngừng hoạt động: không tham gia các kỳ báo cáo tạo từ nay; số liệu và báo cáo các kỳ trước giữ nguyên.",
            StatusPrefix, page => page with { Status = form }, ct);

    [HttpPost("{unit}/restore")]
    public async Task<IActionResult> Restore(string unit, [Bind(Prefix = StatusPrefix)] ReasonForm form, CancellationToken ct) =>
        await AfterAsync(unit, await units.RestoreAsync(unit, FormVersion.Parse(form.Version), form.Reason, ct),
            "Đơn vị đã hoạt động trở lại.", StatusPrefix, page => page with { Status = form }, ct);

    private Task<IActionResult> AfterAsync(
        string unit, ServiceResult<string> result, string success, string prefix, Func<UnitDetailPage, UnitDetailPage> keepTyped, CancellationToken ct) =>
        this.AnswerAsync(result, code =>
        {
            TempData["Message"] = success;
            return Redirect($"/admin/units/{code}");
        }, async () => await units.DetailAsync(unit, ct) is { } detail
            // A stale form shows the fresh tree, not the values typed over the other admin's change.
            ? View("Details", result.Status == ServiceStatus.Conflict ? Page(detail) : keepTyped(Page(detail)))
            : NotFound(), prefix);

    private static UnitDetailPage Page(UnitDetail detail)
    {
        var version = detail.Version.ToString();
        return new UnitDetailPage(detail,
            new RenameForm { Name = detail.Unit.Name, Version = version },
            new MoveForm { ParentCode = detail.ParentCode, Version = version },
            new ReasonForm { Version = version });
    }
}
