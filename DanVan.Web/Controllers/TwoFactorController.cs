using DanVan.Data.Identity;
using DanVan.Web.Features.Account;
using DanVan.Web.Infrastructure;
using DanVan.Web.Services.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

/// <summary>Two-factor sign-in settings of the signed-in user; offered to compilers, leaders and admins only.</summary>
[Route("Account/TwoFactor")]
[Authorize(Policy = Policies.ReadAll)]
public sealed class TwoFactorController(
    TwoFactorService twoFactor, UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInService signInService) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ViewData["Message"] = TempData["Message"];
        ViewData["MessageKind"] = TempData["MessageKind"];
        return View(await twoFactor.StatusAsync(user));
    }

    [HttpPost("setup")]
    public async Task<IActionResult> Setup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await twoFactor.StartAsync(user);
        // A new key renews the security stamp: keep this session, end the others.
        await signIn.RefreshSignInAsync(user);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("enable")]
    public async Task<IActionResult> Enable([FromForm] string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var codes = await twoFactor.EnableAsync(user, code);
        if (codes is null)
        {
            ModelState.AddModelError("code", "Mã xác thực không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.");
            return View("Index", await twoFactor.StatusAsync(user));
        }
        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", codes);
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes([FromForm] string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var codes = await twoFactor.NewRecoveryCodesAsync(user, code);
        if (codes is null) return Done("Mã xác thực không đúng; chưa tạo mã khôi phục mới.", "danger");
        return View("RecoveryCodes", codes);
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable([FromForm] string? password)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var address = SignInService.Address(HttpContext);
        if (signInService.RecheckRefused(user, address) is { } refused) return Done(refused.Message + " Xác thực hai bước vẫn đang bật.", "danger");
        if (!await twoFactor.DisableAsync(user, password))
        {
            var failed = user.TwoFactorEnabled ? await signInService.RecheckFailedAsync(user, address, "turn two-factor off") : null;
            return Done(failed?.Status == SignInStatus.Blocked ? failed.Message + " Xác thực hai bước vẫn đang bật." : "Mật khẩu không đúng; xác thực hai bước vẫn đang bật.", "danger");
        }
        await signIn.RefreshSignInAsync(user);
        return Done("Đã tắt xác thực hai bước.", "success");
    }

    private RedirectToActionResult Done(string message, string kind)
    {
        TempData["Message"] = message;
        TempData["MessageKind"] = kind;
        return RedirectToAction(nameof(Index));
    }
}
