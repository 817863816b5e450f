using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Features.Notifications;

[Authorize(Policy = Infrastructure.Policies.Admin)]
public sealed class ReminderOffsetsController(ReminderOffsetsService service) : Controller
{
    [HttpPost("/admin/periods/{period}/reminder-offsets")]
    public async Task<IActionResult> Save(string period, [FromForm] string? offsets, CancellationToken ct)
    {
        var (found, allowed, error) = await service.SetAsync(period, offsets, ct);
        if (!allowed) return Forbid();
        if (!found) return NotFound();
        TempData["ReminderOffsetsMessage"] = error ?? "Đã lưu ngày nhắc hạn.";
        TempData["ReminderOffsetsKind"] = error is null ? "success" : "danger";
        return Redirect($"/admin/periods/{Uri.EscapeDataString(period)}#reminders-title");
    }
}
