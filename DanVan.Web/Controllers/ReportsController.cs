using System.Globalization;
using DanVan.Data.Seeding;
using DanVan.Domain.Reports;
using DanVan.Web.Features.ReportSigning;
using DanVan.Web.Features.ReportWorkflow;
using DanVan.Web.Infrastructure;
using DanVan.Web.Models.Reports;
using DanVan.Web.Services.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

/// <summary>The compiler's report editor, the leader's approval, previews and downloads.</summary>
[Route("reports/{period}")]
[Authorize(Policy = Policies.Reports)]
public sealed class ReportsController(ReportService reports, ReportWorkflowService workflow, ReportSigningService signing) : Controller
{
    /// <summary>The navigation's “Báo cáo”: the report being compiled now.</summary>
    [HttpGet("~/reports")]
    public async Task<IActionResult> Current(CancellationToken ct) =>
        await reports.CurrentPeriodCodeAsync(ct) is { } period ? RedirectToAction(nameof(Edit), new { period }) : NotFound();

    [HttpGet("")]
    public async Task<IActionResult> Edit(string period, CancellationToken ct)
    {
        var view = await reports.ViewAsync(period, ct);
        if (view is null) return NotFound();
        return View(Page(view, FormOf(view.Metadata), null));
    }

    [HttpPost("metadata")]
    public async Task<IActionResult> Metadata(string period, MetadataForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(form.Date))
        {
            if (DateOnly.TryParseExact(form.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else errors["date"] = ["Ngày báo cáo không hợp lệ."];
        }
        SignerAuthority authority = SignerAuthority.None;
        try { authority = ReportStateText.ParseAuthority(form.SignerAuthority); }
        catch (FormatException ex) { errors["signerAuthority"] = [ex.Message]; }
        if (!ModelState.IsValid) errors["form"] = ["Có trường quá dài."];

        var result = errors.Count > 0
            ? ReportResult.Invalid(errors)
            : await reports.UpdateAsync(period, new ReportUpdate(new ReportMetadata(
                form.Number ?? "", form.Place ?? "", date, form.ParentAgency ?? "", form.Agency ?? "", form.RequestReference ?? "",
                (form.Recipients ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                authority, form.SignerTitle ?? "", form.DeputyTitle, form.SignerName ?? ""), null), ct);
        return await AfterAsync(period, result, "Đã lưu thông tin báo cáo.", form, ct);
    }

    [HttpPost("sections")]
    public async Task<IActionResult> Sections(string period, CancellationToken ct)
    {
        var view = await reports.ViewAsync(period, ct);
        if (view is null) return NotFound();
        var form = await Request.ReadFormAsync(ct);
        var sections = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var section in view.Sections)
        {
            if (!form.TryGetValue("s:" + section.Key, out var posted)) continue;
            sections[section.Key] = posted.ToString();
        }
        var result = await reports.UpdateAsync(period, new ReportUpdate(null, sections), ct);
        return await AfterAsync(period, result, "Đã lưu nội dung báo cáo.", null, ct);
    }

    [HttpPost("copy-previous")]
    public async Task<IActionResult> CopyPrevious(string period, CancellationToken ct) =>
        await AfterAsync(period, await reports.CopyFromPreviousAsync(period, ct), "Đã lấy nội dung từ báo cáo kỳ trước cho các mục còn trống.", null, ct);

    /// <summary>Trình lãnh đạo duyệt: the box “đã xem …” must be ticked; “reason:UNIT” fields carry the reasons to send anyway.</summary>
    [HttpPost("submit")]
    public async Task<IActionResult> Submit(string period, CancellationToken ct)
    {
        if (!reports.CanEdit) return Forbid();
        var form = await Request.ReadFormAsync(ct);
        if (Unconfirmed(form) is { } refused) return await AfterAsync(period, refused, "", null, ct);
        var reasons = form.Where(f => f.Key.StartsWith("reason:", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["reason:".Length..], f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return await AfterAsync(period, await workflow.SubmitAsync(period, reasons, ct), "Đã trình lãnh đạo duyệt.", null, ct);
    }

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw(string period, CancellationToken ct) =>
        await AfterAsync(period, await workflow.WithdrawAsync(period, ct), "Đã rút lại báo cáo về dự thảo.", null, ct);

    [HttpPost("approve")]
    public async Task<IActionResult> Approve(string period, CancellationToken ct)
    {
        if (!reports.CanApprove) return Forbid();
        if (Unconfirmed(await Request.ReadFormAsync(ct)) is { } refused) return await AfterAsync(period, refused, "", null, ct);
        var result = await workflow.ApproveAsync(period, ct);
        var state = result.Outcome == ReportOutcome.Ok ? (await reports.ViewAsync(period, ct))?.State : null;
        return await AfterAsync(period, result, state == ReportState.AwaitingSignature ? "Đã duyệt báo cáo; chờ ký số." : "Đã duyệt và ban hành báo cáo.", null, ct);
    }

    [HttpPost("reject")]
    public async Task<IActionResult> Reject(string period, [FromForm] string? comment, CancellationToken ct) =>
        await AfterAsync(period, await workflow.RejectAsync(period, comment, ct), "Đã trả lại dự thảo.", null, ct);

    [HttpPost("revoke")]
    public async Task<IActionResult> Revoke(string period, [FromForm] string? reason, CancellationToken ct) =>
        await AfterAsync(period, await workflow.RevokeAsync(period, reason, ct), "Đã thu hồi báo cáo; đã lập dự thảo mới.", null, ct);

    /// <summary>Opens a one-time signing session for the page's VGCA plugin script (JSON, like the API's).</summary>
    [HttpPost("signing")]
    public async Task<IResult> Signing(string period, [FromForm] string? step, [FromServices] IConfiguration configuration, CancellationToken ct)
    {
        if (!signing.MaySignAnyStep) return SigningEndpoints.ToResult(SigningResult.Forbidden);
        if (SigningSteps.Parse(step) is not { } s) return SigningEndpoints.ToResult(SigningResult.Conflict("Bước ký không hợp lệ."));
        return SigningEndpoints.ToResult(await signing.OpenSessionAsync(period, s, SigningEndpoints.BaseUrl(Request, configuration), ct));
    }

    /// <summary>The manual way: the file signed in any tool, uploaded from the report page (step = leader | agency).</summary>
    [HttpPost("signatures")]
    [RequestSizeLimit(64L * 1024 * 1024)]
    public async Task<IActionResult> Signatures(string period, [FromForm] string? step, IFormFile? file, CancellationToken ct)
    {
        if (!signing.MaySignAnyStep) return Forbid();
        if (SigningSteps.Parse(step) is not { } s) return await AfterAsync(period, ReportResult.Invalid(new Dictionary<string, string[]> { ["step"] = ["Bước ký không hợp lệ."] }), "", null, ct);
        if (!signing.MaySign(s)) return Forbid();
        if (file is null || file.Length == 0) return await AfterAsync(period, ReportResult.Refused("Chưa chọn tệp PDF đã ký.", []), "", null, ct);
        await using var stream = file.OpenReadStream();
        var bytes = await SignedFileBody.ReadAsync(stream, file.Length, signing.MaxUploadBytes, ct);
        var result = bytes is null ? SigningResult.Verified(DanVan.Domain.Signing.SignatureVerification.TooLarge(signing.MaxUploadBytes))
            : await signing.UploadSignedInAsync(period, s, bytes, ct);
        var mapped = result.Outcome switch
        {
            SigningOutcome.Ok => ReportResult.Ok,
            SigningOutcome.NotFound => ReportResult.NotFound,
            SigningOutcome.Forbidden => ReportResult.Forbidden,
            SigningOutcome.Refused => ReportResult.Refused("Tệp đã ký không được chấp nhận: " + result.Message, []),
            _ => ReportResult.Conflict(result.Message ?? ""),
        };
        return await AfterAsync(period, mapped, $"Đã nhận tệp có chữ ký số của {result.Verification?.Signature?.SignerCommonName}.", null, ct);
    }

    private static ReportResult? Unconfirmed(IFormCollection form) =>
        form["confirmed"].ToString() == "true" ? null
            : ReportResult.Refused("Cần đánh dấu xác nhận đã xem tóm tắt kiểm tra trước khi thực hiện.", ["Chưa xác nhận."]);

    /// <summary>The standalone HTML of the document, framed by the editor: no script at all, so inline styles are allowed.</summary>
    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string period, CancellationToken ct)
    {
        var html = await reports.HtmlAsync(period, ct);
        if (html is null) return NotFound();
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        // Figure links open the value's history in the whole window, not inside the frame.
        return Content(html.Replace("<head>", "<head>\n<base target=\"_top\">", StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    [HttpGet("download/{format}")]
    public async Task<IActionResult> Download(string period, string format, CancellationToken ct)
    {
        var file = await reports.ExportAsync(period, format, ct);
        if (file is null) return NotFound();
        if (format == "html")
            Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> AfterAsync(string period, ReportResult result, string success, MetadataForm? form, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case ReportOutcome.NotFound: return NotFound();
            case ReportOutcome.Forbidden: return Forbid();
            case ReportOutcome.Ok:
                TempData["Message"] = success;
                return RedirectToAction(nameof(Edit), new { period });
        }
        var view = await reports.ViewAsync(period, ct);
        if (view is null) return NotFound();
        Response.StatusCode = result.Outcome switch { ReportOutcome.Invalid => 400, ReportOutcome.Refused => 422, _ => 409 };
        return View("Edit", Page(view, form ?? FormOf(view.Metadata), result) with { MessageKind = "danger" });
    }

    private ReportEditorPage Page(ReportView view, MetadataForm form, ReportResult? result) =>
        new(view, form, reports.CanEdit && view.State == ReportState.Draft, reports.CanApprove && view.State == ReportState.PendingApproval,
            result?.Message ?? TempData["Message"] as string, result is null ? "success" : "danger", result?.Errors)
        {
            Refusals = result?.Refusals ?? [],
            CanWithdraw = reports.CanEdit && view.State == ReportState.PendingApproval,
            CanRevoke = reports.CanApprove && view.State is ReportState.Issued or ReportState.AwaitingSignature,
            CanSign = view.NextSignature is { } next && signing.MaySign(next),
        };

    private static MetadataForm FormOf(ReportMetadata m) => new()
    {
        Number = m.Number,
        Date = m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Place = m.Place,
        ParentAgency = m.ParentAgency,
        Agency = m.Agency,
        RequestReference = m.RequestReference,
        Recipients = string.Join('\n', m.Recipients),
        SignerAuthority = m.SignerAuthority.Prefix(),
        SignerTitle = m.SignerTitle,
        DeputyTitle = m.DeputyTitle,
        SignerName = m.SignerName,
    };
}
