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
    DanVan.Data.DanVanDbContext db, TimeProvider clock, ILogger<AccountController> logger) : Controller
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
        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("User {Email} gave the right password; two-factor code required", user.Email);
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = model.ReturnUrl });
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

    /// <summary>Second step for a user with two-factor sign-in: the 6-digit code, or a recovery code.</summary>
    [HttpGet, AllowAnonymous]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl = null)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return ExpiredTwoFactor();
        return View(new LoginTwoFactorViewModel { ReturnUrl = returnUrl });
    }

    [HttpPost, AllowAnonymous]
    public async Task<IActionResult> LoginTwoFactor(LoginTwoFactorViewModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return ExpiredTwoFactor();
        if (!throttle.TryAcquire(user.Email, HttpContext.Connection.RemoteIpAddress?.ToString()))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError("", "Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.");
            return View(model);
        }
        if (!ModelState.IsValid) return View(model);

        var result = await DanVan.Web.Services.Account.TwoFactorService.SignInAsync(signIn, users, user, model.Code);
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} signed in with two-factor authentication", user.Email);
            return Url.IsLocalUrl(model.ReturnUrl) ? LocalRedirect(model.ReturnUrl) : RedirectToAction("Index", "Home");
        }
        if (result.IsLockedOut)
        {
            logger.LogInformation("Two-factor sign-in refused for {Email}: account locked out", user.Email);
            ModelState.AddModelError("", "Tài khoản tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
            return View(model);
        }
        logger.LogInformation("Two-factor sign-in failed for {Email}: wrong code", user.Email);
        ModelState.AddModelError(nameof(model.Code), "Mã không đúng, đã dùng hoặc đã hết hạn.");
        return View(model);
    }

    /// <summary>No password was given in the last minutes (or it was long ago): the code alone signs nobody in.</summary>
    private ViewResult ExpiredTwoFactor()
    {
        ViewData["Expired"] = true;
        return View("LoginTwoFactor", new LoginTwoFactorViewModel());
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
        var mustChange = user.MustChangePassword;
        // Saved by the same update as the new hash, or not at all.
        user.MustChangePassword = false;
        user.UpdatedAt = clock.GetUtcNow();
        user.UpdatedBy = user.Email;
        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
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

    /// <summary>The one-time link an admin hands over after creating an account or resetting its password.</summary>
    [HttpGet, AllowAnonymous]
    public async Task<IActionResult> SetPassword(string? user, string? token)
    {
        var model = new SetPasswordViewModel { User = user ?? "", Token = token ?? "" };
        var account = await LinkAccountAsync(model);
        if (account is null) return View(model);
        ViewData["Email"] = account.Email;
        return View(model);
    }

    [HttpPost, AllowAnonymous]
    public async Task<IActionResult> SetPassword(SetPasswordViewModel model)
    {
        var account = await LinkAccountAsync(model);
        if (account is null) return View(model);
        ViewData["Email"] = account.Email;
        if (!ModelState.IsValid) return View(model);

        account.MustChangePassword = false;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        account.UpdatedAt = clock.GetUtcNow();
        account.UpdatedBy = account.Email;
        // Saved by the same SaveChanges as the new password hash, or discarded with it.
        var audit = db.AuditEntries.Add(DanVan.Domain.Auditing.AuditEntry.Record(clock.GetUtcNow(), account.Email ?? "",
            DanVan.Web.Services.Admin.Users.UserAuditActions.PasswordSet, newValue: $"{account.Email} · đặt mật khẩu qua liên kết một lần"));
        var result = await users.ResetPasswordAsync(account, DecodeToken(model.Token)!, model.NewPassword);
        if (!result.Succeeded)
        {
            audit.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "" : nameof(model.NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? InvalidLink : error.Description);
            }
            return View(model);
        }
        logger.LogInformation("User {Email} set their password through a set-password link", account.Email);
        TempData["Message"] = "Đã đặt mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.";
        return RedirectToAction(nameof(Login));
    }

    private const string InvalidLink = "Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn. Vui lòng liên hệ quản trị hệ thống để được cấp liên kết mới.";

    /// <summary>The account of a valid, unused, unexpired link, or null with the reason in ModelState.</summary>
    private async Task<AppUser?> LinkAccountAsync(SetPasswordViewModel model)
    {
        var token = DecodeToken(model.Token);
        var account = token is null || model.User.Length is 0 or > 64 ? null : await users.FindByIdAsync(model.User);
        if (account is null || account.IsDisabled
            || !await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token!))
        {
            ModelState.AddModelError("", InvalidLink);
            ViewData["InvalidLink"] = true;
            return null;
        }
        return account;
    }

    private static string? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048) return null;
        try
        {
            return System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [HttpGet, AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
