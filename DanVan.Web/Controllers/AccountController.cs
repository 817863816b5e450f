using DanVan.Data.Identity;
using DanVan.Data.Seeding;
using DanVan.Web.Infrastructure.Security;
using DanVan.Web.Models.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SeedOptions seed, SignInThrottle throttle,
    ILogger<AccountController> logger) : Controller
{
    private const string WrongCredentials = "Email hoặc mật khẩu không đúng.";

    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true) return RedirectToAction("Index", "Home");
        ViewData["Demo"] = seed.Demo;
        return View(new LoginViewModel { ReturnUrl = returnUrl });
    }

    [HttpPost, AllowAnonymous]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ViewData["Demo"] = seed.Demo;
        if (!throttle.TryAcquire(model.Email, HttpContext.Connection.RemoteIpAddress?.ToString()))
        {
            logger.LogInformation("Sign-in throttled for {Email}", model.Email);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", "Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi một phút rồi thử lại.");
            return View(model);
        }
        if (!ModelState.IsValid) return View(model);

        var user = await users.FindByEmailAsync(model.Email.Trim());
        if (user is null || user.IsDisabled)
        {
            logger.LogInformation("Sign-in failed for {Email}: unknown or disabled account", model.Email);
            ModelState.AddModelError("", WrongCredentials);
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} signed in", user.Email);
            return Url.IsLocalUrl(model.ReturnUrl) ? LocalRedirect(model.ReturnUrl) : RedirectToAction("Index", "Home");
        }
        if (result.IsLockedOut)
        {
            logger.LogInformation("Sign-in refused for {Email}: account locked out", model.Email);
            ModelState.AddModelError("", "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
            return View(model);
        }
        logger.LogInformation("Sign-in failed for {Email}: wrong password", model.Email);
        ModelState.AddModelError("", WrongCredentials);
        return View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            // Renewing the stamp makes any copy of the old cookie invalid at its next validation.
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        if (!ModelState.IsValid) return View(model);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword);
                ModelState.AddModelError(field, error.Description);
            }
            return View(model);
        }
        logger.LogInformation("User {Email} changed their password", user.Email);
        // The change renewed the security stamp, which ends every other session; keep this one only if asked.
        if (model.SignOutEverywhere)
        {
            await signIn.SignOutAsync();
            return RedirectToAction(nameof(Login));
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.";
        return RedirectToAction(nameof(ChangePassword));
    }

    [HttpGet, AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
