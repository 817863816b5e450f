using System.Globalization;
using System.Text.Json;
using DanVan.Data.Identity;
using DanVan.Domain.Periods;
using DanVan.Web.Services.Admin;
using DanVan.Web.Services.Admin.Periods;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Web.Api;

/// <summary>With two-factor sign-in on, also the 6-digit code (or a recovery code in twoFactorRecoveryCode).</summary>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

/// <summary>POST /api/v1/periods: a kind ("H1", "9M", "Y", "Q1".."Q4", "M01".."M12") and a year (2000–2100).</summary>
public sealed record CreatePeriodRequest(string Kind, int Year);

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
        secured.MapGet("/periods/{period}", async (string period, CatalogueService catalogue, CancellationToken ct) =>
                await catalogue.PeriodAsync(period, ct) is { } dto
                    ? Results.Ok(dto)
                    : Results.Problem("Không tìm thấy kỳ báo cáo.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy"))
            .WithSummary("Một kỳ báo cáo.");
        secured.MapPost("/periods", CreatePeriodAsync)
            .RequireAuthorization(Policies.Admin)
            .Accepts<CreatePeriodRequest>("application/json")
            .Produces<PeriodDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tạo kỳ báo cáo từ loại kỳ và năm (quản trị); ngày chốt số liệu và hạn gửi được tính theo Nghị định 09/2019.");
        secured.MapGet("/indicators", async (CatalogueService catalogue, CancellationToken ct) => TypedResults.Ok(await catalogue.IndicatorsAsync(ct)))
            .WithSummary("Danh mục chỉ tiêu của đề cương hiện hành.");
        secured.MapEntryApi();
        secured.MapReportApi();
        secured.MapDashboardApi();
        return app;
    }

    /// <summary>
    /// {"kind": "H1" | "9M" | "Y" | "Q1".."Q4" | "M01".."M12", "year": 2022} → 201 with the period (as in GET /periods),
    /// 409 when it exists, 400 for a bad kind, year or body. The body is read here so that every refusal is Vietnamese.
    /// </summary>
    private static async Task<IResult> CreatePeriodAsync(HttpRequest request, PeriodAdminService periods, CancellationToken ct)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return InvalidPeriod(new Dictionary<string, string[]> { ["body"] = ["Nội dung không phải JSON hợp lệ."] });
        }
        if (body.ValueKind != JsonValueKind.Object)
            return InvalidPeriod(new Dictionary<string, string[]> { ["body"] = ["Cần một đối tượng JSON {\"kind\": \"H1\", \"year\": 2022}."] });

        var errors = new Dictionary<string, string[]>();
        string? kind = null, year = null;
        switch (Property(body, "kind"))
        {
            case { ValueKind: JsonValueKind.String } k: kind = k.GetString(); break;
            case { ValueKind: not JsonValueKind.Null }: errors["kind"] = ["Loại kỳ phải là chuỗi: H1, 9M, Y, Q1–Q4, M01–M12."]; break;
        }
        switch (Property(body, "year"))
        {
            case { ValueKind: JsonValueKind.Number } y when y.TryGetInt32(out var number): year = number.ToString(CultureInfo.InvariantCulture); break;
            case { ValueKind: not JsonValueKind.Null }: errors["year"] = [$"Năm phải là số nguyên từ {PeriodCode.MinYear} đến {PeriodCode.MaxYear}."]; break;
        }
        if (errors.Count > 0) return InvalidPeriod(errors);

        var (result, period) = await periods.CreateAsync(kind, year, null, null, ct);
        return result.Outcome switch
        {
            AdminOutcome.Saved => Results.Created($"/api/v1/periods/{period!.Code}", CatalogueService.ToDto(period)),
            AdminOutcome.Conflict => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Kỳ báo cáo đã có"),
            AdminOutcome.Forbidden => Results.Problem("Chỉ quản trị được tạo kỳ báo cáo.", statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền"),
            _ => InvalidPeriod(result.Errors.ToDictionary(e => e.Key.Length == 0 ? "body" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value })),
        };
    }

    private static JsonElement? Property(JsonElement body, string name) =>
        body.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static IResult InvalidPeriod(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, detail: "Dữ liệu không hợp lệ, chưa tạo kỳ báo cáo.", title: "Dữ liệu không hợp lệ");

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
