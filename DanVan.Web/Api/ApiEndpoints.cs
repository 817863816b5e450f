using DanVan.Data.Identity;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Web.Api;

/// <summary>With two-factor sign-in on, also the 6-digit code (or a recovery code in twoFactorRecoveryCode).</summary>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapDanVanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("DanVan");

        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary("Đăng nhập, nhận access token (Bearer).");

        var secured = api.MapGroup("").RequireAuthorization(Policies.Api);
        secured.MapGet("/periods", async (CatalogueService catalogue, CancellationToken ct) => TypedResults.Ok(await catalogue.PeriodsAsync(ct)))
            .WithSummary("Danh sách kỳ báo cáo.");
        secured.MapGet("/indicators", async (CatalogueService catalogue, CancellationToken ct) => TypedResults.Ok(await catalogue.IndicatorsAsync(ct)))
            .WithSummary("Danh mục chỉ tiêu của đề cương hiện hành.");
        secured.MapEntryApi();
        secured.MapReportApi();
        secured.MapDashboardApi();
        return app;
    }

    /// <summary>
    /// Signs in with the bearer scheme: the handler writes {tokenType, accessToken, expiresIn, refreshToken}.
    /// Failures count towards lockout.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle,
        HttpContext http, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("DanVan.Api.Login");
        if (!throttle.TryAcquire(request.Email, http.Connection.RemoteIpAddress?.ToString()))
        {
            logger.LogInformation("API sign-in throttled for {Email}", request.Email);
            return TypedResults.Problem("Quá nhiều lần đăng nhập. Vui lòng đợi một phút rồi thử lại.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu");
        }
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password)
            || request.Email.Length > 256 || request.Password.Length > 1024)
        {
            return TypedResults.Problem("Email hoặc mật khẩu không đúng.", statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");
        }

        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || user.IsDisabled)
        {
            logger.LogInformation("API sign-in failed for {Email}: unknown or disabled account", request.Email);
            return TypedResults.Problem("Email hoặc mật khẩu không đúng.", statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty;
        if (result.RequiresTwoFactor)
        {
            var code = string.IsNullOrWhiteSpace(request.TwoFactorCode) ? request.TwoFactorRecoveryCode : request.TwoFactorCode;
            if (string.IsNullOrWhiteSpace(code))
            {
                logger.LogInformation("API sign-in for {Email}: two-factor code required", request.Email);
                return TypedResults.Problem("Tài khoản bật xác thực hai bước: gửi kèm mã 6 chữ số trong twoFactorCode (hoặc mã khôi phục trong twoFactorRecoveryCode).",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Cần mã xác thực hai bước");
            }
            result = await Services.Account.TwoFactorService.SignInAsync(signIn, users, user, code);
            if (result.Succeeded) return TypedResults.Empty;
            if (!result.IsLockedOut)
            {
                logger.LogInformation("API sign-in failed for {Email}: wrong two-factor code", request.Email);
                return TypedResults.Problem("Mã xác thực hai bước không đúng, đã dùng hoặc đã hết hạn.",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");
            }
        }

        if (result.IsLockedOut)
        {
            logger.LogInformation("API sign-in refused for {Email}: account locked out", request.Email);
            return TypedResults.Problem("Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Tài khoản tạm khóa");
        }
        logger.LogInformation("API sign-in failed for {Email}: wrong password", request.Email);
        return TypedResults.Problem("Email hoặc mật khẩu không đúng.", statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");
    }
}
