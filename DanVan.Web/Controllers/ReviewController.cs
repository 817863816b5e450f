using System.Globalization;
using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Web.Services.Entry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

/// <summary>The compiler's completeness board and review actions; the admin's reopen.</summary>
[Route("review/{period}")]
public sealed class ReviewController(ReviewService review, DanVan.Web.Features.Notifications.TimelinessService timeliness) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = Infrastructure.Policies.ReadAll)]
    public async Task<IActionResult> Board(string period, CancellationToken ct)
    {
        var board = await review.BoardAsync(period, ct);
        if (board is null) return NotFound();
        ViewData["Message"] = TempData["Message"];
        ViewData["MessageKind"] = TempData["MessageKind"];
        ViewData["Timeliness"] = await timeliness.ForPeriodAsync(period, ct);
        return View(board);
    }

    [HttpPost("{unit}/accept")]
    [Authorize(Policy = Infrastructure.Policies.Compiler)]
    public async Task<IActionResult> Accept(string period, string unit, CancellationToken ct) =>
        After(await review.AcceptAsync(period, unit, ct), period, unit, "Đã tiếp nhận phiếu số liệu.");

    [HttpPost("{unit}/return")]
    [Authorize(Policy = Infrastructure.Policies.Compiler)]
    public async Task<IActionResult> Return(string period, string unit, [FromForm] string? comment, CancellationToken ct) =>
        After(await review.ReturnAsync(period, unit, comment, ct), period, unit, "Đã trả lại phiếu cho đơn vị.");

    [HttpPost("{unit}/reopen")]
    [Authorize(Policy = Infrastructure.Policies.Admin)]
    public async Task<IActionResult> Reopen(string period, string unit, [FromForm] string? until, [FromForm] string? reason, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return After(ServiceResult.Invalid("until", "Ngày mở lại không hợp lệ."), period, unit, "");
        return After(await review.ReopenAsync(period, unit, date, reason, ct), period, unit, "Đã mở lại phiếu cho đơn vị.");
    }

    /// <summary>Back to the sheet with the outcome as its message.</summary>
    private IActionResult After(ServiceResult result, string period, string unit, string success)
    {
        var sheet = $"/entry/{Uri.EscapeDataString(period)}/{Uri.EscapeDataString(unit)}";
        return this.Answer(result, () => Back(sheet, success, "success"), () => Back(sheet, result.Message, "danger"));
    }

    private RedirectResult Back(string sheet, string? message, string kind)
    {
        TempData["Message"] = message;
        TempData["MessageKind"] = kind;
        return Redirect(sheet);
    }
}
