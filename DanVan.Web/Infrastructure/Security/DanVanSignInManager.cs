using System.Security.Claims;
using DanVan.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Infrastructure.Security;

/// <summary>A disabled account can neither sign in nor keep a session (cookie or bearer token).</summary>
public sealed class DanVanSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}

/// <summary>
/// Bearer tokens carry the security stamp; checking it on every API call makes sign-out everywhere, a password
/// change or disabling the account end API access at once, as for cookies.
/// </summary>
public sealed class BearerStampValidationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<AppUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && await signIn.ValidateSecurityStampAsync(context.User) is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await Results.Problem("Phiên đăng nhập đã hết hiệu lực. Vui lòng đăng nhập lại.", statusCode: 401, title: "Chưa đăng nhập")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
