using System.Globalization;
using System.Security.Claims;
using DanVan.Data.Identity;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.Account;

/// <summary>{"refreshToken": "…"} as returned by POST /api/v1/auth/login or /api/v1/auth/refresh.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// Refresh and logout for API clients. Tokens are self-contained, so logout records a "not before" instant with the
/// account (in Identity's user tokens) that every later refresh checks; an access token already issued still works
/// until it expires (one hour).
/// </summary>
public static class ApiTokenEndpoints
{
    private const string TokenProvider = "DanVan.Api";
    private const string RefreshNotBefore = "RefreshNotBefore";

    public static RouteGroupBuilder MapApiTokenEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/refresh", RefreshAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .Accepts<RefreshRequest>("application/json")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("refreshToken")
            .WithSummary("Đổi refresh token lấy access token mới (refresh token dùng được 14 ngày, hết hiệu lực khi đăng xuất, đổi mật khẩu hoặc bị khóa).");
        api.MapPost("/auth/logout", LogoutAsync)
            .RequireAuthorization(Policies.Api)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("logout")
            .WithSummary("Đăng xuất ứng dụng: mọi refresh token đã cấp cho tài khoản không dùng được nữa.");
        return api;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        HttpRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users,
        IOptionsMonitor<BearerTokenOptions> bearer, CancellationToken ct)
    {
        const string expected = "{\"refreshToken\": \"…\"}";
        var (body, problem) = await LimitedBody.ReadAsync<RefreshRequest>(request, RefreshBodyLimit, expected, ct);
        if (body is null) return problem!;
        if (body.RefreshToken is not { Length: > 0 } token) return LimitedBody.Invalid(expected);

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var ticket = options.RefreshTokenProtector.Unprotect(token);
        var now = Clock(options).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await IsRevokedAsync(users, user, issued: expires - options.RefreshTokenExpiration))
        {
            return TypedResults.Problem("Refresh token không hợp lệ, đã hết hạn hoặc đã bị thu hồi; hãy đăng nhập lại.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Cần đăng nhập lại");
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult>> LogoutAsync(
        ClaimsPrincipal principal, UserManager<AppUser> users, IOptionsMonitor<BearerTokenOptions> bearer)
    {
        if (await users.GetUserAsync(principal) is not { } user) return TypedResults.Unauthorized();
        var now = Clock(bearer.Get(IdentityConstants.BearerScheme)).GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await users.SetAuthenticationTokenAsync(user, TokenProvider, RefreshNotBefore, now);
        return TypedResults.NoContent();
    }

    // The instants compared are those the bearer handler stamps on its tickets, so both sides use its clock.
    private static TimeProvider Clock(BearerTokenOptions options) => options.TimeProvider ?? TimeProvider.System;

    private static async Task<bool> IsRevokedAsync(UserManager<AppUser> users, AppUser user, DateTimeOffset issued)
    {
        var stored = await users.GetAuthenticationTokenAsync(user, TokenProvider, RefreshNotBefore);
        return stored is not null
            && DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var notBefore)
            && issued <= notBefore;
    }

    private const int RefreshBodyLimit = 4 * 1024;
}
