using Microsoft.AspNetCore.Http.HttpResults;

namespace DanVan.Web.Infrastructure.ServiceResults;

/// <summary>
/// The one mapping of a <see cref="ServiceResult"/> to the API (decision 0016): Ok runs <c>ok</c> (a typed result,
/// so the OpenAPI document shows its schema), Invalid is a 400 validation problem with the errors by field as sent,
/// the rest problem details (404, 403, 409) with a Vietnamese title and detail.
/// </summary>
public static class ApiResults
{
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Answer<T, TOk>(this ServiceResult<T> result, Func<T, TOk> ok)
        where TOk : IResult =>
        result.IsOk ? ok(result.Value!) : Failure<TOk>(result.Outcome);

    public static Results<TOk, ValidationProblem, ProblemHttpResult> Answer<TOk>(this ServiceResult result, Func<TOk> ok)
        where TOk : IResult =>
        result.IsOk ? ok() : Failure<TOk>(result);

    /// <summary>A failure as problem details, typed as an endpoint's answer.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Failure<TOk>(ServiceResult result) where TOk : IResult =>
        result.Status == ServiceStatus.Invalid ? InvalidOf(result) : ProblemOf(result);

    /// <summary>A failure as problem details.</summary>
    public static Results<ValidationProblem, ProblemHttpResult> Problem(ServiceResult result) =>
        result.Status == ServiceStatus.Invalid ? InvalidOf(result) : ProblemOf(result);

    private static ValidationProblem InvalidOf(ServiceResult result) =>
        Invalid(result.Errors.ToDictionary(e => e.Key.Length == 0 ? "body" : e.Key, e => new[] { e.Value }), result.Message);

    private static ProblemHttpResult ProblemOf(ServiceResult result) => result.Status switch
    {
        ServiceStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Không tìm thấy", result.Message ?? "Không tìm thấy điều bạn yêu cầu."),
        ServiceStatus.Forbidden => Problem(StatusCodes.Status403Forbidden, "Không có quyền", result.Message ?? "Bạn không có quyền làm việc này."),
        ServiceStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Xung đột dữ liệu", result.Message),
        ServiceStatus.Refused => Problem(StatusCodes.Status409Conflict, "Không thực hiện được", result.Message),
        _ => throw new InvalidOperationException("An Ok result is not a problem."),
    };

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? "Dữ liệu không hợp lệ, chưa lưu gì.", title: "Dữ liệu không hợp lệ");

    public static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
