using System.Globalization;
using System.Text.Json;
using DanVan.Data.Identity;
using DanVan.Domain.Periods;
using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Web.Services.Admin.Periods;
using DanVan.Web.Infrastructure;
using DanVan.Web.Features.Account;
using Microsoft.AspNetCore.Authentication.BearerToken;
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
            .Accepts<LoginRequest>("application/json")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("login")
            .WithSummary("Đăng nhập, nhận access token (Bearer).");
        api.MapApiTokenEndpoints();

        DanVan.Web.Features.ReportSigning.SigningEndpoints.MapSigningHandOff(api);

        // Every secured operation may answer 401 (no or stale token) and 403 (not this user's to see or do).
        var secured = api.MapGroup("").RequireAuthorization(Policies.Api)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        secured.MapGet("/periods", async (CatalogueService catalogue, CancellationToken ct) => TypedResults.Ok(await catalogue.PeriodsAsync(ct)))
            .WithSummary("Danh sách kỳ báo cáo.");
        secured.MapGet("/periods/{period}", async (string period, CatalogueService catalogue, CancellationToken ct) =>
                await catalogue.PeriodAsync(period, ct) is { } dto
                    ? Results.Ok(dto)
                    : Results.Problem("Không tìm thấy kỳ báo cáo.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy"))
            .Produces<PeriodDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
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
        DanVan.Web.Features.Notifications.NotificationEndpoints.MapNotificationApi(secured);
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
        // The service names the form's fields (Kind, Year); the API's are camel case.
        if (result.Status == ServiceStatus.Invalid)
            return InvalidPeriod(result.Errors.ToDictionary(e => e.Key.Length == 0 ? "body" : JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => new[] { e.Value }));
        return result.Answer(code => TypedResults.Created($"/api/v1/periods/{code}", CatalogueService.ToDto(period!)));
    }

    private static JsonElement? Property(JsonElement body, string name) =>
        body.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static IResult InvalidPeriod(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, detail: "Dữ liệu không hợp lệ, chưa tạo kỳ báo cáo.", title: "Dữ liệu không hợp lệ");

    /// <summary>
    /// Signs in with the bearer scheme through the same <see cref="SignInService"/> as the form: the handler writes
    /// {tokenType, accessToken, expiresIn, refreshToken}. The body is read here, at most <see cref="LoginBodyLimit"/> bytes.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(HttpRequest request, SignInService signIn, CancellationToken ct)
    {
        var (login, problem) = await LimitedBody.ReadAsync<LoginRequest>(request, LoginBodyLimit, "{\"email\": \"…\", \"password\": \"…\"}", ct);
        if (login is null) return problem!;

        var code = string.IsNullOrWhiteSpace(login.TwoFactorCode) ? login.TwoFactorRecoveryCode : login.TwoFactorCode;
        var outcome = await signIn.PasswordAsync(login.Email, login.Password, SignInService.Address(request.HttpContext), bearer: true, code);
        return outcome.Status switch
        {
            SignInStatus.SignedIn => TypedResults.Empty,
            SignInStatus.TwoFactorRequired => TypedResults.Problem(
                "Tài khoản bật xác thực hai bước: gửi kèm mã 6 chữ số trong twoFactorCode (hoặc mã khôi phục trong twoFactorRecoveryCode).",
                statusCode: StatusCodes.Status401Unauthorized, title: "Cần mã xác thực hai bước"),
            SignInStatus.WrongCode => TypedResults.Problem("Mã xác thực hai bước không đúng, đã dùng hoặc đã hết hạn.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công"),
            SignInStatus.Throttled => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu"),
            SignInStatus.Blocked => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Tài khoản tạm khóa"),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công"),
        };
    }

    /// <summary>An e-mail, a password and a code fit in a few hundred bytes; the server's 30 MB default is for uploads.</summary>
    public const int LoginBodyLimit = 4 * 1024;
}
