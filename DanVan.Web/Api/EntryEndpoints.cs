using DanVan.Domain.Common;
using System.Text.Json;
using DanVan.Domain.Indicators;
using DanVan.Domain.Rules;
using DanVan.Web.Infrastructure;
using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Web.Services.Entry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Api;

public sealed record SubmissionDto(
    string Period, string Unit, string Status, bool Editable, string? ReturnComment,
    IReadOnlyDictionary<string, object?> Values, IReadOnlyDictionary<string, decimal?> Computed,
    IReadOnlyDictionary<string, string> Narratives, IReadOnlyList<ViolationDto> Violations);

public sealed record ViolationDto(string Rule, string Message, string Severity, string? Explanation);

public sealed record ValuesRequest(Dictionary<string, JsonElement>? Values, string? Reason);

public sealed record SubmitRequest(Dictionary<string, string?>? Explanations);

public sealed record CommentRequest(string? Comment);

public sealed record PeriodViolationDto(string Unit, string Rule, string Message, string Severity, string? Explanation);

public sealed record HistoryDto(DateTimeOffset At, string User, string Action, string? OldValue, string? NewValue, string? Reason);

/// <summary>/api/v1 for entry and review: thin, the same services as the pages.</summary>
public static class EntryEndpoints
{
    public const int MaxCodesPerRequest = 1000;

    public static RouteGroupBuilder MapEntryApi(this RouteGroupBuilder api)
    {
        var unit = api.MapGroup("/periods/{period}/units/{unit}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        unit.MapGet("", GetAsync).WithSummary("Phiếu số liệu của một đơn vị trong một kỳ (ETag = phiên bản).");
        unit.MapPut("/values", PutValuesAsync).WithSummary("Ghi số liệu (chỉ các mã được gửi); If-Match để chống ghi đè.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        unit.MapPost("/submit", SubmitAsync).WithSummary("Gửi phiếu; 422 khi còn thiếu chỉ tiêu hoặc giải trình.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        unit.MapPost("/accept", AcceptAsync).WithSummary("Tiếp nhận phiếu (chuyên viên tổng hợp).");
        unit.MapPost("/return", ReturnAsync).WithSummary("Trả lại phiếu kèm ý kiến (chuyên viên tổng hợp).");
        unit.MapGet("/history", HistoryAsync).WithSummary("Lịch sử thay đổi của một chỉ tiêu.");
        api.MapGet("/periods/{period}/validation", ValidationAsync)
            .RequireAuthorization(Policies.ReadAll)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mọi vi phạm quy tắc của mọi đơn vị trong kỳ.");
        return api;
    }

    private static async Task<Results<Ok<SubmissionDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string period, string unit, EntryService entry, HttpContext http, CancellationToken ct) =>
        (await entry.GetAsync(period, unit, ct)).Answer(sheet => Ok(http, sheet));

    private static async Task<Results<Ok<SubmissionDto>, ValidationProblem, ProblemHttpResult>> PutValuesAsync(
        string period, string unit, ValuesRequest request, EntryService entry, HttpContext http, CancellationToken ct)
    {
        // Who may write is decided before what was sent is judged: a stranger learns nothing from a 400.
        if (!await entry.CanWriteAsync(period, unit, ct))
            return ApiResults.Failure<Ok<SubmissionDto>>((await entry.GetAsync(period, unit, ct)).Status == ServiceStatus.NotFound ? ServiceResult.NotFound : ServiceResult.Forbidden);
        if (request?.Values is null || request.Values.Count == 0)
            return Problem400(new Dictionary<string, string[]> { ["values"] = ["Cần ít nhất một mã chỉ tiêu trong “values”."] });
        if (request.Values.Count > MaxCodesPerRequest)
            return Problem400(new Dictionary<string, string[]> { ["values"] = [$"Tối đa {MaxCodesPerRequest} mã mỗi lần."] });

        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, RawValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, json) in request.Values)
        {
            switch (json.ValueKind)
            {
                case JsonValueKind.Null: values[code] = RawValue.FromJson(null); break;
                case JsonValueKind.Number when json.TryGetDecimal(out var number): values[code] = RawValue.FromJson(number); break;
                case JsonValueKind.String: values[code] = RawValue.FromJsonText(json.GetString()); break;
                default: errors[code] = ["Giá trị phải là số, chuỗi hoặc null."]; break;
            }
        }
        if (errors.Count > 0) return Problem400(errors);

        Guid? expected = null;
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (!string.IsNullOrEmpty(ifMatch))
        {
            if (!Guid.TryParse(ifMatch.Trim().Trim('"'), out var parsed)) return ApiResults.Problem(StatusCodes.Status412PreconditionFailed, "Phiên bản không khớp", "If-Match không hợp lệ.");
            // The service judges the version: a replay of what is already stored is a no-op, not a conflict.
            expected = parsed;
        }

