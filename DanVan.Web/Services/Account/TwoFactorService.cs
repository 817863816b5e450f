using System.Text;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Domain.Auditing;
using DanVan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace DanVan.Web.Services.Account;

public sealed record TwoFactorStatus(bool Enabled, string? Key, string? QrCodeDataUri, int RecoveryCodesLeft);

/// <summary>
/// Optional TOTP sign-in for compilers, leaders and admins: set up a key (QR code), confirm with a code, recovery codes
/// shown once; disable with the password. Each change is one save with its audit entry and renews the security stamp.
/// </summary>
public sealed class TwoFactorService(DanVanDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<TwoFactorService> logger)
{
    public const string Issuer = "DanVan";
    public const int RecoveryCodeCount = 10;

    public static class Actions
    {
        public const string Enabled = "user.2fa-enabled";
        public const string Disabled = "user.2fa-disabled";
        public const string RecoveryCodes = "user.2fa-recovery-codes";
    }

    public async Task<TwoFactorStatus> StatusAsync(AppUser user)
    {
        if (user.TwoFactorEnabled)
            return new TwoFactorStatus(true, null, null, await users.CountRecoveryCodesAsync(user));
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return new TwoFactorStatus(false, null, null, 0);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new TwoFactorStatus(false, Group(key), "data:image/png;base64," + Convert.ToBase64String(png), 0);
    }

    /// <summary>A new key (a new QR code); any earlier, unconfirmed key stops working.</summary>
    public async Task StartAsync(AppUser user)
    {
        if (user.TwoFactorEnabled) return;
        await users.ResetAuthenticatorKeyAsync(user);
    }

    /// <summary>Turns two-factor on when the code from the app matches; returns the recovery codes to show once.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(AppUser user, string? code)
    {
        var clean = Clean(code);
        if (user.TwoFactorEnabled || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, SingleUseAuthenticatorTokenProvider.Name, clean))
            return null;
        user.TwoFactorEnabled = true;
        user.SecurityStamp = Guid.NewGuid().ToString();
        Touch(user);
        Audit(user, Actions.Enabled);
        // Saves the flag, the stamp, the audit entry and the (new) codes together.
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        logger.LogInformation("User {Email} turned two-factor sign-in on", user.Email);
        return codes;
    }

    public async Task<bool> DisableAsync(AppUser user, string? password)
    {
        if (!user.TwoFactorEnabled || string.IsNullOrEmpty(password) || password.Length > 1024 || !await users.CheckPasswordAsync(user, password))
            return false;
        user.TwoFactorEnabled = false;
        db.UserTokens.RemoveRange(db.UserTokens.Where(t => t.UserId == user.Id));
        user.SecurityStamp = Guid.NewGuid().ToString();
        Touch(user);
        Audit(user, Actions.Disabled);
        await db.SaveChangesAsync();
        logger.LogInformation("User {Email} turned two-factor sign-in off", user.Email);
        return true;
    }

    public async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(AppUser user, string? code)
    {
        if (!user.TwoFactorEnabled || !await users.VerifyTwoFactorTokenAsync(user, SingleUseAuthenticatorTokenProvider.Name, Clean(code)))
            return null;
        Touch(user);
        Audit(user, Actions.RecoveryCodes);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
    }

    /// <summary>
    /// A 6-digit code goes to the authenticator check, anything else is tried as a recovery code; a wrong one of
    /// either kind is counted by SignInService (decision 0030).
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<AppUser> signIn, string? code)
    {
        var clean = Clean(code);
        if (clean.Length == 6 && clean.All(char.IsAsciiDigit))
            return await signIn.TwoFactorAuthenticatorSignInAsync(clean, isPersistent: false, rememberClient: false);
        var recovery = (code ?? "").Trim().ToUpperInvariant();
        if (recovery.Length is 0 or > 64) return await signIn.TwoFactorAuthenticatorSignInAsync("", isPersistent: false, rememberClient: false);
        return await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
    }

    public static string Clean(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private void Touch(AppUser user)
    {
        user.UpdatedAt = clock.GetUtcNow();
        user.UpdatedBy = user.Email;
    }

    private void Audit(AppUser user, string action) =>
        db.AuditEntries.Add(AuditEntry.Record(clock.GetUtcNow(), user.Email ?? "", action, newValue: user.Email));

    private static string Group(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return builder.ToString().TrimEnd().ToLowerInvariant();
    }
}
