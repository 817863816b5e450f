using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Domain.Auditing;
using DanVan.Domain.Reports;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.ReportWorkflow;

/// <summary>Nothing is frozen with errors: sending and approving are refused with the list, confirmed with a summary.</summary>
public sealed class ReportGatingTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<ReportState> StateAsync(string period) =>
        _app.QueryAsync(db => db.Reports.Where(r => db.Periods.Any(p => p.Id == r.PeriodId && p.Code == period) && r.State != ReportState.Revoked)
            .Select(r => r.State).SingleOrDefaultAsync());

    [Fact]
    public async Task Sending_is_refused_with_the_list_while_the_lint_shows_errors_and_nothing_changes()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var refused = await compiler.PostAsync("/api/v1/periods/2021-H1/report/submit", null);
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        var problem = await refused.JsonAsync();
        var refusals = problem.GetProperty("refusals").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(refusals, r => r.Contains("31/4/2019"));
        Assert.Contains(refusals, r => r.Contains("10/6/2021"));
        Assert.Equal(ReportState.Draft, await StateAsync("2021-H1"));

        await compiler.FixLintErrorsAsync("2021-H1");
        Assert.Equal(HttpStatusCode.OK, (await compiler.PostAsync("/api/v1/periods/2021-H1/report/submit", null)).StatusCode);
    }

    [Fact]
    public async Task Units_not_accepted_need_a_typed_reason_each_which_the_leader_sees_before_approving()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        await compiler.FixLintErrorsAsync("2021-Y");
        var partial = await compiler.PostAsJsonAsync("/api/v1/periods/2021-Y/report/submit", new { reasons = new Dictionary<string, string> { ["BTCD"] = "Ban gửi chậm." } });
        Assert.Equal((HttpStatusCode)422, partial.StatusCode);
        var refusals = (await partial.JsonAsync()).GetProperty("refusals").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.Contains(refusals, r => r.Contains("Trung tâm Phục vụ hành chính công tỉnh"));
        Assert.DoesNotContain(refusals, r => r.Contains("Ban Tiếp công dân"));
        Assert.Equal(HttpStatusCode.OK, (await compiler.SubmitWithReasonsAsync("2021-Y")).StatusCode);

        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        var report = await (await leader.GetAsync("/api/v1/periods/2021-Y/report")).JsonAsync();
        Assert.Contains("4 đơn vị chưa được tiếp nhận", report.GetProperty("summary").GetString());
        Assert.All(report.GetProperty("unitsNotAccepted").EnumerateArray(), u => Assert.Contains("sẽ bổ sung", u.GetProperty("reason").GetString()));

        var page = await (await _app.SignedInAsync("lanhdao@danvan.local")).GetDocumentAsync("/reports/2021-Y");
        var form = page.QuerySelector("[data-testid='approve-form']")!;
        var readiness = form.QuerySelector("[data-testid='readiness']")!;
        Assert.Contains("4 đơn vị chưa được tiếp nhận", readiness.TextContent);
        Assert.Contains("lý do trình: Đơn vị chưa gửi phiếu", readiness.TextContent);
        Assert.True(readiness.CompareDocumentPosition(form.QuerySelector("button")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Contains("sẽ bổ sung", page.QuerySelector("[data-testid='send-reasons']")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/v1/periods/2021-Y/report/approve", null)).StatusCode);
    }

    [Fact]
    public async Task Both_buttons_ask_for_confirmation_with_the_summary()
    {
        var compiler = await _app.SignedInAsync("tonghop@danvan.local");
        var editor = await compiler.GetDocumentAsync("/reports/2021-H1");
        var submit = editor.QuerySelector<IHtmlFormElement>("[data-testid='submit-form']")!;
        Assert.Contains("Tôi đã xem: 2 lỗi, 9 cảnh báo", submit.TextContent);
        var unconfirmed = await compiler.PostFormAsync(submit, new Dictionary<string, string>());
        Assert.Equal((HttpStatusCode)422, unconfirmed.StatusCode);
        Assert.Contains("xác nhận", (await FormClient.ParseAsync(unconfirmed)).QuerySelector("[data-testid='message']")!.TextContent);
        var withErrors = await compiler.PostFormAsync(submit, new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal((HttpStatusCode)422, withErrors.StatusCode);
        Assert.Contains("31/4/2019", (await FormClient.ParseAsync(withErrors)).QuerySelector("[data-testid='refusals']")!.TextContent);

        await (await _app.ApiAsync("tonghop@danvan.local")).FixLintErrorsAsync("2021-H1");
        editor = await compiler.GetDocumentAsync("/reports/2021-H1");
        submit = editor.QuerySelector<IHtmlFormElement>("[data-testid='submit-form']")!;
        Assert.Contains("Tôi đã xem: 9 cảnh báo", submit.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await compiler.PostFormAsync(submit, new Dictionary<string, string> { ["confirmed"] = "true" })).StatusCode);

        var leader = await _app.SignedInAsync("lanhdao@danvan.local");
        var approve = (await leader.GetDocumentAsync("/reports/2021-H1")).QuerySelector<IHtmlFormElement>("[data-testid='approve-form']")!;
        Assert.Contains("Tôi đã xem: 9 cảnh báo", approve.TextContent);
        Assert.Equal((HttpStatusCode)422, (await leader.PostFormAsync(approve, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(ReportState.PendingApproval, await StateAsync("2021-H1"));
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(approve, new Dictionary<string, string> { ["confirmed"] = "true" })).StatusCode);
        Assert.Equal(ReportState.Issued, await StateAsync("2021-H1"));
    }

    [Fact]
    public async Task The_compiler_takes_back_a_report_waiting_for_approval()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        await compiler.SendReadyAsync("2021-H1");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.ApiAsync("lanhdao@danvan.local")).PostAsync("/api/v1/periods/2021-H1/report/withdraw", null)).StatusCode);
        var back = await compiler.PostAsync("/api/v1/periods/2021-H1/report/withdraw", null);
        Assert.Equal("draft", (await back.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await compiler.PostAsync("/api/v1/periods/2021-H1/report/withdraw", null)).StatusCode);
        Assert.Equal(1, await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ReportWithdrawn && a.UserName == "tonghop@danvan.local")));
    }

    [Fact]
    public async Task The_leader_revokes_an_issued_report_with_a_reason_it_stays_with_its_files_and_a_new_draft_is_issued()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        await compiler.SendReadyAsync("2021-H1");
        var issued = await (await leader.PostAsync("/api/v1/periods/2021-H1/report/approve", null)).JsonAsync();
        var sha = issued.GetProperty("pdfSha256").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await compiler.PostAsJsonAsync("/api/v1/periods/2021-H1/report/revoke", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.PostAsJsonAsync("/api/v1/periods/2021-H1/report/revoke", new { reason = " " })).StatusCode);
        var revoked = await leader.PostAsJsonAsync("/api/v1/periods/2021-H1/report/revoke", new { reason = "Sai số liệu tiếp công dân." });
        Assert.Equal("draft", (await revoked.JsonAsync()).GetProperty("state").GetString());

        var kept = await _app.QueryAsync(db => db.Reports.Where(r => r.State == ReportState.Revoked).Select(r => new { r.PdfSha256, r.PdfBytes, r.RevokeReason, r.RevokedBy }).SingleAsync());
        Assert.Equal(sha, kept.PdfSha256);
        Assert.NotNull(kept.PdfBytes);
        Assert.Equal("lanhdao@danvan.local", kept.RevokedBy);
        Assert.Contains(await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ReportRevoked).Select(a => a.Reason).ToListAsync()), r => r == "Sai số liệu tiếp công dân.");
        var page = await (await _app.SignedInAsync("tonghop@danvan.local")).GetDocumentAsync("/reports/2021-H1");
        Assert.Contains("Sai số liệu tiếp công dân.", page.QuerySelector("[data-testid='revoked']")!.TextContent);
        Assert.Contains("DỰ THẢO", await (await compiler.GetAsync("/api/v1/periods/2021-H1/report.html")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await compiler.PostAsync("/api/v1/periods/2021-H1/report/submit", null)).StatusCode);
        Assert.Equal("issued", (await (await leader.PostAsync("/api/v1/periods/2021-H1/report/approve", null)).JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(2, await _app.QueryAsync(db => db.Reports.CountAsync(r => db.Periods.Any(p => p.Id == r.PeriodId && p.Code == "2021-H1"))));
    }
}