        var input = new EntryInput(values, new Dictionary<string, string?>(), new Dictionary<string, string?>(), expected, request.Reason);
        var result = await entry.SaveAsync(period, unit, input, ct);
        // With If-Match, a version that is not the stored one is a failed precondition (RFC 9110), not a conflict.
        return result.Status == ServiceStatus.Conflict && expected is not null ? PreconditionFailed() : result.Answer(sheet => Ok(http, sheet));
    }

    private static async Task<Results<Ok<SubmissionDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string period, string unit, SubmitRequest? request, EntryService entry, HttpContext http, CancellationToken ct)
    {
        var explanations = request?.Explanations ?? [];
        var input = new EntryInput(new Dictionary<string, RawValue>(), new Dictionary<string, string?>(), explanations, null, null);
        var result = await entry.SubmitAsync(period, unit, input, ct);
        if (result.Status == ServiceStatus.Refused && result.Value is { CanEdit: true } sheet)
        {
            var needed = sheet.Violations.Where(v => v.Severity == Severity.Error && string.IsNullOrWhiteSpace(v.Explanation))
                .Select(v => new ViolationDto(v.RuleCode, v.Message, ApiNames.Of(v.Severity), null)).ToList();
            var missing = sheet.Fields.Where(f => f.Required && f.Formula is null && f.StoredInput is "" or null).Select(f => f.Code).ToList();
            return TypedResults.Problem(
                detail: result.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Chưa gửi được",
                extensions: new Dictionary<string, object?> { ["violations"] = needed, ["missing"] = missing });
        }
        return result.Answer(s => Ok(http, s));
    }

    private static async Task<Results<Ok<SubmissionDto>, ValidationProblem, ProblemHttpResult>> AcceptAsync(string period, string unit, ReviewService review, EntryService entry, HttpContext http, CancellationToken ct) =>
        await AfterReviewAsync(await review.AcceptAsync(period, unit, ct), period, unit, entry, http, ct);

    private static async Task<Results<Ok<SubmissionDto>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        string period, string unit, CommentRequest? request, ReviewService review, EntryService entry, HttpContext http, CancellationToken ct) =>
        await AfterReviewAsync(await review.ReturnAsync(period, unit, request?.Comment, ct), period, unit, entry, http, ct);

    private static async Task<Results<Ok<List<HistoryDto>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        string period, string unit, [FromQuery] string? code, EntryService entry, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 128)
            return Problem400(new Dictionary<string, string[]> { ["code"] = ["Cần mã chỉ tiêu (?code=…)."] });
        return (await entry.HistoryAsync(period, unit, code, ct)).Answer(entries =>
            TypedResults.Ok(entries.Select(e => new HistoryDto(e.At, e.UserName, e.Action, e.OldValue, e.NewValue, e.Reason)).ToList()));
    }

    private static async Task<Results<Ok<List<PeriodViolationDto>>, ProblemHttpResult>> ValidationAsync(string period, ReviewService review, CancellationToken ct)
    {
        var violations = await review.ViolationsAsync(period, ct);
        return violations is null
            ? ApiResults.Problem(StatusCodes.Status404NotFound, "Không tìm thấy", "Không tìm thấy kỳ báo cáo.")
            : TypedResults.Ok(violations.Select(v => new PeriodViolationDto(v.UnitCode, v.Rule, v.Message, SeverityName(v.Severity), v.Explanation)).ToList());
    }

    private static async Task<Results<Ok<SubmissionDto>, ValidationProblem, ProblemHttpResult>> AfterReviewAsync(
        ServiceResult result, string period, string unit, EntryService entry, HttpContext http, CancellationToken ct) =>
        result.IsOk ? (await entry.GetAsync(period, unit, ct)).Answer(sheet => Ok(http, sheet)) : ApiResults.Failure<Ok<SubmissionDto>>(result);

    private static Ok<SubmissionDto> Ok(HttpContext http, EntrySheet sheet)
    {
        if (sheet.Version is { } version) http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(ToDto(sheet));
    }

    public static SubmissionDto ToDto(EntrySheet sheet) => new(
        sheet.PeriodCode, sheet.UnitCode, StatusName(sheet.Status), sheet.CanEdit, sheet.ReturnComment,
        sheet.Fields.Where(f => f.Formula is null).ToDictionary(f => f.Code, f => ValueOf(f)),
        sheet.Computed,
        sheet.Narratives.ToDictionary(n => n.SectionKey, n => n.Text),
        sheet.Violations.Select(v => new ViolationDto(v.RuleCode, v.Message, SeverityName(v.Severity), v.Explanation)).ToList());

    private static object? ValueOf(IndicatorField field) =>
        field.Kind == ValueKind.Text ? (string.IsNullOrEmpty(field.StoredInput) ? null : field.StoredInput) : field.Number;

    private static string StatusName(Domain.Submissions.SubmissionStatus status) => ApiNames.Of(status);

    private static string SeverityName(Severity severity) => ApiNames.Of(severity);

    private static ProblemHttpResult PreconditionFailed() => ApiResults.Problem(StatusCodes.Status412PreconditionFailed, "Phiên bản không khớp",
        "Phiếu đã được cập nhật sau phiên bản bạn gửi kèm (If-Match). Hãy tải lại và thử lại.");

    private static ValidationProblem Problem400(IDictionary<string, string[]> errors) => ApiResults.Invalid(errors);
}
