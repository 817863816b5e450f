using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>Idle timeout 30 minutes (sliding), absolute lifetime 12 hours from sign-in, then the stamp check.</summary>
public static class SessionLifetime
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    private const string SignedInAt = "danvan.signedInAt";

    public static Task StampSignInTime(CookieSigningInContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (!context.Properties.Items.ContainsKey(SignedInAt))
            context.Properties.Items[SignedInAt] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (context.Properties.Items.TryGetValue(SignedInAt, out var text)
            && long.TryParse(text, out var seconds)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
