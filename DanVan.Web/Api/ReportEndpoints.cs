using DanVan.Domain.Common;
using System.Globalization;
using DanVan.Data.Seeding;
using DanVan.Domain.Reports;
using DanVan.Web.Features.ReportSigning;
using DanVan.Web.Features.ReportWorkflow;
using DanVan.Web.Infrastructure;
using DanVan.Web.Services.Reports;

namespace DanVan.Web.Api;

public sealed record MetadataDto(
    string? Number, string? Date, string? Place, string? ParentAgency, string? Agency, string? RequestReference,
    IReadOnlyList<string>? Recipients, string? SignerAuthority, string? SignerTitle, string? DeputyTitle, string? SignerName);

public sealed record ReportBody(string State, MetadataDto Metadata, IReadOnlyList<LintDto> Lint, IReadOnlyList<string> Missing,
    DateTimeOffset? IssuedAt, string? PdfSha256, string? ReviewComment)
{
    /// <summary>"1 lỗi, 3 cảnh báo, 1 đơn vị chưa được tiếp nhận".</summary>
    public string Summary { get; init; } = "";
    public IReadOnlyList<UnitStandingDto> UnitsNotAccepted { get; init; } = [];
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The verified signatures, in signing order.</summary>
    public IReadOnlyList<SignatureDto> Signatures { get; init; } = [];

    /// <summary>"leader" or "agency" while the report awaits that signature, else null.</summary>
    public string? NextSignature { get; init; }
}

public sealed record UnitStandingDto(string Unit, string Name, string Status, string? Reason);

public sealed record ReportSubmitRequest(Dictionary<string, string>? Reasons);

public sealed record ReasonRequest(string? Reason);

public sealed record LintDto(string Message, string Severity, string? Section);

public sealed record ReportPutRequest(MetadataDto? Metadata, Dictionary<string, string?>? Sections);

