using DanVan.Domain.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Features.Notifications;

/// <summary>The admin's outbox: pending, sent, failed with the SMTP answer; resend a failed message.</summary>
[Authorize(Policy = Infrastructure.Policies.Admin)]
public sealed class AdminOutboxController(OutboxAdminService outbox) : Controller
{
    [HttpGet("/admin/outbox")]
    public async Task<IActionResult> Index([FromQuery] string? state, CancellationToken ct)
    {
        var shown = Enum.TryParse<OutboxState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : OutboxState.Failed;
        ViewData["State"] = shown;
        ViewData["Counts"] = await outbox.CountsAsync(ct);
        ViewData["Message"] = TempData["Message"];
        return View(await outbox.ListAsync(shown, ct));
    }

    [HttpPost("/admin/outbox/{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, CancellationToken ct)
    {
        TempData["Message"] = await outbox.ResendAsync(id, ct) ? "Đã đưa thư vào hàng đợi gửi lại." : "Thư không còn ở trạng thái lỗi.";
        return Redirect("/admin/outbox?state=Failed");
    }
}
