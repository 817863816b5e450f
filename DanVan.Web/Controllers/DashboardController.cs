using DanVan.Web.Authorization;
using DanVan.Web.Infrastructure;
using DanVan.Web.Services.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

/// <summary>
/// Bảng điều hành: the office-wide dashboard and its print view for leaders, compilers and admins; the drill-down of
/// one unit also for that unit's own staff. Unit staff never see the office-wide figures nor another unit's.
/// </summary>
[Route("dashboard")]
public sealed class DashboardController(
    DashboardService dashboard, Access access, DanVan.Web.Features.Notifications.TimelinessService timeliness) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = Policies.ReadAll)]
    public async Task<IActionResult> Index([FromQuery] string? period, CancellationToken ct)
    {
        var model = await dashboard.OfficeAsync(period, ct);
        if (model is null) return NotFound();
        ViewData["Timeliness"] = await timeliness.ForPeriodAsync(model.Period.Code, ct);
        return View(model);
    }

    /// <summary>The same dashboard laid out for one A4 landscape sheet per section, charts with their tables.</summary>
    [HttpGet("print")]
    [Authorize(Policy = Policies.ReadAll)]
    public async Task<IActionResult> Print([FromQuery] string? period, CancellationToken ct)
    {
        var model = await dashboard.OfficeAsync(period, ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("unit/{unit}")]
    public async Task<IActionResult> Unit(string unit, [FromQuery] string? period, CancellationToken ct)
    {
        var found = await dashboard.FindUnitAsync(unit, ct);
        if (found is null) return NotFound();
        if (!await access.CanAsync(Operations.Read, new UnitSheet(found.Id))) return Forbid();
        var model = await dashboard.UnitAsync(found.Code, period, ct);
        return model is null ? NotFound() : View(model);
    }
}
