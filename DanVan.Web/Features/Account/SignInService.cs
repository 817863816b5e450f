using System.Net;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Domain.Auditing;
using DanVan.Web.Infrastructure.Security;
using DanVan.Web.Services.Account;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Web.Features.Account;

/// <summary>
/// The one sign-in of the portal, called by the form and by POST /api/v1/auth/login: throttle, lookup, disabled
/// account, password (through the hash gate; a dummy hash when there is no account), two-factor, the per-address
/// guard of decision 0030, and the log. An unknown, disabled or wrong account answers the same message in the same time.
/// </summary>
public sealed class SignInService(
    SignInManager<AppUser> signIn, DanVanUserManager users, SignInThrottle throttle, SignInGuard guard,
    DanVanDbContext db, TimeProvider clock, ILogger<SignInService> logger)
{
    public const string WrongCredentialsMessage = "Email hoặc mật khẩu không đúng.";
    public const string ThrottledMessage = "Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi một phút rồi thử lại.";
    public const string WrongCodeMessage = "Mã không đúng, đã dùng hoặc đã hết hạn.";
    public const string BlockedAction = "user.sign-in-blocked";

    /// <summary>E-mail and password; with two-factor on, the API may send the code in the same request.</summary>
    public async Task<SignInOutcome> PasswordAsync(string? email, string? password, string? address, bool bearer, string? twoFactorCode = null)
    {
        email = (email ?? "").Trim();
        var normalized = users.NormalizeEmail(email) ?? "";
        if (!throttle.TryAcquire(normalized, address))
        {
            logger.LogInformation("Sign-in throttled for {Email} from {Address}", email, address);
            return new(SignInStatus.Throttled, ThrottledMessage);
        }
        password ??= "";
        if (email.Length is 0 or > 256 || password.Length is 0 or > 1024) return new(SignInStatus.WrongCredentials, WrongCredentialsMessage);

        var user = await users.FindByEmailAsync(email);
        var account = user?.Id ?? "?" + normalized;
        if (Refused(account, address, email) is { } refused) return refused;
        if (user is null || user.IsDisabled)
        {
            if (user is null) await users.VerifyAgainstDummyAsync(password);
            else await users.CheckPasswordAsync(user, password);
            logger.LogInformation("Sign-in failed for {Email} from {Address}: unknown or disabled account", email, address);
            return await FailedAsync(account, address, email, user is not null, SignInStatus.WrongCredentials, WrongCredentialsMessage);
        }

        if (bearer) signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded) return Succeeded(user, address, "signed in");
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrWhiteSpace(twoFactorCode)) return await CodeAsync(user, twoFactorCode, address);
            logger.LogInformation("User {Email} gave the right password; two-factor code required", user.Email);
            return new(SignInStatus.TwoFactorRequired);
        }
        if (result.IsLockedOut && user.LockoutEnd is { } end)
        {
            logger.LogInformation("Sign-in refused for {Email}: account locked out by an administrator's setting", user.Email);
            return Blocked(end - clock.GetUtcNow());
        }
        logger.LogInformation("Sign-in failed for {Email} from {Address}: wrong password", user.Email, address);
        return await FailedAsync(account, address, user.Email ?? email, true, SignInStatus.WrongCredentials, WrongCredentialsMessage);
    }

    /// <summary>The second step of the form: the 6-digit code or a recovery code, after the right password.</summary>
    public async Task<SignInOutcome> TwoFactorAsync(AppUser user, string? code, string? address)
    {
        if (!throttle.TryAcquire(users.NormalizeEmail(user.Email) ?? "", address))
        {
            logger.LogInformation("Two-factor sign-in throttled for {Email} from {Address}", user.Email, address);
            return new(SignInStatus.Throttled, "Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.");
        }
        return Refused(user.Id, address, user.Email ?? "") ?? await CodeAsync(user, code, address);
    }

    /// <summary>
    /// A password asked again of a signed-in user (change password, turn two-factor off): null when it may be
    /// checked now, otherwise the refusal. Failures go to <see cref="RecheckFailedAsync"/>, counted like sign-ins.
    /// </summary>
    public SignInOutcome? RecheckRefused(AppUser user, string? address) => Refused(user.Id, address, user.Email ?? "");

    public Task<SignInOutcome> RecheckFailedAsync(AppUser user, string? address, string what)
    {
        logger.LogInformation("Wrong current password for {Email} from {Address} ({What})", user.Email, address, what);
        return FailedAsync(user.Id, address, user.Email ?? "", true, SignInStatus.WrongCredentials, "Mật khẩu hiện tại không đúng.");
    }

    /// <summary>The client address as the guard keys it (an IPv4 client over an IPv6 socket is the same client).</summary>
    public static string? Address(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;

    private async Task<SignInOutcome> CodeAsync(AppUser user, string? code, string? address)
    {
        var result = await TwoFactorService.SignInAsync(signIn, code);
        if (result.Succeeded) return Succeeded(user, address, "signed in with two-factor authentication");
        logger.LogInformation("Two-factor sign-in failed for {Email} from {Address}: wrong code", user.Email, address);
        return await FailedAsync(user.Id, address, user.Email ?? "", true, SignInStatus.WrongCode, WrongCodeMessage);
    }

    private SignInOutcome Succeeded(AppUser user, string? address, string how)
    {
        guard.RecordSuccess(user.Id, address);
        logger.LogInformation("User {Email} " + how, user.Email);
        return new(SignInStatus.SignedIn);
    }

    private SignInOutcome? Refused(string account, string? address, string email)
    {
        if (guard.Blocked(account, address) is not { } wait) return null;
        logger.LogInformation("Sign-in refused for {Email} from {Address}: locked out for this address", email, address);
        return Blocked(wait);
    }

    private async Task<SignInOutcome> FailedAsync(string account, string? address, string email, bool real, SignInStatus status, string message)
    {
        var block = guard.RecordFailure(account, address);
        if (block == SignInBlock.None) return new(status, message);
        logger.LogWarning("Sign-in for {Email} locked out ({Block}) after repeated failures from {Address}", email, block, address);
        if (real)
        {
            // The admin's alert: a row in the audit trail beside the warning in the log.
            db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), "hệ thống", BlockedAction,
                newValue: $"{email} · {(block == SignInBlock.Pair ? "tạm khóa cho địa chỉ" : "tạm khóa cho mọi địa chỉ lạ")} {address}"));
            await db.SaveChangesAsync();
        }
        return Blocked(guard.Blocked(account, address) ?? TimeSpan.FromMinutes(1));
    }

    private static SignInOutcome Blocked(TimeSpan wait) =>
        new(SignInStatus.Blocked, $"Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} phút.");
}
