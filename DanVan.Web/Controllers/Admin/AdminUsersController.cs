using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Web.Infrastructure;
using DanVan.Web.Services.Admin.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DanVan.Web.Controllers.Admin;

/// <summary>Users: list, create, edit, disable/enable, sign out everywhere, unlock, reset password or two-factor.</summary>
[Route("admin/users")]
[Authorize(Policy = Policies.Admin)]
public sealed class AdminUsersController(UserAdminService service, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, string? unit, string? status, CancellationToken ct)
    {
        Clip(ref q, 256);
        Clip(ref unit, 32);
        ReadMessage();
        return View(await service.ListAsync(new UserFilter(q, role, unit, status), ct));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        ViewData["Units"] = await service.UnitsAsync(ct);
        return View(new UserForm());
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserForm form, CancellationToken ct)
    {
        ModelState.Clear(); // the service judges every field, so each gets one message
        return await this.AnswerAsync(await service.CreateAsync(form, ct), ticket => ShowLink(ticket!, created: true), async () =>
        {
            ViewData["Units"] = await service.UnitsAsync(ct);
            return View(form);
        });
    }

    [HttpGet("{userId}")]
    public async Task<IActionResult> Edit(string userId, CancellationToken ct)
    {
        var detail = await service.DetailAsync(userId, ct);
        if (detail is null) return NotFound();
        ReadMessage();
        return await EditView(detail, detail.ToForm(), ct);
    }

    [HttpPost("{userId}")]
    public async Task<IActionResult> Edit(string userId, UserForm form, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await service.UpdateAsync(userId, form, ct);
        return await this.AnswerAsync(result, _ => Done(userId, "Đã lưu thông tin tài khoản."), async () =>
            result.Status == ServiceStatus.Conflict ? Done(userId, result.Message!, "warning")
            : await service.DetailAsync(userId, ct) is { } detail ? await EditView(detail, form, ct)
            : NotFound());
    }

    [HttpPost("{userId}/disable")]
    public async Task<IActionResult> Disable(string userId, [FromForm] string? concurrencyStamp, CancellationToken ct) =>
        After(userId, await service.DisableAsync(userId, concurrencyStamp, ct), "Đã vô hiệu hóa tài khoản; mọi phiên đăng nhập của người dùng đã kết thúc.");

    [HttpPost("{userId}/enable")]
    public async Task<IActionResult> Enable(string userId, [FromForm] string? concurrencyStamp, CancellationToken ct) =>
        After(userId, await service.EnableAsync(userId, concurrencyStamp, ct), "Đã kích hoạt lại tài khoản.");

    [HttpPost("{userId}/sign-out")]
    public async Task<IActionResult> SignOutEverywhere(string userId, [FromForm] string? concurrencyStamp, CancellationToken ct) =>
        After(userId, await service.SignOutEverywhereAsync(userId, concurrencyStamp, ct), "Đã đăng xuất người dùng khỏi mọi nơi (trang web và API).");

    [HttpPost("{userId}/unlock")]
    public async Task<IActionResult> Unlock(string userId, [FromForm] string? concurrencyStamp, CancellationToken ct) =>
        After(userId, await service.UnlockAsync(userId, concurrencyStamp, ct), "Đã mở khóa tài khoản.");

    [HttpPost("{userId}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string userId, [FromForm] string? concurrencyStamp, CancellationToken ct) =>
        After(userId, await service.ResetTwoFactorAsync(userId, concurrencyStamp, ct), "Đã tắt xác thực hai bước của tài khoản; người dùng có thể bật lại sau khi đăng nhập.");

    [HttpPost("{userId}/reset-password")]
    public async Task<IActionResult> ResetPassword(string userId, [FromForm] string? concurrencyStamp, CancellationToken ct)
    {
        var result = await service.ResetPasswordAsync(userId, concurrencyStamp, ct);
        return result.IsOk ? ShowLink(result.Value!, created: false) : After(userId, result, "");
    }

    /// <summary>
    /// The link is rendered in this response only (never redirected through TempData, stored or logged); the page is
    /// not cached (no-store on signed-in pages).
    /// </summary>
    private ViewResult ShowLink(SetPasswordTicket ticket, bool created)
    {
        var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(ticket.Token));
        // The public address comes from configuration, never from the request's Host header (which a client chooses).
        var path = Url.Action("SetPassword", "Account", new { user = ticket.UserId, token })!;
        var link = configuration["App:PublicBaseUrl"] is { Length: > 0 } publicBase
            ? publicBase.TrimEnd('/') + path
            : Url.Action("SetPassword", "Account", new { user = ticket.UserId, token }, Request.Scheme)!;
        return View("Link", new SetPasswordLinkView(ticket.UserId, ticket.Email, ticket.FullName, link, ticket.ExpiresAt, created));
    }

    private async Task<ViewResult> EditView(UserDetail detail, UserForm form, CancellationToken ct)
    {
        ViewData["Units"] = await service.UnitsAsync(ct);
        ViewData["Detail"] = detail;
        return View("Edit", form);
    }

    private IActionResult After(string userId, ServiceResult<SetPasswordTicket?> result, string success) =>
        this.Answer(result, _ => Done(userId, success),
            () => Done(userId, result.Message!, result.Status == ServiceStatus.Conflict ? "warning" : "danger"));

    private RedirectToActionResult Done(string userId, string message, string kind = "success")
    {
        TempData["Message"] = message;
        TempData["MessageKind"] = kind;
        return RedirectToAction(nameof(Edit), new { userId });
    }

    private void ReadMessage()
    {
        ViewData["Message"] = TempData["Message"];
        ViewData["MessageKind"] = TempData["MessageKind"];
    }

    private static void Clip(ref string? text, int max)
    {
        if (text is { Length: > 0 } t && t.Length > max) text = t[..max];
    }
}

public sealed record SetPasswordLinkView(string UserId, string Email, string FullName, string Link, DateTimeOffset ExpiresAt, bool Created);
