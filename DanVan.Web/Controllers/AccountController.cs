using DanVan.Data.Identity;
using DanVan.Data.Seeding;
using DanVan.Web.Features.Account;
using DanVan.Web.Models.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

public sealed class AccountController(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SeedOptions seed, SignInService signInService,
    DanVan.Data.DanVanDbContext db, TimeProvider clock, ILogger<AccountController> logger) : Controller
{

    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true) return RedirectToAction("Index", "Home");
        ViewData["Demo"] = seed.Demo;
        return View(new LoginViewModel { ReturnUrl = returnUrl });
    }

    [HttpPost, AllowAnonymous, RequestSizeLimit(16 * 1024), RequestFormLimits(ValueCountLimit = 16)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ViewData["Demo"] = seed.Demo;
        if (!ModelState.IsValid) return View(model);
        var outcome = await signInService.PasswordAsync(model.Email, model.Password, SignInService.Address(HttpContext), bearer: false);
        return outcome.Status switch
        {
            SignInStatus.SignedIn => Url.IsLocalUrl(model.ReturnUrl) ? LocalRedirect(model.ReturnUrl) : RedirectToAction("Index", "Home"),
            SignInStatus.TwoFactorRequired => RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = model.ReturnUrl }),
            _ => Refused(model, "", outcome),
        };
    }

    /// <summary>Second step for a user with two-factor sign-in: the 6-digit code, or a recovery code.</summary>
    [HttpGet, AllowAnonymous]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl = null)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return ExpiredTwoFactor();
        return View(new LoginTwoFactorViewModel { ReturnUrl = returnUrl });
    }

    [HttpPost, AllowAnonymous, RequestSizeLimit(16 * 1024)]
    public async Task<IActionResult> LoginTwoFactor(LoginTwoFactorViewModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return ExpiredTwoFactor();
        if (!ModelState.IsValid) return View(model);
        var outcome = await signInService.TwoFactorAsync(user, model.Code, SignInService.Address(HttpContext));
        if (outcome.SignedIn) return Url.IsLocalUrl(model.ReturnUrl) ? LocalRedirect(model.ReturnUrl) : RedirectToAction("Index", "Home");
        return Refused(model, outcome.Status == SignInStatus.WrongCode ? nameof(model.Code) : "", outcome);
    }

    private ViewResult Refused(object model, string field, SignInOutcome outcome)
    {
        if (outcome.Status is SignInStatus.Throttled or SignInStatus.Blocked) Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ModelState.AddModelError(field, outcome.Message);
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
        var address = SignInService.Address(HttpContext);
        if (signInService.RecheckRefused(user, address) is { } refused) return Refused(model, nameof(model.CurrentPassword), refused);
        var (mustChange, updatedAt, updatedBy) = (user.MustChangePassword, user.UpdatedAt, user.UpdatedBy);
        // Saved by the same update as the new hash, or not at all.
        user.MustChangePassword = false;
        user.UpdatedAt = clock.GetUtcNow();
        user.UpdatedBy = user.Email;
        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            (user.MustChangePassword, user.UpdatedAt, user.UpdatedBy) = (mustChange, updatedAt, updatedBy);
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                var failed = await signInService.RecheckFailedAsync(user, address, "change password");
                if (failed.Status == SignInStatus.Blocked) return Refused(model, nameof(model.CurrentPassword), failed);
            }
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