/// <summary>/api/v1/periods/{period}/report…: the same ReportService as the editor.</summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        var report = api.MapGroup("/periods/{period}").RequireAuthorization(Policies.Reports)
            .ProducesProblem(StatusCodes.Status404NotFound);
        report.MapGet("/report", GetAsync).WithSummary("Báo cáo của kỳ: trạng thái, thông tin, cảnh báo, số liệu còn thiếu, chữ ký số.")
            .Produces<ReportBody>();
        report.MapPut("/report", PutAsync).WithSummary("Sửa thông tin và nội dung báo cáo (chuyên viên tổng hợp).")
            .Produces<ReportBody>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        File(report.MapGet("/report.pdf", (string period, ReportService s, CancellationToken ct) => FileAsync(period, "pdf", s, ct)),
            "Báo cáo dạng PDF (đã ký: đúng từng byte của bản ký mới nhất).", "application/pdf");
        File(report.MapGet("/report.docx", (string period, ReportService s, CancellationToken ct) => FileAsync(period, "docx", s, ct)),
            "Báo cáo dạng Word (.docx).", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        File(report.MapGet("/report.html", (string period, ReportService s, CancellationToken ct) => FileAsync(period, "html", s, ct)),
            "Báo cáo dạng HTML.", "text/html");
        File(report.MapGet("/appendix.xlsx", (string period, ReportService s, CancellationToken ct) => FileAsync(period, "xlsx", s, ct)),
            "Phụ lục số liệu dạng Excel (.xlsx).", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Move(report.MapPost("/report/submit", (string period, ReportSubmitRequest? body, ReportService s, ReportWorkflowService w, CancellationToken ct) => MoveAsync(period, s, w.SubmitAsync(period, body?.Reasons, ct), ct)),
            "Trình lãnh đạo duyệt (chuyên viên tổng hợp); 422 khi còn lỗi hoặc đơn vị chưa được tiếp nhận mà không có lý do (“reasons”: mã đơn vị → lý do).");
        Move(report.MapPost("/report/withdraw", (string period, ReportService s, ReportWorkflowService w, CancellationToken ct) => MoveAsync(period, s, w.WithdrawAsync(period, ct), ct)),
            "Rút lại báo cáo đang trình duyệt (chuyên viên tổng hợp).");
        Move(report.MapPost("/report/approve", (string period, ReportService s, ReportWorkflowService w, CancellationToken ct) => MoveAsync(period, s, w.ApproveAsync(period, ct), ct)),
            "Duyệt (lãnh đạo): đóng băng văn bản và PDF; ban hành ngay hoặc chờ ký số theo Signing:Required; 422 khi còn lỗi.");
        Move(report.MapPost("/report/reject", (string period, CommentRequest? body, ReportService s, ReportWorkflowService w, CancellationToken ct) => MoveAsync(period, s, w.RejectAsync(period, body?.Comment, ct), ct)),
            "Trả lại báo cáo kèm ý kiến (lãnh đạo).");
        Move(report.MapPost("/report/revoke", (string period, ReasonRequest? body, ReportService s, ReportWorkflowService w, CancellationToken ct) => MoveAsync(period, s, w.RevokeAsync(period, body?.Reason, ct), ct)),
            "Thu hồi báo cáo đã duyệt hoặc đã ban hành (lãnh đạo, cần lý do); báo cáo được giữ lại, lập dự thảo mới.");
        report.MapSigningOfReport();
        return api;
    }

    /// <summary>The contract of a download: its media type as a binary body.</summary>
    private static void File(RouteHandlerBuilder endpoint, string summary, string contentType) =>
        endpoint.WithSummary(summary).Produces<Stream>(StatusCodes.Status200OK, contentType);

    /// <summary>The contract of a workflow step: the report after it, or why not.</summary>
    private static void Move(RouteHandlerBuilder endpoint, string summary) =>
        endpoint.WithSummary(summary).Produces<ReportBody>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> GetAsync(string period, ReportService reports, CancellationToken ct)
    {
        var view = await reports.ViewAsync(period, ct);
        return view is null ? NotFound() : Results.Ok(ToBody(view));
    }

    private static async Task<IResult> PutAsync(string period, ReportPutRequest? request, ReportService reports, CancellationToken ct)
    {
        if (!reports.CanEdit) return Results.Problem("Bạn không có quyền thực hiện thao tác này với báo cáo.", statusCode: 403, title: "Không có quyền");
        if (request is null || (request.Metadata is null && request.Sections is null))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Cần “metadata” hoặc “sections”."] }, title: "Dữ liệu không hợp lệ");
        ReportMetadata? metadata = null;
        if (request.Metadata is { } m)
        {
            var current = await reports.ViewAsync(period, ct);
            if (current is null) return NotFound();
            var errors = new Dictionary<string, string[]>();
            DateOnly? date = current.Metadata.Date;
            if (m.Date is not null)
            {
                if (m.Date.Length == 0) date = null;
                else if (DateOnly.TryParseExact(m.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
                else errors["metadata.date"] = [$"Ngày “{(m.Date.Length > 20 ? m.Date[..20] : m.Date)}” không hợp lệ (dạng yyyy-MM-dd, ngày phải có thật)."];
            }
            var authority = current.Metadata.SignerAuthority;
            if (m.SignerAuthority is not null)
            {
                try { authority = ReportStateText.ParseAuthority(m.SignerAuthority); }
                catch (FormatException ex) { errors["metadata.signerAuthority"] = [ex.Message]; }
            }
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Dữ liệu không hợp lệ");
            var c = current.Metadata;
            metadata = new ReportMetadata(m.Number ?? c.Number, m.Place ?? c.Place, date, m.ParentAgency ?? c.ParentAgency, m.Agency ?? c.Agency,
                m.RequestReference ?? c.RequestReference, m.Recipients ?? c.Recipients, authority, m.SignerTitle ?? c.SignerTitle,
                m.DeputyTitle ?? c.DeputyTitle, m.SignerName ?? c.SignerName);
        }
        var result = await reports.UpdateAsync(period, new ReportUpdate(metadata, request.Sections), ct);
        return await ResultAsync(period, reports, result, ct);
    }

    private static async Task<IResult> FileAsync(string period, string format, ReportService reports, CancellationToken ct)
    {
        var file = await reports.ExportAsync(period, format, ct);
        return file is null ? NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> MoveAsync(string period, ReportService reports, Task<ReportResult> move, CancellationToken ct) =>
        await ResultAsync(period, reports, await move, ct);

    private static async Task<IResult> ResultAsync(string period, ReportService reports, ReportResult result, CancellationToken ct) => result.Outcome switch
    {
        ReportOutcome.Ok => Results.Ok(ToBody((await reports.ViewAsync(period, ct))!)),
        ReportOutcome.NotFound => NotFound(),
        ReportOutcome.Forbidden => Results.Problem("Bạn không có quyền thực hiện thao tác này với báo cáo.", statusCode: 403, title: "Không có quyền"),
        ReportOutcome.Invalid => Results.ValidationProblem(result.Errors!, detail: result.Message, title: "Dữ liệu không hợp lệ"),
        ReportOutcome.Refused => Results.Problem(result.Message, statusCode: 422, title: "Chưa thể thực hiện",
            extensions: new Dictionary<string, object?> { ["refusals"] = result.Refusals }),
        _ => Results.Problem(result.Message, statusCode: 409, title: "Không thực hiện được"),
    };

    public static ReportBody ToBody(ReportView view) => new(
        ApiNames.Of(view.State),
        new MetadataDto(view.Metadata.Number, view.Metadata.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), view.Metadata.Place,
            view.Metadata.ParentAgency, view.Metadata.Agency, view.Metadata.RequestReference, view.Metadata.Recipients,
            view.Metadata.SignerAuthority.Prefix(), view.Metadata.SignerTitle, view.Metadata.DeputyTitle, view.Metadata.SignerName),
        view.Lint.Select(l => new LintDto(l.Message, ApiNames.Of(l.Severity), l.SectionKey)).ToList(),
        view.MissingCodes, view.IssuedAt, view.PdfSha256, view.ReviewComment)
    {
        Summary = view.Readiness.Summary,
        UnitsNotAccepted = view.Readiness.Unaccepted
            .Select(u => new UnitStandingDto(u.UnitCode, u.UnitName, ApiNames.Of(u.Status), view.SendReasons.GetValueOrDefault(u.UnitCode))).ToList(),
        ApprovedAt = view.ApprovedAt,
        Signatures = view.Revisions.Select(r => SignatureDto.Of(r.Signature)).ToList(),
        NextSignature = view.NextSignature is { } next ? SigningSteps.ApiName(next) : null,
    };

    private static IResult NotFound() => Results.Problem("Không tìm thấy kỳ báo cáo.", statusCode: 404, title: "Không tìm thấy");
}
