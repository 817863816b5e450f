using DanVan.Domain.Signing;
using DanVan.Web.Rendering;

namespace DanVan.Web.Features.ReportSigning;

public sealed record SigningRequest(string? Step);

/// <summary>
/// The hand-off to the signing tool (decision 0022): a signed-in leader or văn thư opens a session and gets two
/// one-time URLs; the tool fetches the file and posts it back signed, with no cookie or token. And the manual way:
/// a signed-in upload of a file signed in any tool. Every answer that refuses is problem details in Vietnamese.
/// </summary>
public static class SigningEndpoints
{
    /// <summary>The anonymous one-time URLs, under /api/v1/signing.</summary>
    public static void MapSigningHandOff(this RouteGroupBuilder api)
    {
        api.MapGet("/signing/{token}/file", DownloadAsync).AllowAnonymous()
            .WithSummary("Tải tệp cần ký (liên kết dùng một lần, 15 phút; không cần đăng nhập).");
        api.MapPost("/signing/{token}/signed", UploadAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Gửi lại tệp PDF đã ký số (application/pdf; liên kết dùng một lần): 200 kết quả kiểm tra, hoặc 422.");
    }

    /// <summary>POST /periods/{period}/report/signing and /report/signatures, in the report group.</summary>
    public static void MapSigningOfReport(this RouteGroupBuilder report)
    {
        report.MapPost("/report/signing", OpenAsync)
            .WithSummary("Mở phiên ký số: {\"step\": \"leader\"} (lãnh đạo) hoặc {\"step\": \"agency\"} (văn thư) → downloadUrl, uploadUrl, expiresAt.");
        report.MapPost("/report/signatures", UploadSignedInAsync)
            .WithSummary("Gửi tệp PDF đã ký số bằng công cụ bất kỳ (?step=leader|agency, application/pdf).");
    }

    private static async Task<IResult> OpenAsync(string period, SigningRequest? body, HttpRequest request, IConfiguration configuration,
        ReportSigningService signing, CancellationToken ct)
    {
        if (!signing.MaySignAnyStep) return ToResult(SigningResult.Forbidden);
        if (SigningSteps.Parse(body?.Step) is not { } step) return BadStep();
        return ToResult(await signing.OpenSessionAsync(period, step, BaseUrl(request, configuration), ct));
    }

    /// <summary>App:PublicBaseUrl when set (behind a proxy), else the request's own origin.</summary>
    public static string BaseUrl(HttpRequest request, IConfiguration configuration) =>
        configuration["App:PublicBaseUrl"] is { Length: > 0 } publicBase ? publicBase : $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<IResult> DownloadAsync(string token, ReportSigningService signing, CancellationToken ct)
    {
        var (file, refusal) = await signing.DownloadAsync(token, ct);
        return file is null ? ToResult(refusal!) : Results.File(file.Content, ReportRenderer.PdfContentType, file.FileName);
    }

    private static async Task<IResult> UploadAsync(string token, HttpRequest request, ReportSigningService signing, CancellationToken ct) =>
        await WithPdfAsync(request, signing.MaxUploadBytes, bytes => signing.UploadAsync(token, bytes, ct), ct);

    private static async Task<IResult> UploadSignedInAsync(string period, string? step, HttpRequest request, ReportSigningService signing, CancellationToken ct)
    {
        if (!signing.MaySignAnyStep) return ToResult(SigningResult.Forbidden);
        if (SigningSteps.Parse(step) is not { } s) return BadStep();
        if (!signing.MaySign(s)) return ToResult(SigningResult.Forbidden);
        return await WithPdfAsync(request, signing.MaxUploadBytes, bytes => signing.UploadSignedInAsync(period, s, bytes, ct), ct);
    }

    private static async Task<IResult> WithPdfAsync(HttpRequest request, long max, Func<byte[], Task<SigningResult>> use, CancellationToken ct)
    {
        byte[]? body;
        if (request.HasFormContentType && request.ContentLength <= max + 64 * 1024)
        {
            // The VGCA plugin posts the signed file as multipart/form-data with one file part (decision 0022).
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count != 1) return Results.Problem("Cần gửi đúng một tệp PDF đã ký.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Sai loại tệp");
            await using var stream = form.Files[0].OpenReadStream();
            body = await SignedFileBody.ReadAsync(stream, form.Files[0].Length, max, ct);
        }
        else if (string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            body = await SignedFileBody.ReadAsync(request.Body, request.ContentLength, max, ct);
        }
        else
        {
            return Results.Problem("Cần gửi tệp PDF với Content-Type: application/pdf.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Sai loại tệp");
        }
        return body is null ? ToResult(SigningResult.Verified(SignatureVerification.TooLarge(max))) : ToResult(await use(body));
    }

    private static IResult BadStep() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["step"] = ["Bước ký là “leader” (lãnh đạo) hoặc “agency” (văn thư)."] }, title: "Dữ liệu không hợp lệ");

    public static IResult ToResult(SigningResult result) => result.Outcome switch
    {
        SigningOutcome.Ok when result.Urls is { } urls => Results.Ok(new { urls.DownloadUrl, urls.UploadUrl, urls.ExpiresAt }),
        SigningOutcome.Ok => Results.Ok(new { ok = true, signature = SignatureDto.Of(result.Verification!.Signature!) }),
        SigningOutcome.Refused => Results.Problem(result.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Tệp đã ký không được chấp nhận",
            extensions: new Dictionary<string, object?> { ["failedCheck"] = result.Verification?.FailedCheck }),
        SigningOutcome.NotFound => Results.Problem("Không tìm thấy phiên ký hoặc báo cáo.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy"),
        SigningOutcome.Forbidden => Results.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền"),
        SigningOutcome.Gone => Results.Problem(result.Message, statusCode: StatusCodes.Status410Gone, title: "Liên kết không còn dùng được"),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được"),
    };
}
