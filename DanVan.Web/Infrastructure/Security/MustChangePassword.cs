using System.Security.Claims;
using DanVan.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>
/// Puts <see cref="AppUser.MustChangePassword"/> into the principal. Setting or clearing the flag always renews the
/// security stamp or re-issues the sign-in, and cookies are rebuilt from the database on every request, so the claim
/// is never stale.
/// </summary>
public sealed class DanVanClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "danvan:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        return identity;
    }
}

/// <summary>
/// A user who must change their password reaches only the change-password page (and sign-out) until they do;
/// the API answers 403 with problem details saying so.
/// </summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/Logout", "/Account/Login", "/Account/SetPassword", "/Account/AccessDenied", "/Home/Error", "/Home/Status", "/health"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(DanVanClaimsPrincipalFactory.MustChangePasswordClaim, "true")
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem("Bạn phải đổi mật khẩu trên trang web (Đổi mật khẩu) trước khi dùng API.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Cần đổi mật khẩu").ExecuteAsync(context);
                return;
            }
            context.Response.Redirect("/Account/ChangePassword");
            return;
        }
        await next(context);
    }
}
