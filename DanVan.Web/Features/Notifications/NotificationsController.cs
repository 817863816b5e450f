using DanVan.Domain.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Features.Notifications;

/// <summary>The signed-in user's notices (read, mark all read) and their e-mail choices per kind.</summary>
public sealed class NotificationsController(InboxService inbox) : Controller
{
    [HttpGet("/notifications")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Message"] = TempData["Message"];
        return View(await inbox.ListAsync(ct));
    }

    /// <summary>Marks the notice read and opens its page.</summary>
    [HttpPost("/notifications/{id:long}/read")]
    public async Task<IActionResult> Read(long id, CancellationToken ct) =>
        await inbox.ReadAsync(id, ct) is { } link && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)
            ? LocalRedirect(link)
            : NotFound();

    [HttpPost("/notifications/read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        var count = await inbox.ReadAllAsync(ct);
        TempData["Message"] = count == 0 ? "Không có thông báo chưa đọc." : $"Đã đánh dấu đã đọc {Domain.Formatting.VietnameseFormat.Count(count)} thông báo.";
        return Redirect("/notifications");
    }

    [HttpGet("/Account/Notifications")]
    public async Task<IActionResult> Settings(CancellationToken ct)
    {
        ViewData["Message"] = TempData["Message"];
        return View(await inbox.EmailOffAsync(ct));
    }

    /// <summary>The checked kinds keep e-mail; the portal keeps every notice whatever is chosen.</summary>
    [HttpPost("/Account/Notifications")]
    public async Task<IActionResult> SaveSettings([FromForm] List<string>? email, CancellationToken ct)
    {
        var on = (email ?? []).Select(e => Enum.TryParse<NotificationKind>(e, out var kind) && Enum.IsDefined(kind) ? (NotificationKind?)kind : null)
            .OfType<NotificationKind>().ToHashSet();
        await inbox.SetEmailOnAsync(on, ct);
        TempData["Message"] = "Đã lưu lựa chọn nhận thư.";
        return Redirect("/Account/Notifications");
    }
}
